"""Search terms of transcript text and of a query: lowercased words, lightly stemmed in English,
so "clusters" finds "cluster". The same function indexes and queries (docs/adr/0017)."""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
STOP_WORDS = frozenset(
    {
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "i", "in", "is",
        "it", "my", "of", "on", "or", "so", "that", "the", "their", "this", "to", "was", "we",
        "were", "with", "you",
    }
)  # fmt: skip


def _stem_en(word: str) -> str:
    """A light English stemmer (plural and verb endings); enough for finding, and the same rule
    on both sides of the search."""
    if word.endswith("'s"):
        word = word[:-2]
    word = word.replace("'", "")
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith("sses"):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for ending in ("ing", "ed"):
        if len(word) > len(ending) + 2 and word.endswith(ending):
            word = word[: -len(ending)]
            if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lsz":
                word = word[:-1]  # "running" -> "run"
            break
    return word


def term(word: str, language: str) -> str:
    word = unicodedata.normalize("NFKC", word).casefold()
    return _stem_en(word) if language == "en" else word.replace("'", "")


def terms(text: str, language: str) -> list[str]:
    """Every word's term, in order (with repeats)."""
    return [t for t in (term(w, language) for w in _WORD.findall(text)) if t]


def query_terms(query: str, language: str) -> list[str]:
    """The distinct terms a query must all match; stop words are dropped unless nothing else
    is left ("the who" still searches)."""
    found = list(dict.fromkeys(terms(query, language)))
    kept = [t for t in found if t not in STOP_WORDS] if language == "en" else found
    return kept or found
