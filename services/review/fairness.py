"""Selection rates and adverse-impact ratios (pure), per self-reported category, as bias audits of
automated employment decision tools (NYC Local Law 144 style) report them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

NOT_REPORTED = "not_reported"
DECLINED = "declined"
FOUR_FIFTHS = 0.8
SMALL_SAMPLE = 5


@dataclass(frozen=True)
class Row:
    category: str
    applicants: int
    selected: int
    selection_rate: float | None
    impact_ratio: float | None  # rate / the highest rate among reported categories
    below_four_fifths: bool
    small_sample: bool  # fewer than SMALL_SAMPLE applicants: the ratio is not meaningful


def selection_table(outcomes: Iterable[tuple[str | None, bool]]) -> list[Row]:
    """`outcomes`: (category or None when not reported, selected?) per applicant of one stage.

    selection rate = selected / applicants of the category; impact ratio = the category's rate /
    the highest rate of any category. Candidates who did not report, or declined, are counted in
    their own rows and take no part in the ratios."""
    counts: dict[str, list[int]] = {}
    for category, chosen in outcomes:
        key = category or NOT_REPORTED
        row = counts.setdefault(key, [0, 0])
        row[0] += 1
        row[1] += int(chosen)
    rates = {c: s / a for c, (a, s) in counts.items() if a}
    compared = [rates[c] for c in rates if c not in (NOT_REPORTED, DECLINED)]
    best = max(compared, default=0.0)
    rows = []
    for category in sorted(counts, key=lambda c: (c in (NOT_REPORTED, DECLINED), c)):
        applicants, selected = counts[category]
        rate = rates.get(category)
        ratio = None
        if category not in (NOT_REPORTED, DECLINED) and rate is not None and best > 0:
            ratio = rate / best
        rows.append(
            Row(
                category=category,
                applicants=applicants,
                selected=selected,
                selection_rate=rate,
                impact_ratio=ratio,
                below_four_fifths=ratio is not None and ratio < FOUR_FIFTHS,
                small_sample=applicants < SMALL_SAMPLE,
            )
        )
    return rows
