// The candidate's slot picker: open times in their own time zone (detected, changeable), booking,
// moving or cancelling the interview, and the booked interview as a calendar file.
import { ApiError, call, el, message, show } from "/static/api.js";

const main = document.getElementById("main");
const token = decodeURIComponent(location.pathname.split("/").pop());
let zone = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
const api = (method, path, json) => call(method, `/v1/candidate/scheduling${path}`, { token, json });

function local(iso) {
  // The server sends ISO 8601 in the chosen zone: show its wall-clock part as it is.
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

function dayLabel(date) {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString(undefined, {
    weekday: "long", day: "numeric", month: "long", timeZone: "UTC" });
}

function zonePicker(onChange) {
  const zones = Intl.supportedValuesOf ? Intl.supportedValuesOf("timeZone") : [zone];
  if (!zones.includes(zone)) zones.unshift(zone);
  const select = el("select", { id: "zone", onchange: (e) => { zone = e.target.value; onChange(); } },
    zones.map((z) => el("option", { value: z, selected: z === zone }, z.replaceAll("_", " "))));
  return el("div", {}, el("label", { for: "zone" }, "Your time zone"), select);
}

async function render(notice) {
  let request;
  // A link used within seconds of being sent may not be known to the gateway yet: retry briefly.
  for (let wait = 500; ; wait *= 2) {
    try {
      request = await api("GET", `?time_zone=${encodeURIComponent(zone)}`);
      break;
    } catch (err) {
      if (err instanceof ApiError && err.code === "invalid_link" && wait <= 8000) {
        await new Promise((r) => setTimeout(r, wait));
        continue;
      }
      const gone = err instanceof ApiError && [401, 410].includes(err.status);
      show(main, el("h1", {}, gone ? "This link no longer works" : "Something went wrong"), message(err.message, "error"));
      return;
    }
  }
  const title = el("h1", {}, request.interview_name || "Your interview");
  const intro = el("p", {}, `Hello ${request.candidate_name}.${request.duration_minutes ? ` The interview takes ${request.duration_minutes} minutes.` : ""}`);
  if (request.status === "scheduled" && request.booking) return booked(request, title, intro, notice);
  if (request.status === "cancelled") return show(main, title, message("This interview was cancelled.", "error"));
  if (request.status !== "open") return show(main, title, intro, message("Times are not available yet; we will e-mail you when they are."));
  return pick(request, title, intro, notice, "POST", "/booking");
}

async function pick(request, title, intro, notice, method, path) {
  const list = el("div", { "aria-live": "polite" }, message("Loading open times…"));
  show(main, title, intro, notice || "", el("div", { class: "card" }, zonePicker(() => render()),
    el("p", { class: "muted" }, "Times are shown in the zone above.")), list);
  main.focus();
  let slots;
  try {
    slots = (await api("GET", `/slots?time_zone=${encodeURIComponent(zone)}`)).slots;
  } catch (err) {
    return show(list, message(err.message, "error"));
  }
  if (!slots.length) return show(list, message("No open times right now. Please check again later."));
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
      "aria-label": `${label(slot)}, ${dayLabel(date)}`,
      onclick: () => choose(slot, method, path) }, label(slot)))))));
}

async function choose(slot, method, path) {
  try {
    await api(method, path, { start: slot.start, time_zone: zone });
    await render(message("Your interview is booked. We sent you a calendar invitation.", "ok"));
  } catch (err) {
    const taken = err instanceof ApiError && err.code === "slot_taken";
    await render(message(taken ? "Someone just took that time. Please choose another." : err.message, "error"));
  }
}

function booked(request, title, intro, notice) {
  const b = request.booking;
  const start = local(b.local_start);
  const reason = el("textarea", { id: "reason", required: true });
  const cancelForm = el("form", { class: "card" }, el("h2", {}, "Cancel the interview"),
    el("label", { for: "reason" }, "Reason (shared with the hiring team)"), reason,
    el("p", {}, el("button", { type: "submit", class: "secondary" }, "Cancel the interview")));
  cancelForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      await api("POST", "/cancel", { reason: reason.value });
      await render(message("The interview is cancelled.", "ok"));
    } catch (err) {
      show(cancelForm, message(err.message, "error"));
    }
  });
  show(main, title, intro, notice || "",
    el("div", { class: "card" },
      el("h2", {}, "Booked"),
      el("p", { class: "timer" }, `${dayLabel(start.date)}, ${start.time}–${local(b.local_end).time}`),
      el("p", { class: "muted" }, `Time zone: ${b.time_zone}`),
      b.join_url ? el("p", {}, el("a", { href: b.join_url, rel: "noopener" }, "Join link for the interview")) : null,
      el("p", {}, el("button", { type: "button", onclick: download }, "Add to my calendar (.ics)"), " ",
        request.can_reschedule ? el("button", { type: "button", class: "secondary", onclick: () => pick(request, title, intro, null, "POST", "/reschedule") }, "Choose another time") : null)),
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

render();
