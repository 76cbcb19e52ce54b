// The candidate's slot picker: open times in their own time zone (detected, changeable), booking,
// moving or cancelling the interview, and the booked interview as a calendar file. Every word
// comes from the catalogues (/static/i18n.js), dates in the candidate's language.
import { ApiError, call, el, message as plainMessage, show } from "/static/api.js";
import { dayName, language, languagePicker, setup, t } from "/static/i18n.js";

const main = document.getElementById("main");
const token = decodeURIComponent(location.pathname.split("/").pop());
let zone = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
const api = (method, path, json) => call(method, `/v1/candidate/scheduling${path}`, { token, json });

function local(iso) {
  // The server sends ISO 8601 in the chosen zone: show its wall-clock part as it is.
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

const dayLabel = dayName;
let languageSettled = false; // the first answer may name the language; later the picker decides

function message(text, kind) {
  return plainMessage(text, kind, { error: t("common.error_prefix"), ok: t("common.done_prefix") });
}

// What went wrong, for the candidate: a known refusal in their language, else the service's words
// (English) after a translated sentence.
function problem(err) {
  const key = `problem.${err.code}`;
  return t(key) !== key ? t(key) : `${t("common.error")} (${err.message})`;
}

function zonePicker(onChange) {
  const zones = Intl.supportedValuesOf ? Intl.supportedValuesOf("timeZone") : [zone];
  if (!zones.includes(zone)) zones.unshift(zone);
  const select = el("select", { id: "zone", onchange: (e) => { zone = e.target.value; onChange(); } },
    zones.map((z) => el("option", { value: z, selected: z === zone }, z.replaceAll("_", " "))));
  return el("div", {}, el("label", { for: "zone" }, t("schedule.your_zone")), select);
}

async function render(notice) {
  let request;
  // A link used within seconds of being sent may not be known to the gateway yet: retry briefly.
  for (let wait = 500; ; wait *= 2) {
    try {
      request = await api("GET", `?time_zone=${encodeURIComponent(zone)}`);
      if (request.language && request.language !== language() && !languageSettled) {
        await setup({ fallback: request.language }); // the language the request names
      }
      languageSettled = true;
      break;
    } catch (err) {
      if (err instanceof ApiError && err.code === "invalid_link" && wait <= 8000) {
        await new Promise((r) => setTimeout(r, wait));
        continue;
      }
      const gone = err instanceof ApiError && [401, 410].includes(err.status);
      show(main, el("h1", {}, t(gone ? "schedule.link_gone" : "common.error")), message(problem(err), "error"));
      return;
    }
  }
  const title = el("h1", {}, request.interview_name || t("schedule.default_name"));
  const intro = el("p", {}, [t("schedule.hello", { name: request.candidate_name }),
    request.duration_minutes ? t("schedule.duration", { minutes: request.duration_minutes }) : ""].filter(Boolean).join(" "));
  if (request.status === "scheduled" && request.booking) return booked(request, title, intro, notice);
  if (request.status === "cancelled") return show(main, languages(), title, message(t("schedule.was_cancelled"), "error"));
  if (request.status !== "open") return show(main, languages(), title, intro, message(t("schedule.not_yet")));
  return pick(request, title, intro, notice, "POST", "/booking");
}

async function pick(request, title, intro, notice, method, path) {
  const list = el("div", { "aria-live": "polite" }, message(t("schedule.loading_times")));
  show(main, languages(), title, intro, notice || "", el("div", { class: "card" }, zonePicker(() => render()),
    el("p", { class: "muted" }, t("schedule.zone_note"))), list);
  main.focus();
  let slots;
  try {
    slots = (await api("GET", `/slots?time_zone=${encodeURIComponent(zone)}`)).slots;
  } catch (err) {
    return show(list, message(problem(err), "error"));
  }
  if (!slots.length) return show(list, message(t("schedule.no_times")));
  const days = new Map();
  for (const slot of slots) {
    const { date } = local(slot.local_start);
    if (!days.has(date)) days.set(date, []);
    days.get(date).push(slot);
  }
  const label = (slot) => `${local(slot.local_start).time}–${local(slot.local_end).time}`;
  show(list, ...[...days].map(([date, daySlots]) => el("section", { class: "card", "aria-label": dayLabel(date) },
    el("h2", {}, dayLabel(date)),
    el("div", { class: "row" }, daySlots.map((slot) => el("button", { type: "button", class: "secondary",
      "aria-label": t("schedule.slot_label", { time: label(slot), day: dayLabel(date) }),
      onclick: () => choose(slot, method, path) }, label(slot)))))));
}

async function choose(slot, method, path) {
  try {
    await api(method, path, { start: slot.start, time_zone: zone });
    await render(message(t("schedule.booked_ok"), "ok"));
  } catch (err) {
    const taken = err instanceof ApiError && err.code === "slot_taken";
    await render(message(taken ? t("schedule.slot_taken") : problem(err), "error"));
  }
}

function booked(request, title, intro, notice) {
  const b = request.booking;
  const start = local(b.local_start);
  const reason = el("textarea", { id: "reason", required: true });
  const cancelForm = el("form", { class: "card" }, el("h2", {}, t("schedule.cancel")),
    el("label", { for: "reason" }, t("schedule.reason")), reason,
    el("p", {}, el("button", { type: "submit", class: "secondary" }, t("schedule.cancel"))));
  cancelForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      await api("POST", "/cancel", { reason: reason.value });
      await render(message(t("schedule.cancelled_ok"), "ok"));
    } catch (err) {
      show(cancelForm, message(problem(err), "error"));
    }
  });
  show(main, languages(), title, intro, notice || "",
    el("div", { class: "card" },
      el("h2", {}, t("schedule.booked")),
      el("p", { class: "timer" }, t("schedule.booked_when", { day: dayLabel(start.date), start: start.time, end: local(b.local_end).time })),
      el("p", { class: "muted" }, t("schedule.time_zone", { zone: b.time_zone })),
      // An outside tool's link, or the platform's own room, entered with this same link.
      el("p", {}, b.join_url
        ? el("a", { href: b.join_url, rel: "noopener" }, t("schedule.join"))
        : el("a", { href: `/live/${encodeURIComponent(token)}` }, t("schedule.room"))),
      el("p", {}, el("button", { type: "button", onclick: download }, t("schedule.add_calendar")), " ",
        request.can_reschedule ? el("button", { type: "button", class: "secondary", onclick: () => pick(request, title, intro, null, "POST", "/reschedule") }, t("schedule.another_time")) : null)),
    request.can_cancel ? cancelForm : null);
  main.focus();
}

async function download() {
  const text = await api("GET", "/booking.ics");
  const link = el("a", { href: URL.createObjectURL(new Blob([text], { type: "text/calendar" })), download: "interview.ics" });
  document.body.append(link);
  link.click();
  link.remove();
}

function languages() {
  return el("div", { class: "card language" }, languagePicker(() => render()));
}

setup().then(() => render());
