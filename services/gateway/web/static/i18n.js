// The candidate pages' languages: one JSON catalogue per language (/static/locales/<lang>.json,
// every language with every key), `t(key, params)` for a message, `dateTime` for an instant in
// the page's language and a zone (Intl), and the document's lang and dir (Arabic right to left).
//
// A page calls `await setup({ fallback })` before it renders, then builds its text with `t()`.
// The language is the candidate's choice (the picker, kept in this browser), else `?lang=` in the
// link, else the fallback the service gives (the tenant's default), else the browser's languages,
// else English. Static text in the HTML carries `data-i18n="key"` and is replaced by `setup`.
import { el } from "/static/api.js";

export const LANGUAGES = ["en", "es", "fr", "de", "ar"];
const RTL = new Set(["ar"]);
const CHOICE = "hl.lang";
let lang = "en";
let messages = {};

function supported(tag) {
  if (!tag) return null;
  const base = String(tag).toLowerCase().split(/[-_]/)[0];
  return LANGUAGES.includes(base) ? base : null;
}

export function chosenLanguage({ fallback } = {}) {
  const stored = (() => {
    try {
      return localStorage.getItem(CHOICE);
    } catch {
      return null; // storage blocked: the choice lasts for this page only
    }
  })();
  const candidates = [stored, new URLSearchParams(location.search).get("lang"), fallback, ...(navigator.languages || [])];
  for (const tag of candidates) {
    const found = supported(tag);
    if (found) return found;
  }
  return "en";
}

export async function setup(options = {}) {
  lang = options.language || chosenLanguage(options);
  const response = await fetch(`/static/locales/${lang}.json`);
  messages = response.ok ? await response.json() : {};
  document.documentElement.lang = lang;
  document.documentElement.dir = RTL.has(lang) ? "rtl" : "ltr";
  for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
  const title = document.querySelector("title[data-i18n-title]");
  if (title) document.title = t(title.dataset.i18nTitle);
  return lang;
}

export function language() {
  return lang;
}

// The message `key` with `{name}` placeholders filled in; the key itself if a catalogue lacks it
// (the coverage test keeps that from shipping).
export function t(key, params = {}) {
  const text = messages[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

// An instant in the page's language and the given zone (default: the browser's).
export function dateTime(value, options = { dateStyle: "full", timeStyle: "short" }, timeZone) {
  return new Intl.DateTimeFormat(lang, { ...options, ...(timeZone ? { timeZone } : {}) }).format(new Date(value));
}

// A quantity in the page's language with its unit's short name (`kilobit-per-second`, `megabyte`).
export function quantity(value, unit) {
  return new Intl.NumberFormat(lang, { style: "unit", unit, unitDisplay: "short", maximumFractionDigits: 1 }).format(value);
}

// A calendar date (YYYY-MM-DD, as the zone's wall clock reads it) as a day of the week and date.
export function dayName(date) {
  const [y, m, d] = date.split("-").map(Number);
  return new Intl.DateTimeFormat(lang, { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" })
    .format(new Date(Date.UTC(y, m - 1, d)));
}

// The language picker: each language in its own name; a change is remembered and re-renders.
export function languagePicker(onChange) {
  const select = el("select", { id: "language", onchange: async (event) => {
    try {
      localStorage.setItem(CHOICE, event.target.value);
    } catch {
      // storage blocked: still switch for this page
    }
    await setup({ language: event.target.value });
    onChange();
  } }, LANGUAGES.map((code) => el("option", { value: code, lang: code, selected: code === lang }, t(`language.${code}`))));
  return el("div", {}, el("label", { for: "language" }, t("common.language")), select);
}
