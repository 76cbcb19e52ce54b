"""The candidate pages' languages: every catalogue has every key with the same placeholders, every
word the converted pages show comes from the catalogues, and the Arabic schedule page renders
right to left (screenshot, axe clean) with no English left on it; the candidate's choice of
language is kept."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.async_api import Browser, expect

from services.scheduling import notices
from tests.support import unique
from tests.web.conftest import DESKTOP, PHONE, Site, axe_violations, screenshot

WEB = Path(__file__).resolve().parents[2] / "services" / "gateway" / "web"
LOCALES = WEB / "static" / "locales"
LANGUAGES = ("en", "es", "fr", "de", "ar")
# The pages converted to catalogues: their scripts and their HTML.
CONVERTED = {
    "schedule": ("static/schedule.js", "schedule.html"),
    "interview": ("static/interview.js", "interview.html"),
}
SHARED = "static/i18n.js"
WEEK = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
KEY = re.compile(r"^(common|schedule|interview|rejected|problem|language)\.[a-z_]+$")
FILE_NAMES = {"interview.ics"}  # a download's name, shaped like a key
KEY_PREFIX = re.compile(r"^(common|schedule|interview|rejected|problem|language)\.$")
LITERAL = re.compile(r'"((?:[^"\\\n]|\\.)*)"|\'((?:[^\'\\\n]|\\.)*)\'|`((?:[^`\\]|\\.)*)`')
# What a person would read: a capitalised word, or a word ending a sentence (class names, tags,
# codes and paths are lower case and end in no full stop).
PROSE = re.compile(r"^\W*[A-Z][a-z]+|[a-z]{2,}[.!?\u2026:]\s*$")


def _catalogues() -> dict[str, dict[str, str]]:
    return {lang: json.loads((LOCALES / f"{lang}.json").read_text()) for lang in LANGUAGES}


def _literals(script: str) -> list[str]:
    code = re.sub(r"^\s*//.*$", "", script, flags=re.M)  # comments are not shown
    found = []
    for match in LITERAL.finditer(code):
        text = next(g for g in match.groups() if g is not None)
        found += re.split(r"\$\{[^}]*\}", text)  # a template's fixed parts
    return found


def test_every_language_has_every_key_with_the_same_placeholders() -> None:
    catalogues = _catalogues()
    english = catalogues["en"]
    for lang, messages in catalogues.items():
        assert set(messages) == set(english), (lang, set(messages) ^ set(english))
        for key, text in messages.items():
            assert text.strip(), (lang, key)
            placeholders = set(re.findall(r"\{(\w+)\}", text))
            assert placeholders == set(re.findall(r"\{(\w+)\}", english[key])), (lang, key)


def test_the_scheduling_mails_are_translated_with_their_placeholders() -> None:
    messages = notices.CANDIDATE_MESSAGES
    assert not any(notices.CATALOGUES.missing(messages).values())
    for lang in LANGUAGES:
        for message in messages:
            translated = notices.CATALOGUES.gettext(lang, message)
            assert set(re.findall(r"\{(\w+)\}", translated)) == set(
                re.findall(r"\{(\w+)\}", message)
            )


def test_every_visible_string_of_the_converted_pages_is_in_the_catalogues() -> None:
    english = _catalogues()["en"]
    for page, (script_path, html_path) in CONVERTED.items():
        prose, unknown = [], []
        for path in (script_path, SHARED):
            for literal in _literals((WEB / path).read_text()):
                if KEY_PREFIX.match(literal) or literal in FILE_NAMES:
                    continue  # the fixed part of a key built in code (`problem.${code}`)
                if KEY.match(literal):
                    if literal not in english:
                        unknown.append(literal)
                elif PROSE.search(literal):
                    prose.append(literal)
        html = (WEB / html_path).read_text()
        keys = re.findall(r'data-i18n(?:-title)?="([^"]+)"', html)
        unknown += [k for k in keys if k not in english]
        # Text in the HTML outside a translated element: the brand only.
        body = re.sub(r"<(p|title)[^>]*data-i18n[^>]*>.*?</\1>", "", html, flags=re.S)
        texts = [t.strip() for t in re.findall(r">([^<]+)<", body) if t.strip()]
        prose += [t for t in texts if t != "Hireloop"]
        assert (prose, unknown) == ([], []), page


def scheduling_link(site: Site, language: str | None = None) -> tuple[str, str]:
    """A candidate's scheduling link, and the subject of the e-mail that brought it."""
    with site.api(site.tenant_key()) as admin:
        interviewer = admin.post(
            "/v1/interviewers",
            json={
                "name": "\u0633\u0627\u0631\u0629",
                "email": f"{unique('sara')}@example.com",
                "time_zone": "Asia/Dubai",
                "weekly": {d: [{"start": "09:00", "end": "17:00"}] for d in WEEK},
            },
        )
        assert interviewer.status_code == 201, interviewer.text
        kind = admin.post(
            "/v1/interview-types",
            json={
                "position_id": unique("pos"),
                "name": "\u0645\u0642\u0627\u0628\u0644\u0629 \u062a\u0642\u0646\u064a\u0629",
                "duration_minutes": 45,
                "interviewer_ids": [interviewer.json()["interviewer_id"]],
                "slot_step_minutes": 60,
            },
        )
        assert kind.status_code == 201, kind.text
        address = f"{unique('layla')}@example.com"
        request = admin.post(
            "/v1/interview-requests",
            json={
                "invitation_id": unique("inv"),
                "interview_type_id": kind.json()["interview_type_id"],
                "candidate_name": "\u0644\u064a\u0644\u0649 \u0623\u062d\u0645\u062f",
                "candidate_email": address,
                **({"language": language} if language else {}),
            },
        )
        assert request.status_code == 201, request.text
    link = site.link_in_mail(address, "/schedule")
    [mail] = site.mails_to(address)
    return link, str(mail["Subject"])


# Latin words shown on the page, leaving out the brand and the options of the pickers (time zone
# names are data; each language is named in its own words).
LATIN_WORDS = """() => {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const words = [];
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (node.parentElement.closest('option, .brand')) continue;
    words.push(...(node.textContent.match(/[A-Za-z]{2,}/g) || []));
  }
  for (const el of document.querySelectorAll('[aria-label]')) {
    words.push(...(el.getAttribute('aria-label').match(/[A-Za-z]{2,}/g) || []));
  }
  return words;
}"""


@pytest.mark.e2e
async def test_the_arabic_schedule_page_reads_right_to_left(site: Site, browser: Browser) -> None:
    link, _ = scheduling_link(site)
    for size, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        context = await browser.new_context(**viewport, locale="ar", timezone_id="Asia/Dubai")
        page = await context.new_page()
        await page.goto(link)
        await expect(page.locator("section button").first).to_be_visible()
        assert await page.evaluate("[document.documentElement.lang, document.dir]") == ["ar", "rtl"]
        await expect(
            page.get_by_label(
                "\u0645\u0646\u0637\u0642\u062a\u0643 \u0627\u0644\u0632\u0645\u0646\u064a\u0629"
            )
        ).to_be_visible()
        assert (
            await page.title()
            == "\u0627\u062e\u062a\u0631 \u0645\u0648\u0639\u062f \u0645\u0642\u0627\u0628\u0644\u062a\u0643 \u00b7 Hireloop"
        )
        assert await page.evaluate(LATIN_WORDS) == []
        assert await axe_violations(page, site) == []
        await screenshot(page, f"schedule-arabic-{size}")
        await context.close()

    # The candidate's choice wins over the browser's language, and is kept on a reload.
    context = await browser.new_context(**DESKTOP, locale="ar")
    page = await context.new_page()
    await page.goto(link)
    await page.get_by_label("\u0627\u0644\u0644\u063a\u0629").select_option("es")
    await expect(page.get_by_label("Su zona horaria")).to_be_visible()
    assert await page.evaluate("document.dir") == "ltr"
    await page.reload()
    await expect(
        page.get_by_text("Los horarios se muestran en la zona indicada arriba.")
    ).to_be_visible()
    assert await page.evaluate("document.documentElement.lang") == "es"
    await context.close()


@pytest.mark.e2e
async def test_the_language_a_request_names_reaches_the_mail_and_the_page(
    site: Site, browser: Browser
) -> None:
    link, subject = scheduling_link(site, "fr")
    assert subject.startswith("Planifiez votre entretien")
    context = await browser.new_context(**DESKTOP, locale="en-US")
    page = await context.new_page()
    await page.goto(link)  # the link as the browser opens it, without the mail's ?lang=
    await expect(page.get_by_label("Votre fuseau horaire")).to_be_visible()
    assert await page.evaluate("document.documentElement.lang") == "fr"
    day = await page.locator("section h2").first.inner_text()
    assert re.search(r"(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) \d+ ", day), day
    await context.close()


# The interview page: a question set in Arabic, so only the privacy notice (the service's own
# text, set by the operator) is left in another script.
INTERVIEW_QUESTIONS = {
    "name": "\u0645\u0642\u0627\u0628\u0644\u0629",
    "practice_question": {
        "prompt": "\u062a\u062f\u0631\u064a\u0628: \u0642\u0644 \u0645\u0631\u062d\u0628\u064b\u0627.",
        "think_seconds": 0,
        "answer_seconds": 10,
    },
    "questions": [
        {
            "prompt": "\u0644\u0645\u0627\u0630\u0627 \u0647\u0630\u0627 \u0627\u0644\u062f\u0648\u0631\u061f",
            "think_seconds": 0,
            "answer_seconds": 10,
            "retakes": 1,
        },
        {
            "kind": "text",
            "prompt": "\u0635\u0641 \u0639\u0645\u064a\u0644\u064b\u0627 \u0633\u0627\u0639\u062f\u062a\u0647.",
            "think_seconds": 0,
            "answer_seconds": 120,
            "max_chars": 200,
        },
    ],
}
POSITION = "\u0645\u0647\u0646\u062f\u0633"  # "engineer"


def interview_link(site: Site, default_language: str | None = None) -> tuple[str, str, str, str]:
    """(link, invitation id, tenant key, candidate address) for a new invitation."""
    key = site.tenant_key()
    with site.api(key) as admin:
        if default_language:
            put = admin.put("/v1/candidate-language", json={"language": default_language})
            assert put.status_code == 200, put.text
        qs = admin.post("/v1/question-sets", json=INTERVIEW_QUESTIONS)
        assert qs.status_code == 201, qs.text
        position = admin.post(
            "/v1/positions", json={"title": POSITION, "question_set_id": qs.json()["id"]}
        ).json()
        address = f"{unique('nour')}@example.com"
        created = admin.post(
            f"/v1/positions/{position['id']}/invitations",
            json={"name": "\u0646\u0648\u0631", "email": address},
        )
        assert created.status_code == 201, created.text
    link = created.json()["link"]
    site.wait_for_link(link.rsplit("/", 1)[1], "/v1/candidate/progress")
    return link, created.json()["id"], key, address


LATIN_WORDS_BUT_NOTICE = LATIN_WORDS.replace("'option, .brand'", "'option, .brand, #notice'")


@pytest.mark.e2e
async def test_the_interview_page_in_arabic_reads_right_to_left(
    site: Site, browser: Browser
) -> None:
    # The tenant's default language, given by the service: the browser asks for English.
    link, _, _, _ = interview_link(site, default_language="ar")
    for size, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
        context = await browser.new_context(
            **viewport, locale="en-US", permissions=["camera", "microphone"]
        )
        page = await context.new_page()
        await page.goto(link)
        heading = f"\u0645\u0642\u0627\u0628\u0644\u0629 \u0628\u0627\u0644\u0641\u064a\u062f\u064a\u0648: {POSITION}"
        await expect(page.get_by_role("heading", name=heading)).to_be_visible()
        assert await page.evaluate("[document.documentElement.lang, document.dir]") == ["ar", "rtl"]
        assert (
            await page.title()
            == "\u0645\u0642\u0627\u0628\u0644\u062a\u0643 \u0628\u0627\u0644\u0641\u064a\u062f\u064a\u0648 \u00b7 Hireloop"
        )
        assert await page.evaluate(LATIN_WORDS_BUT_NOTICE) == []
        # Right to left: the heading starts at the right edge of the page.
        box = await page.get_by_role("heading", name=heading).bounding_box()
        width = viewport["viewport"]["width"]
        assert box and box["x"] + box["width"] > width * 0.6, box
        assert await axe_violations(page, site) == []
        await screenshot(page, f"interview-arabic-landing-{size}")
        if size == "desktop":
            await page.get_by_label(
                "\u0642\u0631\u0623\u062a \u0647\u0630\u0627 \u0627\u0644\u0625\u0634\u0639\u0627\u0631"
            ).check()
            await page.get_by_role(
                "button",
                name="\u0645\u0648\u0627\u0641\u0642 \u0648\u0645\u062a\u0627\u0628\u0639\u0629",
            ).click()
            await expect(
                page.get_by_text(
                    "\u0627\u0644\u0643\u0627\u0645\u064a\u0631\u0627 \u0648\u0627\u0644\u0645\u064a\u0643\u0631\u0648\u0641\u0648\u0646 \u064a\u0639\u0645\u0644\u0627\u0646"
                )
            ).to_be_visible()
            assert await page.evaluate(LATIN_WORDS_BUT_NOTICE) == []
            assert await axe_violations(page, site) == []
            await screenshot(page, "interview-arabic-device-check-desktop")
        await context.close()


@pytest.mark.e2e
async def test_the_interview_page_in_spanish(site: Site, browser: Browser) -> None:
    link, _, _, _ = interview_link(site)
    context = await browser.new_context(**PHONE, locale="es-ES")  # the browser's language
    page = await context.new_page()
    await page.goto(link)
    await expect(
        page.get_by_role("heading", name=f"Entrevista en v\u00eddeo: {POSITION}")
    ).to_be_visible()
    assert await page.evaluate("[document.documentElement.lang, document.dir]") == ["es", "ltr"]
    await expect(page.get_by_role("heading", name="Qu\u00e9 esperar")).to_be_visible()
    await expect(page.get_by_text("Preguntas: 2, una cada vez.")).to_be_visible()
    assert await axe_violations(page, site) == []
    await screenshot(page, "interview-spanish-landing-phone")
    # No camera granted: the help is in Spanish too.
    await page.get_by_label("He le\u00eddo este aviso").check()
    await page.get_by_role("button", name="Aceptar y continuar").click()
    await expect(page.get_by_role("alert")).to_contain_text("No hemos podido usar su c\u00e1mara")
    await context.close()


@pytest.mark.e2e
async def test_an_interview_answered_through_in_german(site: Site, browser: Browser) -> None:
    link, invitation_id, key, address = interview_link(site)
    context = await browser.new_context(
        **DESKTOP, locale="en-GB", permissions=["camera", "microphone"]
    )
    page = await context.new_page()
    await page.goto(link)
    await expect(page.get_by_role("button", name="Agree and continue")).to_be_visible()
    await page.get_by_label("Language").select_option("de")  # the candidate's own choice
    await expect(page.get_by_role("heading", name="Was Sie erwartet")).to_be_visible()
    assert await page.evaluate("document.documentElement.lang") == "de"
    site.wait_until(
        lambda c: c.get("/v1/candidate/language").json()["chosen"] == "de",
        link.rsplit("/", 1)[1],
    )
    await page.get_by_label("Ich habe diesen Hinweis gelesen").check()
    await page.get_by_role("button", name="Zustimmen und weiter").click()
    await expect(page.get_by_text("Kamera und Mikrofon funktionieren")).to_be_visible()
    await page.get_by_role("button", name="Interview beginnen").click()

    await expect(page.get_by_role("heading", name="\u00dcbungsfrage")).to_be_visible()
    await page.get_by_role("button", name="Jetzt aufnehmen").click()
    await expect(page.get_by_text("Aufnahme l\u00e4uft")).to_be_visible()
    await page.get_by_role("button", name="Aufnahme beenden").click()
    await expect(page.get_by_text("Das war eine \u00dcbung")).to_be_visible()
    await page.get_by_role("button", name="Weiter zur ersten Frage").click()

    await expect(page.get_by_role("heading", name="Frage 1 von 2")).to_be_visible()
    await page.get_by_role("button", name="Jetzt aufnehmen").click()
    # The recorder's first chunk is a second in: stop once something has been uploaded.
    await expect(page.get_by_text("% Ihrer Aufnahme hochgeladen")).to_be_visible()
    await page.get_by_role("button", name="Aufnahme beenden").click()
    await expect(page.get_by_text("Ihre Antwort ist gespeichert.")).to_be_visible(timeout=30000)
    await expect(
        page.get_by_text("Sie k\u00f6nnen diese Antwort noch 1-mal neu aufnehmen.")
    ).to_be_visible()
    await page.get_by_role("button", name="Diese Antwort behalten").click()

    await expect(page.get_by_role("heading", name="Frage 2 von 2")).to_be_visible()
    await page.get_by_role("button", name="Antwort senden").click()  # nothing written yet
    await expect(page.get_by_role("alert")).to_contain_text("Schreiben oder w\u00e4hlen Sie zuerst")
    await page.get_by_label("Ihre Antwort").fill("Ein Kunde verlor eine Woche an Bestellungen.")
    await expect(page.get_by_text("44 von 200 Zeichen")).to_be_visible()
    await page.get_by_role("button", name="Antwort senden").click()

    await expect(page.get_by_role("heading", name="Vielen Dank")).to_be_visible(timeout=30000)
    await expect(page.get_by_text("Ihr Interview ist abgeschlossen.")).to_be_visible()
    await screenshot(page, "interview-german-done-desktop")
    with site.api(key) as admin:
        invitation = admin.get(f"/v1/invitations/{invitation_id}").json()
        attempts = admin.get(f"/v1/invitations/{invitation_id}/attempts").json()["attempts"]
    assert invitation["state"] == "completed"
    assert [a["status"] for a in attempts if a["selected"] and a["question_id"] == "q1"] == [
        "uploaded"
    ]

    # The receipt e-mail follows the language the candidate chose on the page.
    def receipt(_: object) -> bool:
        return any(
            str(m["Subject"]).startswith("Wir haben Ihr Interview") for m in site.mails_to(address)
        )

    site.wait_until(receipt, key)
    await context.close()
