"""Search terms: the same light stemming indexes and queries (pure)."""

from __future__ import annotations

from services.transcription.terms import query_terms, terms


def test_word_endings_and_case_meet() -> None:
    assert terms("Clusters, CLUSTER's, clustering", "en") == ["cluster"] * 3
    assert terms("I moved; we're moving", "en") == ["i", "mov", "were", "mov"]
    assert terms("Teams", "en") == terms("team", "en")


def test_queries_drop_stop_words_unless_nothing_is_left() -> None:
    assert query_terms("the Kubernetes of it", "en") == ["kubernete"]
    assert query_terms("the", "en") == ["the"]
    assert query_terms("?!", "en") == []
    assert query_terms("Straße", "de") == ["strasse"]
