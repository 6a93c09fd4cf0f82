"""Start from the real territory: import public registers as actors.

    from ecosystem.importers import import_rna, import_sirene, import_collectivites, sources_from_path
    summary = import_rna(store, sources_from_path("rna_waldec_20250101.zip", {"26"}), "26")
    print("\\n".join(summary.lines("fr")))

- RNA (associations, data.gouv.fr) -> dataset rna-{code}: active associations, id = RNA number.
- SIRENE (INSEE) -> dataset sirene-{code}: active establishments, id = SIRET, streamed and filtered.
- the shipped hierarchy -> dataset collectivites-{code}: communes, EPCI, départements, régions.

SDGs are inferred from register codes and purpose text with the project's own tables
(data/reference/sdg_mapping_*.csv, sdg_keywords_fr.csv), always as `InferredSdg`, never as declared;
`confirm_sdg` / `reject_sdg` / `review_sdgs` record a person's decision, and re-imports keep it.
docs/imports.md explains the rules for people.
"""

from ecosystem.importers.inference import Inference
from ecosystem.importers.merge import MergeCounts, carry_over, merge_actors
from ecosystem.importers.rejects import REASONS, Reject, RejectsWriter
from ecosystem.importers.review import (
    Decision,
    SdgReview,
    apply_reviews,
    confirm_sdg,
    reject_sdg,
    review_sdg,
    review_sdgs,
)
from ecosystem.importers.rna import NotAnRnaFile, read_rna
from ecosystem.importers.run import (
    ImportProgress,
    import_collectivites,
    import_rna,
    import_sirene,
    import_uploaded,
    scope_of,
)
from ecosystem.importers.sirene import NotASireneFile, read_establishments, read_unites_legales
from ecosystem.importers.sources import Source, sources_from_bytes, sources_from_path
from ecosystem.importers.summary import ImportSummary

__all__ = [
    "REASONS",
    "Decision",
    "ImportProgress",
    "ImportSummary",
    "Inference",
    "MergeCounts",
    "NotASireneFile",
    "NotAnRnaFile",
    "Reject",
    "RejectsWriter",
    "SdgReview",
    "Source",
    "apply_reviews",
    "carry_over",
    "confirm_sdg",
    "import_collectivites",
    "import_rna",
    "import_sirene",
    "import_uploaded",
    "merge_actors",
    "read_establishments",
    "read_rna",
    "read_unites_legales",
    "reject_sdg",
    "review_sdg",
    "review_sdgs",
    "scope_of",
    "sources_from_bytes",
    "sources_from_path",
]
