"""Message catalogues for what candidates read from a service (e-mails), with Babel: gettext `.po`
files kept in the repository, compiled in memory when a service starts (no compiled files to keep
in step), the language negotiated from the candidate's choice and the tenant's default, and dates
in the candidate's language (ADR 0018)."""

from __future__ import annotations

import io
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Literal, get_args
from zoneinfo import ZoneInfo

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_time, get_datetime_format
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

Language = Literal["en", "es", "fr", "de", "ar"]
LANGUAGES: tuple[Language, ...] = get_args(Language)
SOURCE: Language = "en"  # the messages' own language: the msgids
RTL: frozenset[str] = frozenset({"ar"})


def negotiate(*preferred: str | None) -> Language:
    """The first supported language among `preferred` (tags like `es-MX` count as `es`), else
    the source language."""
    for tag in preferred:
        if not tag:
            continue
        try:
            base = Locale.parse(tag.replace("-", "_")).language
        except (ValueError, UnknownLocaleError):
            continue
        for language in LANGUAGES:
            if language == base:
                return language
    return SOURCE


class Catalogues:
    """One domain's translations in every supported language, from `<folder>/<lang>/LC_MESSAGES/
    <domain>.po`. A message without a translation is given in the source language."""

    def __init__(self, folder: Path, domain: str) -> None:
        self.folder = folder
        self.domain = domain
        self._translations: dict[str, NullTranslations] = {SOURCE: NullTranslations()}
        for language in LANGUAGES:
            if language == SOURCE:
                continue
            path = folder / language / "LC_MESSAGES" / f"{domain}.po"
            with path.open("rb") as po:
                catalog = read_po(po, locale=language, domain=domain)
            compiled = io.BytesIO()
            write_mo(compiled, catalog)
            compiled.seek(0)
            self._translations[language] = Translations(compiled, domain=domain)

    def gettext(self, language: str, message: str) -> str:
        return self._translations.get(language, self._translations[SOURCE]).gettext(message)

    def missing(self, messages: Iterable[str]) -> dict[str, list[str]]:
        """Per language, the messages it does not translate (for the coverage test)."""
        return {
            language: [m for m in messages if self.gettext(language, m) == m]
            for language in LANGUAGES
            if language != SOURCE
        }


def format_instant(value: datetime, language: str, zone: str = "UTC") -> str:
    """An instant as a person of `language` reads it: the full date and the time on the zone's
    clock, followed by the zone's name (`Tuesday, 1 December 2026, 13:00 (UTC)`)."""
    local = value.astimezone(ZoneInfo(zone))
    locale = Locale.parse(language)
    pattern = str(get_datetime_format("long", locale=locale))
    text = pattern.replace("{1}", format_date(local, "full", locale=locale)).replace(
        "{0}", format_time(local, "short", locale=locale)
    )
    return f"{text.replace(chr(39), '')} ({zone})"
