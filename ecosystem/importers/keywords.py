"""The French keyword lexicon, matched word by word over normalized text.

A département's RNA file has tens of thousands of purpose texts; one big regular expression with a
hundred alternatives tried at every character was the slowest part of an import. Here the text is
normalized once (same result as `ecosystem.text.normalize`, through a translation table), split into
words, and each word is looked up: keywords are indexed by their first word, and one-word prefix
keywords ("recycl*") by their prefix. At each position the longest keyword wins, and matches do not
overlap ("solidarite internationale" hides "solidarite*").
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ecosystem.text import normalize, strip_accents

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_LETTERS = {chr(cp): strip_accents(chr(cp)) for cp in range(0xC0, 0x250) if strip_accents(chr(cp)) != chr(cp)}
# punctuation French text is full of (’ « » – … € and the no-break spaces): a space, as normalize makes it
_PUNCTUATION = {chr(cp): " " for cp in (*range(0xA0, 0xC0), *range(0x2000, 0x2070), 0x20AC)
                if not normalize(chr(cp))}
_FOLD = str.maketrans({**_LETTERS, **_PUNCTUATION})


def fast_normalize(text: str) -> str:
    """`ecosystem.text.normalize` for composed (NFC) text, an order of magnitude faster.

    >>> fast_normalize("  Protéger l’Œuvre d'ÉTÉ ! ") == normalize("  Protéger l’Œuvre d'ÉTÉ ! ")
    True
    """
    folded = unicodedata.normalize("NFC", text).translate(_FOLD).casefold()
    if not folded.isascii():
        return normalize(text)  # rare characters (’, €, ǣ...): the exact, slower way
    return _NON_ALNUM.sub(" ", folded).strip()


@dataclass(frozen=True, slots=True)
class Keyword:
    keyword: str  # normalized words, space separated
    prefix: bool  # the last word only needs to start with the keyword's last word
    sdgs: tuple[int, ...]
    confidence: float

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(self.keyword.split(" "))


class Lexicon:
    """Keywords indexed for word-by-word matching.

    >>> lex = Lexicon([Keyword("recycl", True, (12,), 0.4), Keyword("solidarite", True, (10,), 0.3),
    ...                Keyword("solidarite internationale", False, (1, 17), 0.4)])
    >>> [k.keyword for k in lex.find("Recyclage et solidarité internationale ; solidarités locales")]
    ['recycl', 'solidarite internationale', 'solidarite']
    """

    def __init__(self, keywords: Iterable[Keyword]) -> None:
        self.keywords = tuple(keywords)
        self._by_first: dict[str, list[Keyword]] = defaultdict(list)
        self._by_prefix: dict[str, Keyword] = {}
        for k in self.keywords:
            if k.prefix and len(k.words) == 1:
                self._by_prefix[k.keyword] = k
            else:
                self._by_first[k.words[0]].append(k)
        self._prefix_lengths = sorted({len(p) for p in self._by_prefix}, reverse=True)
        # most words start no keyword: their first three letters say so in one set lookup
        self._heads = {k.words[0][:3] for k in self.keywords}

    def _at(self, words: list[str], i: int) -> Keyword | None:
        """The longest keyword starting at word i, if any."""
        word = words[i]
        if word[:3] not in self._heads:
            return None
        best: Keyword | None = None
        for k in self._by_first.get(word, ()):
            parts = k.words
            if i + len(parts) > len(words):
                continue
            last = len(parts) - 1
            if all(words[i + j] == p if (j < last or not k.prefix) else words[i + j].startswith(p)
                   for j, p in enumerate(parts)) and (best is None or len(parts) > len(best.words)):
                best = k
        if best is None:
            for length in self._prefix_lengths:
                if length <= len(word):
                    found = self._by_prefix.get(word[:length])
                    if found is not None:
                        return found
        return best

    def find(self, text: str) -> Iterator[Keyword]:
        """The keywords found in `text`, in order, without overlaps."""
        words = fast_normalize(text).split()
        i = 0
        while i < len(words):
            found = self._at(words, i)
            if found is None:
                i += 1
            else:
                yield found
                i += len(found.words)


__all__ = ["Keyword", "Lexicon", "fast_normalize", "normalize"]
