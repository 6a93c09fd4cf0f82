"""Every error says itself in French and in English, and no raise site can forget its French.

The rendering tests build each error class the way the code does (through the real functions
where there is one: `parse_lang`, `check_options`, `unavailable`, `check_ownership`...). The drift
test reads every module of `ecosystem/` (ast) and fails on a call to an `EcosystemError` subclass
that gives no French sentence, or one that breaks French typography.
"""

from __future__ import annotations

import ast
import dataclasses
import pickle
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j import exceptions as neo

from ecosystem.access.errors import BadCredentials, TooManyAttempts
from ecosystem.analysis.lookup import Ambiguous
from ecosystem.datasets.problems import problem
from ecosystem.deadline import QuestionTimeout
from ecosystem.editing.scenarios import ScenarioNameMissing
from ecosystem.errors import (
    NOT_FOUND_KINDS,
    ConflictError,
    DatasetInvalid,
    EcosystemError,
    IdsTaken,
    NotFound,
    Problem,
    QueryTimeout,
    StoreUnavailable,
    Taken,
    UnreadableFile,
)
from ecosystem.history.guard import Drop, ReloadNeedsConfirmation
from ecosystem.lang import Lang, UnknownLang, parse_lang
from ecosystem.neo4j_server.config import check_options
from ecosystem.store.integrity import check_ownership
from ecosystem.store.neo4j.runner import unavailable
from ecosystem.store.rules import LoadOvertaken
from tests.factories import small_dataset

PACKAGE = Path(__file__).resolve().parent.parent / "ecosystem"
URI = "bolt://127.0.0.1:1"

# A space (or no-break space) before : ; ? ! in French, when the sign ends a word.
_NO_SPACE_BEFORE = re.compile(r"(?:^|[^\s\u00a0\u202f])([:;?!])(?=\s|$)")


def french_faults(text: str) -> list[str]:
    """What breaks French typography in `text` (a sentence, or the literal parts of one); what is
    quoted in « » (a value, a command, a bit of JSON) is taken as written."""
    text = re.sub(r"«[^»]*»", "«»", text)
    faults = []
    if '"' in text:
        faults.append('straight quotes " (write « »)')
    if "`" in text:
        faults.append("backquotes (write « »)")
    faults += [f"no space before {m[1]!r}" for m in _NO_SPACE_BEFORE.finditer(text)]
    return faults


def english_faults(text: str) -> list[str]:
    return ["French quotes « » in an English sentence"] if "«" in text or "»" in text else []


# ---------------------------------------------------------------------- examples of every class

def _raised(call) -> EcosystemError:
    with pytest.raises(EcosystemError) as caught:
        call()
    return caught.value


def _owned_elsewhere() -> IdsTaken:
    """The conflict the stores raise: the dataset's first actor already belongs to "demo-drome"."""
    dataset = small_dataset()
    first = dataset.actors[0].id
    with pytest.raises(IdsTaken) as caught:
        check_ownership(dataset, lambda kind, record_id: "demo-drome" if record_id == first else None)
    assert caught.value.taken == [Taken("actor", first, "demo-drome")]
    return caught.value


def examples() -> Iterator[tuple[str, EcosystemError]]:
    """One or more instances of every error class, built as the code builds them."""
    yield "base", EcosystemError("Something failed: try again.", "Quelque chose a échoué : réessayez.")
    yield "unknown lang", _raised(lambda: parse_lang("de", "--lang"))
    yield "neo4j option", _raised(lambda: check_options(80000, "1g", "512m", None))
    yield "neo4j memory", _raised(lambda: check_options(7687, "lots", "512m", None))
    yield "neo4j password", _raised(lambda: check_options(7687, "1g", "512m", "short"))
    yield "unreachable", unavailable(URI, "neo4j", "neo4j", neo.ServiceUnavailable("refused"))
    yield "login", unavailable(URI, "neo4j", "neo4j", neo.AuthError("nope"))
    yield "offline", unavailable(URI, "neo4j", "graph", neo.DatabaseUnavailable("offline"))
    yield "bad uri", unavailable("ftp://x", "neo4j", "neo4j", ValueError("scheme"))
    yield "timeout", QueryTimeout("The Neo4j query 'x' ran past the 60 s limit and was stopped.",
                                  "La requête Neo4j « x » a dépassé la limite de 60 s et a été arrêtée.")
    for kind in NOT_FOUND_KINDS:
        yield f"not found {kind}", NotFound(kind, "xyz", ["abc (a)", "xyw"])
    yield "not found bare", NotFound("actor", "xyz")
    yield "ambiguous", Ambiguous("actor", "valence", ["Jardins de Valence (jardins-valence)", "Valence"])
    yield "one id taken", _owned_elsewhere()
    yield "many ids taken", IdsTaken("mon-jeu", [Taken("actor", f"a{i}", "demo-drome") for i in range(12)])
    yield "two holders", IdsTaken("mon-jeu", [Taken("actor", "a", "x"), Taken("policy", "p", "y")])
    yield "invalid", DatasetInvalid([
        problem("acteurs.csv", 3, "territoires", "69999", "is not a known commune",
                "n'est pas une commune connue"),
        problem("acteurs.csv", None, None, None, "has no name column", "n'a pas de colonne nom"),
    ], "acteurs.csv")
    yield "bad credentials", BadCredentials()
    yield "too many attempts", TooManyAttempts(600)
    yield "one minute", TooManyAttempts(30)
    yield "reload drops all", ReloadNeedsConfirmation(Drop("mon-jeu", 2, (("a", "Alpha"), ("b", "Bêta"))))
    yield "reload drops some", ReloadNeedsConfirmation(Drop("mon-jeu", 9, (("a", "Alpha"),) * 3))
    yield "scenario without a name", ScenarioNameMissing()
    yield "question timeout", QuestionTimeout(2.5)
    yield "load overtaken", LoadOvertaken("mon-jeu")
    yield "invalid one", DatasetInvalid([problem("x", 2, "odd", "99", "is not an SDG (1 to 17)",
                                                 "n'est pas un ODD (1 à 17)")])


EXAMPLES = dict(examples())


@pytest.mark.parametrize("name", list(EXAMPLES))
def test_each_error_says_itself_in_french_and_in_english(name: str) -> None:
    error = EXAMPLES[name]
    fr, en = error.text("fr"), error.text(Lang.EN)
    assert fr and en and fr != en
    assert error.text(Lang.FR) == error.text(" FR ") == fr
    assert str(error) == en, "str() stays English, for logs and tracebacks"
    assert french_faults(fr) == [], fr
    assert english_faults(en) == [], en


def test_not_found_names_the_thing_and_the_closest_matches() -> None:
    error = NotFound("alliance", "Alliance du Diois", ["Alliance Diois Vélo (adv)"])
    assert error.text("fr") == ("Aucune alliance « Alliance du Diois ». Les plus proches : "
                                "Alliance Diois Vélo (adv).")
    assert error.text("en") == 'No alliance "Alliance du Diois". Closest matches: Alliance Diois Vélo (adv).'
    assert NotFound("dataset", "x").text("fr") == ("Aucun jeu de données « x ». Vérifiez l'orthographe, "
                                                   "ou tapez l'identifiant.")


def test_an_id_conflict_says_what_clashes_and_the_fix_in_both_languages() -> None:
    one = IdsTaken("exemple", [Taken("actor", "cc-crestois", "demo-drome")])
    assert one.text("fr") == (
        "Le jeu de données « exemple » utilise des identifiants qui appartiennent déjà à un autre jeu : "
        "l'acteur « cc-crestois » (jeu « demo-drome »). Rien n'a été chargé. Renommez ces enregistrements "
        "dans votre fichier, ou retirez d'abord le jeu « demo-drome ».")
    assert one.text("en") == (
        'Dataset "exemple" uses ids that belong to another dataset: actor "cc-crestois" (dataset '
        '"demo-drome"). Nothing was loaded. Rename these records in your file, or remove the dataset '
        '"demo-drome" first.')
    assert isinstance(one, ConflictError)
    many = EXAMPLES["many ids taken"]
    assert "les acteurs « a0 », « a1 »" in many.text("fr") and "« a9 » et 2 de plus (jeu" in many.text("fr")
    assert 'actors "a0", "a1"' in many.text("en") and '"a9" and 2 more (dataset' in many.text("en")
    two = EXAMPLES["two holders"].text("fr")
    assert "à d'autres jeux : l'acteur « a » (jeu « x ») ; la politique « p » (jeu « y »)" in two
    assert two.endswith("retirez d'abord les jeux « x », « y ».")


def test_an_invalid_dataset_lists_every_problem_located_in_each_language() -> None:
    error = EXAMPLES["invalid"]
    assert error.text("fr").splitlines() == [
        "2 problèmes dans « acteurs.csv » ; rien n'a été chargé. Corrigez les lignes ci-dessous puis "
        "réessayez :",
        "  - acteurs.csv, ligne 3, colonne territoires : « 69999 » n'est pas une commune connue",
        "  - acteurs.csv : n'a pas de colonne nom"]
    assert error.text("en").splitlines()[1:] == [
        '  - acteurs.csv, line 3, column territoires: "69999" is not a known commune',
        "  - acteurs.csv: has no name column"]
    assert EXAMPLES["invalid one"].text("fr").startswith("1 problème dans le jeu de données ;")


def test_the_store_refuses_a_record_with_french_problems(memory_store) -> None:
    dataset = small_dataset()
    broken = dataclasses.replace(dataset, actors=dataset.actors + dataset.actors[:1])
    with pytest.raises(DatasetInvalid) as caught:
        memory_store.load(broken)
    assert "apparaît 2 fois ; gardez-en une seule" in caught.value.text("fr")
    assert "appears 2 times" in caught.value.text("en")


def test_errors_survive_pickling_with_both_sentences() -> None:
    for error in (EXAMPLES["not found actor"], EXAMPLES["invalid"], EXAMPLES["unreachable"]):
        copy = pickle.loads(pickle.dumps(error))
        assert type(copy) is type(error) and copy.text("fr") == error.text("fr") and str(copy) == str(error)


def test_problems_compare_on_the_english_fields_only() -> None:
    assert Problem("a", 1, "b", "c", "d", "e") == Problem("a", 1, "b", "c", "d", "autre")


# ---------------------------------------------------------------------- drift: every raise site


def _modules() -> Iterator[tuple[Path, ast.Module]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        yield path, ast.parse(path.read_text(encoding="utf-8"), str(path))


def _error_classes(modules: list[tuple[Path, ast.Module]]) -> dict[str, bool]:
    """Every EcosystemError subclass by name -> whether it (or an ancestor below the root) has its
    own `__init__` (structured fields) rather than the root's (en, fr)."""
    defs = {node.name: node for _, tree in modules for node in ast.walk(tree)
            if isinstance(node, ast.ClassDef)}

    def bases(node: ast.ClassDef) -> list[str]:
        return [b.id if isinstance(b, ast.Name) else b.attr for b in node.bases
                if isinstance(b, ast.Name | ast.Attribute)]

    def own_init(node: ast.ClassDef) -> bool:
        return any(isinstance(n, ast.FunctionDef) and n.name == "__init__" for n in node.body)

    found: dict[str, bool] = {"EcosystemError": False}
    grew = True
    while grew:
        grew = False
        for name, node in defs.items():
            parents = [b for b in bases(node) if b in found]
            if name not in found and parents:
                found[name] = own_init(node) or any(found[p] for p in parents)
                grew = True
    return found


def _literal_parts(node: ast.expr) -> list[str] | None:
    """The literal text of a string expression (f-string parts, + concatenations); None if unknown."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        return [v.value for v in node.values if isinstance(v, ast.Constant)]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _literal_parts(node.left), _literal_parts(node.right)
        return (left or []) + (right or [])
    return None


def call_faults(path: Path, tree: ast.Module, classes: dict[str, bool]) -> list[str]:
    """What is wrong at each call of an error class in one module."""
    faults = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
        if name not in classes:
            continue
        where = f"{path.relative_to(PACKAGE.parent)}:{node.lineno} {name}"
        first = node.args[0] if node.args else None
        if name == "NotFound" and isinstance(first, ast.Constant) and first.value not in NOT_FOUND_KINDS:
            faults.append(f"{where}: {first.value!r} has no French name in errors._NONE")
        if classes[name]:
            continue  # structured: both sentences are built from its fields (tested above)
        keywords = {k.arg: k.value for k in node.keywords}
        if any(isinstance(a, ast.Starred) for a in node.args):
            continue
        en = node.args[0] if node.args else keywords.get("en")
        fr = node.args[1] if len(node.args) > 1 else keywords.get("fr")
        if fr is None:
            faults.append(f"{where}: no French sentence")
            continue
        if en is not None and ast.dump(en) == ast.dump(fr):
            faults.append(f"{where}: the French sentence is the English one")
        parts = _literal_parts(fr)
        if parts is None:
            continue  # a name: its value is written elsewhere, in a call this test also reads
        if not "".join(parts).strip():
            faults.append(f"{where}: empty French sentence")
        faults += [f"{where}: {fault}" for fault in sorted(set(french_faults("X".join(parts))))]
    return faults


def test_every_raise_site_gives_a_french_sentence_with_french_typography() -> None:
    modules = list(_modules())
    classes = _error_classes(modules)
    assert {"NotFound", "DatasetInvalid", "IdsTaken", "UnknownLang", "Ambiguous", "StoreUnavailable",
            "Neo4jServerError", "NotAnRnaFile", "Unreadable", "LoadAbandoned"} <= set(classes)
    faults = [fault for path, tree in modules for fault in call_faults(path, tree, classes)]
    assert faults == []


def test_every_structured_error_class_has_an_example_above() -> None:
    structured = {name for name, own in _error_classes(list(_modules())).items() if own}
    covered = {type(e).__name__ for e in EXAMPLES.values()}
    assert structured <= covered, f"add an example of {structured - covered} to examples()"


@pytest.mark.parametrize("source, fault", [
    ('raise StoreUnavailable("Neo4j is down: start it.")', "no French sentence"),
    ('raise StoreUnavailable("Down: start it.", "En panne: démarrez-le.")', "no space before ':'"),
    ('raise StoreUnavailable(en="a", fr=f"Le fichier \\"{x}\\" manque.")', "straight quotes"),
    ('raise NotFound("actors", key)', "has no French name"),
    ('raise Unreadable(message, message)', "the French sentence is the English one"),
])
def test_the_drift_check_catches_a_raise_site_without_proper_french(source: str, fault: str) -> None:
    classes = _error_classes(list(_modules()))
    tree = ast.parse(source)
    faults = call_faults(PACKAGE / "example.py", tree, classes)
    assert len(faults) == 1 and fault in faults[0], faults


def test_an_unknown_language_is_said_in_both_languages() -> None:
    error = EXAMPLES["unknown lang"]
    assert isinstance(error, UnknownLang)
    assert error.text("fr") == "langue inconnue « de » dans --lang : les valeurs acceptées sont fr, en"


def test_unreadable_files_from_readers_and_importers_are_bilingual(tmp_path) -> None:
    from ecosystem.datasets.reader import read_dataset
    from ecosystem.importers.sources import sources_from_path

    with pytest.raises(UnreadableFile) as caught:
        read_dataset(tmp_path / "absent")
    assert "n'existe pas" in caught.value.text("fr") and "does not exist" in caught.value.text("en")
    with pytest.raises(UnreadableFile) as caught:
        sources_from_path(tmp_path / "absent.csv")
    assert caught.value.text("fr").startswith("Fichier introuvable : ")
    assert caught.value.text("en").startswith("File not found: ") and "Fichier" not in str(caught.value)


def test_store_unavailable_names_the_server_and_the_fix() -> None:
    error = EXAMPLES["unreachable"]
    assert isinstance(error, StoreUnavailable)
    assert error.text("fr") == (f"Le serveur Neo4j {URI} est injoignable : démarrez le serveur local avec "
                                "« ecosystem neo4j start », ou vérifiez NEO4J_URI, NEO4J_USER et "
                                "NEO4J_PASSWORD.")
    assert error.text("en").startswith(f"Neo4j at {URI} cannot be reached: start the local server")
