"""The page's one small script: Streamlit's own names and file sizes in the reader's language.

`widget_texts.py` replaces Streamlit's English *texts* with a stylesheet, but a stylesheet cannot
change an attribute nor reformat a number: the help buttons' names read aloud (« Help for Nom »), the
uploader's « Remove data.csv » and « Add files », and a chosen file's size (« 1.4KB », where a French
reader expects « 1,4 Ko »). This script does those, and only those: it watches the page
(MutationObserver) and rewrites each such attribute or size as Streamlit writes it, from the sentences
of `i18n_widgets.py`. It is inline (nothing fetched from another host), installed once per page and
told the language again on each run; what it changed it can change back, so switching the language
switches these texts too.
"""

from __future__ import annotations

import json

from ecosystem.ui.i18n import t

_SCRIPT = """
(() => {
  window.ecosystemWidgetTexts = %(texts)s;
  if (window.ecosystemWidgetScan) { window.ecosystemWidgetScan(document.body); return; }
  const SIZE = /^(\\d+(?:\\.\\d+)?)(B|KB|MB|GB|TB)$/;
  const SIZE_LINE = '[data-testid="stFileChipName"] + div';
  const fill = (text, name, value) => text.replace('{' + name + '}', () => value);
  const size = (text) => {
    const m = SIZE.exec(text.trim());
    if (!m) return null;
    const w = window.ecosystemWidgetTexts, value = parseFloat(m[1]);
    const n = m[2] === 'B' ? String(Math.round(value)) : value.toFixed(1).replace('.', w.decimal);
    return fill(w.units[m[2]], 'n', n);
  };
  const name = (label, element) => {
    const w = window.ecosystemWidgetTexts;
    if (Object.prototype.hasOwnProperty.call(w.exact, label)) return w.exact[label];
    let m = /^Help for ([\\s\\S]+)$/.exec(label);
    if (m) return fill(w.help_for, 'label', m[1]);
    m = /^Cancel upload of ([\\s\\S]+)$/.exec(label);
    if (m) return fill(w.cancel_upload, 'name', m[1]);
    m = /^Remove ([\\s\\S]+)$/.exec(label);
    if (m) return fill(w.remove_file, 'name', m[1]);
    if (element.matches('[data-testid="stFileChip"]')) {
      m = /^([\\s\\S]*), (\\S+)$/.exec(label);
      const s = m && size(m[2]);
      if (s) return m[1] + ', ' + s;
    }
    return label;
  };
  // What Streamlit wrote last (its English) and what this script put in its place, per attribute or
  // text node: a value that is neither is new from Streamlit, and is translated afresh.
  const seen = new WeakMap();
  const rewrite = (key, current, translate, write) => {
    const last = seen.get(key);
    const english = last && last.out === current ? last.english : current;
    const out = translate(english);
    seen.set(key, {english, out});
    if (out !== current) write(out);
  };
  const fixName = (element) => {
    const label = element.getAttribute('aria-label');
    if (label === null) return;
    rewrite(element, label, (english) => name(english, element),
            (out) => element.setAttribute('aria-label', out));
  };
  const fixSize = (line) => {
    const node = line.firstChild;
    if (!node || node.nodeType !== Node.TEXT_NODE) return;
    rewrite(node, node.nodeValue, (english) => size(english) ?? english, (out) => { node.nodeValue = out; });
  };
  const scan = (root) => {
    if (root.nodeType !== Node.ELEMENT_NODE) return;
    if (root.hasAttribute('aria-label')) fixName(root);
    if (root.matches(SIZE_LINE)) fixSize(root);
    root.querySelectorAll('[aria-label]').forEach(fixName);
    root.querySelectorAll(SIZE_LINE).forEach(fixSize);
  };
  window.ecosystemWidgetScan = scan;
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes') fixName(r.target);
      else if (r.type === 'characterData') {
        const line = r.target.parentElement;
        if (line && line.matches(SIZE_LINE)) fixSize(line);
      } else {
        if (r.target.nodeType === Node.ELEMENT_NODE && r.target.matches(SIZE_LINE)) fixSize(r.target);
        r.addedNodes.forEach(scan);
      }
    }
  }).observe(document.body, {subtree: true, childList: true, characterData: true, attributes: true,
                             attributeFilter: ['aria-label']});
  scan(document.body);
})();
"""


NAMES = (
    ("st.help", "Help"),
    ("st.add_files", "Add files"),
    ("st.file_input", "file upload"),
    ("st.name.sidebar", "Sidebar"),
    ("st.name.collapse_sidebar", "Collapse sidebar"),
    ("st.name.expand_sidebar", "Expand sidebar"),
    ("st.name.pages", "App pages"),
    ("st.name.heading_link", "Link to heading"),
    ("st.name.open", "Open"),
    ("st.name.close", "Close"),
    ("st.name.clear_all", "Clear all"),
    ("st.name.columns", "Show/hide columns"),
    ("st.name.csv", "Download as CSV"),
    ("st.name.search", "Search"),
    ("st.name.fullscreen", "Fullscreen"),
    ("st.name.close_fullscreen", "Close fullscreen"),
)
"""Streamlit's whole names (aria-label), as it writes them, and the key of each one's sentence."""


def texts(lang: str) -> dict[str, object]:
    """The sentences the script writes, in `lang`."""
    return {
        "help_for": t("st.help_for", lang, label="{label}"),
        "cancel_upload": t("st.cancel_upload", lang, name="{name}"),
        "remove_file": t("st.remove_file", lang, name="{name}"),
        "decimal": t("st.decimal", lang),
        "units": {"B": t("st.size_b", lang, n="{n}"), "KB": t("st.size_kb", lang, n="{n}"),
                  "MB": t("st.size_mb", lang, n="{n}"), "GB": t("st.size_gb", lang, n="{n}"),
                  "TB": t("st.size_tb", lang, n="{n}")},
        "exact": {english: t(key, lang) for key, english in NAMES},
    }


def widget_script(lang: str) -> str:
    """The `<script>` element, its sentences in `lang` (JSON, with `</` escaped so no text can end it)."""
    data = json.dumps(texts(lang), ensure_ascii=False).replace("</", "<\\/")
    return f"<script>{_SCRIPT % {'texts': data}}</script>"
