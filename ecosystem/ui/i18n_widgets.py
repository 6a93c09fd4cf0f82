"""Streamlit's own texts that no stylesheet can reach: names read aloud and file sizes (into i18n.STRINGS).

Streamlit names its help buttons « Help for <label> », its uploader's buttons « Remove <file> » and
« Add files », and writes a chosen file's size as « 1.4KB »: attributes and numbers, which the page's
small script (`ui/widget_script.py`) rewrites with these sentences. The texts CSS replaces (« Upload »,
« 200MB per file », « Drag and drop files here ») are the `st.` keys of `i18n_workflow.py`.
"""

from __future__ import annotations

WIDGET_STRINGS: dict[str, tuple[str, str]] = {
    "st.help_for": ("Aide : {label}", "Help for {label}"),
    "st.help": ("Aide", "Help"),
    "st.remove_file": ("Retirer {name}", "Remove {name}"),
    "st.cancel_upload": ("Annuler l'envoi de {name}", "Cancel upload of {name}"),
    "st.add_files": ("Ajouter des fichiers", "Add files"),
    "st.file_input": ("Choisir des fichiers", "Choose files"),
    # a size as the uploader lists it: « 1,4 Ko » (decimal comma, no-break space), « 1.4 KB »
    "st.decimal": (",", "."),
    "st.size_b": ("{n}\u00a0o", "{n}\u00a0B"),
    "st.size_kb": ("{n}\u00a0Ko", "{n}\u00a0KB"),
    "st.size_mb": ("{n}\u00a0Mo", "{n}\u00a0MB"),
    "st.size_gb": ("{n}\u00a0Go", "{n}\u00a0GB"),
    "st.size_tb": ("{n}\u00a0To", "{n}\u00a0TB"),
    # names of Streamlit's own buttons and regions, read aloud (widget_script.NAMES)
    "st.name.sidebar": ("Panneau latéral", "Sidebar"),
    "st.name.collapse_sidebar": ("Replier le panneau latéral", "Collapse sidebar"),
    "st.name.expand_sidebar": ("Déplier le panneau latéral", "Expand sidebar"),
    "st.name.pages": ("Pages de l'application", "App pages"),
    "st.name.heading_link": ("Lien vers ce titre", "Link to heading"),
    "st.name.open": ("Ouvrir", "Open"),
    "st.name.close": ("Fermer", "Close"),
    "st.name.clear_all": ("Tout effacer", "Clear all"),
    "st.name.columns": ("Afficher ou masquer des colonnes", "Show or hide columns"),
    "st.name.csv": ("Télécharger en CSV", "Download as CSV"),
    "st.name.search": ("Rechercher", "Search"),
    "st.name.fullscreen": ("Plein écran", "Fullscreen"),
    "st.name.close_fullscreen": ("Quitter le plein écran", "Close fullscreen"),
}
