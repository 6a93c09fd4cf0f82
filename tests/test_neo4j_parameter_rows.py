"""`runner.Rows`: a list of parameter rows the driver packs like any list, and names by its length
in its debug log instead of spelling out every record (see the class). Pure: no server."""

from __future__ import annotations

from neo4j._codec.packstream import v1

from ecosystem.store.neo4j.runner import Rows

ROWS = [{"props": {"id": "a1", "name": "Atelier « vélo » — Die", "sdgs": [3, 11]},
         "links": [["ACTS_IN", 40]]},
        {"props": {"id": "a2", "name": "Épicerie", "score": 0.5, "active": False}, "links": []}]


def _packed(value: object) -> bytes:
    """What the driver's packer writes for `value` (its Rust packer when installed, as here)."""
    buffer = v1.PackableBuffer()
    v1.Packer(buffer)._pack(value)
    return bytes(buffer.data)


def test_rows_are_sent_as_the_same_list():
    assert _packed({"rows": Rows(ROWS)}) == _packed({"rows": list(ROWS)})
    assert Rows(ROWS) == ROWS


def test_rows_are_named_by_their_number_not_spelled_out():
    text = " ".join(map(repr, ("UNWIND $rows AS row", {"rows": Rows(ROWS), "version": "t"}, {})))
    assert "<2 rows>" in text
    assert "Atelier" not in text and "a2" not in text
