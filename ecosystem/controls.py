"""Control characters: invisible codes that text cells must not carry.

A name holding ESC (`\\x1b[31m`) colours the terminal that prints it; a vertical tab or a `\\x01` makes
GraphML and GEXF exports invalid XML (XML 1.0 allows no C0 code but tab, line feed and carriage
return); a lone surrogate (which JSON's `\\ud800` escape can produce) cannot even be written as UTF-8.
Everything read from a dataset or a register goes through `strip_controls`, and the exports do it
again, defensively, for what reached a store another way.

Removed: C0 codes except tab, line feed and carriage return; DEL; C1 codes (U+0080 to U+009F);
surrogates; the non-characters U+FFFE and U+FFFF. The codes that separate (vertical tab, form feed,
the file/group/record/unit separators, next line) become a space, so that words they held apart
stay apart; the others are dropped.
"""

from __future__ import annotations

import re

_SEPARATING = "\x0b\x0c\x1c\x1d\x1e\x1f\x85"
_RANGES = ((0x00, 0x08), (0x0B, 0x0C), (0x0E, 0x1F), (0x7F, 0x9F), (0xD800, 0xDFFF), (0xFFFE, 0xFFFF))
_FOUND = re.compile("[" + "".join(f"\\u{low:04x}-\\u{high:04x}" for low, high in _RANGES) + "]")
_TABLE: dict[int, str | None] = {code: None for low, high in _RANGES for code in range(low, high + 1)}
_TABLE.update({ord(ch): " " for ch in _SEPARATING})
_LINE_BREAKS = re.compile(r"[\t\r\n]+")
# The same codes in the bytes of a UTF-8 or Windows-1252 file: C0 and DEL are single bytes in both,
# C1 and U+FFFE/U+FFFF have one UTF-8 form each (Windows-1252 has no C1: 0x80-0x9F are letters and
# signs there, or undefined and refused), and neither encoding can hold a surrogate.
_KEEP_C0 = bytes(b for b in range(256)
                 if not (b <= 0x08 or b in (0x0B, 0x0C) or 0x0E <= b <= 0x1F or b == 0x7F))
_C1_UTF8 = re.compile(rb"\xc2[\x80-\x9f]")
_NONCHARACTER_UTF8 = re.compile(rb"\xef\xbf[\xbe\xbf]")


def has_controls(text: str) -> bool:
    """True when `text` holds a character that `strip_controls` removes.

    >>> has_controls("Crest\\x1b[31m"), has_controls("Crest\\tDrôme\\n")
    (True, False)
    """
    return _FOUND.search(text) is not None


def bytes_may_have_controls(data: bytes) -> bool:
    """A fast first test on the bytes of a UTF-8 or Windows-1252 file (not UTF-16): False guarantees
    that the text decoded from them holds no control character; True may be a false alarm (then
    scan the text with `has_controls`). About ten times faster than scanning the text.

    >>> bytes_may_have_controls("Crest, Drôme\\n".encode()), bytes_may_have_controls("a\\x85b".encode())
    (False, True)
    """
    return bool(data.translate(None, _KEEP_C0)) or bool(
        _C1_UTF8.search(data) or _NONCHARACTER_UTF8.search(data))


def strip_controls(text: str) -> str:
    """`text` without control characters; separators become a space.

    >>> strip_controls("\\x1b[31mRouge\\x1b[0m"), strip_controls("une\\x0bautre"), strip_controls("a\\tb\\nc")
    ('[31mRouge[0m', 'une autre', 'a\\tb\\nc')
    """
    return text.translate(_TABLE) if _FOUND.search(text) else text


def codes(text: str) -> str:
    """The control characters of `text`, named as code points, each once, in order of code.

    >>> codes("a\\x1bb\\x0b\\x1b")
    'U+000B, U+001B'
    """
    return ", ".join(f"U+{code:04X}" for code in sorted({ord(ch) for ch in _FOUND.findall(text)}))


def one_line(text: str) -> str:
    """`text` as one line of a terminal table: no control character, no line break, no tab.

    >>> one_line("Ville\\x1b[2J de\\nCrest")
    'Ville[2J de Crest'
    """
    return _LINE_BREAKS.sub(" ", strip_controls(text))
