"""Candidate e-mail addresses: one canonical form per address (so the same address is the same
candidate) and the look-alike check that keeps a spoofed or mistyped address from being invited.

Canonical form: the local part in Unicode NFKC (full-width letters are the plain ones), the
domain as IDNA 2008 with the UTS 46 mapping reads it (`xn--bcher-kva.example`, `BÜCHER.example`
and `bücher.example` are one domain, kept in its Unicode form for people to read).

Look-alikes (Unicode TR39, with the Unicode confusables data of `confusable-homoglyphs`): a local
part or a domain label that mixes scripts (a Cyrillic a, U+0430, among Latin letters), except
the combinations one writing system uses (Japanese: Han, Hiragana, Katakana with Latin; Chinese
with Bopomofo; Korean with Hangul), or that is written wholly in another script's letters that
all look like ASCII ones (Cyrillic U+0430 U+0440 U+0435 reads as `ape`). Such an address is
refused with its reason; one written wholly in one script (`иван@пример.рф`) is fine."""

from __future__ import annotations

import unicodedata

import idna
from confusable_homoglyphs import categories, confusables

# Scripts that never make an address mixed on their own: digits, punctuation, combining marks.
_NEUTRAL = frozenset({"COMMON", "INHERITED"})
# TR39's "highly restrictive" level: the script sets one writing system uses together.
_ONE_WRITING_SYSTEM = (
    frozenset({"LATIN", "HAN", "HIRAGANA", "KATAKANA"}),
    frozenset({"LATIN", "HAN", "BOPOMOFO"}),
    frozenset({"LATIN", "HAN", "HANGUL"}),
)


def canonical_domain(domain: str) -> str:
    """The domain as IDNA maps it, in Unicode; unchanged when IDNA refuses it (the address
    validator has already accepted it, so that is a form IDNA 2008 does not cover)."""
    try:
        return idna.decode(idna.encode(domain, uts46=True))
    except idna.IDNAError:
        return domain.lower()


def canonical(address: str) -> str:
    """One form per address: NFKC local part, IDNA-mapped domain."""
    local, _, domain = address.rpartition("@")
    return f"{unicodedata.normalize('NFKC', local)}@{canonical_domain(domain)}"


def deliverable(address: str) -> str:
    """The address as every SMTP server takes it: the domain in ASCII (punycode). A non-ASCII
    local part still needs a server that speaks SMTPUTF8."""
    local, _, domain = address.rpartition("@")
    try:
        ascii_domain = idna.encode(domain, uts46=True).decode("ascii")
    except idna.IDNAError:
        return address
    return f"{local}@{ascii_domain}"


def _scripts(text: str) -> set[str]:
    return {s for s in categories.unique_aliases(text) if s not in _NEUTRAL}


def _describe(char: str) -> str:
    name = unicodedata.name(char, "unnamed character").title()
    return f"'{char}' (U+{ord(char):04X} {name})"


def _ascii_alnum(glyph: str) -> bool:
    return glyph.isascii() and glyph.isalnum()


def _latin_reading(text: str) -> str | None:
    """The ASCII text that `text`, written in one other script, reads as when every letter of it
    looks like an ASCII letter or digit; None when some letter does not."""
    found = confusables.is_confusable(text, greedy=True, preferred_aliases=["latin"]) or []
    latin = {
        f["character"]: ascii_glyphs[0]
        for f in found
        if (ascii_glyphs := [h["c"] for h in f["homoglyphs"] if _ascii_alnum(h["c"])])
    }
    letters = [c for c in text if categories.alias(c) not in _NEUTRAL]
    if not letters or any(c not in latin for c in letters):
        return None
    return "".join(latin.get(c, c) for c in text)


def _part_reason(part: str, what: str) -> str | None:
    scripts = _scripts(part)
    if len(scripts) > 1 and not any(scripts <= allowed for allowed in _ONE_WRITING_SYSTEM):
        odd = [c for c in dict.fromkeys(part) if categories.alias(c) not in (_NEUTRAL | {"LATIN"})]
        names = " and ".join(sorted(s.title() for s in scripts))
        shown = ", ".join(_describe(c) for c in odd[:3]) if "LATIN" in scripts else ""
        return f"the {what} mixes {names} letters" + (f": {shown}" if shown else "")
    if len(scripts) == 1 and scripts != {"LATIN"}:
        reading = _latin_reading(part)
        if reading is not None:
            [script] = scripts
            return (
                f"the {what} is written in {script.title()} letters that look like "
                f"Latin '{reading}'"
            )
    return None


def lookalike(address: str) -> str | None:
    """Why `address` looks like another address (a reason for people), or None."""
    local, _, domain = address.rpartition("@")
    reason = _part_reason(unicodedata.normalize("NFKC", local), "local part")
    if reason:
        return f"look-alike address: {reason}"
    for label in canonical_domain(domain).split("."):
        reason = _part_reason(label, f"domain label '{label}'")
        if reason:
            return f"look-alike address: {reason}"
    return None
