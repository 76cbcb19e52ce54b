// The operations page: every service's readiness, backlog and lag, and the dead letters with a
// re-drive action. Refreshes itself every 10 seconds.
import { ApiError, call, el, message, show, staffToken, when } from "/static/api.js";

const main = document.getElementById("main");
const yes = (ok) => el("span", { class: `badge ${ok ? "completed" : "expired"}` }, ok ? "Ready" : "Not ready");
const num = (v) => (v === null || v === undefined ? "–" : Math.round(v).toLocaleString());

async function render(note) {
  let status;
  let letters;
  try {
    [status, letters] = await Promise.all([call("GET", "/v1/ops/status"), call("GET", "/v1/ops/dead-letters?limit=100").then((page) => page.items)]);
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return location.assign("/login?next=/ops");
    return show(main, message(err.message, "error"));
  }
  const services = el("table", {}, el("caption", { class: "sr-only" }, "Services"),
    el("thead", {}, el("tr", {}, ["Service", "State", "Outbox backlog", "Oldest pending (s)", "Consumer lag", "Processed", "Dead-lettered"]
      .map((h) => el("th", { scope: "col" }, h)))),
    el("tbody", {}, status.map((s) => el("tr", {}, el("td", {}, s.name), el("td", {}, yes(s.ready)),
      el("td", {}, num(s.outbox_pending)), el("td", {}, num(s.outbox_oldest_seconds)), el("td", {}, num(s.consumer_lag)),
      el("td", {}, num(s.handled.processed)), el("td", {}, num(s.dead_lettered))))));
  const dead = letters.length ? el("table", {}, el("caption", { class: "sr-only" }, "Dead letters"),
    el("thead", {}, el("tr", {}, ["When", "Consumer group", "Event", "Error", ""].map((h) => el("th", { scope: "col" }, h)))),
    el("tbody", {}, letters.map((d) => el("tr", {}, el("td", {}, when(d.failed_at)), el("td", {}, d.group),
      el("td", {}, d.type), el("td", {}, `${d.error_type}: ${d.error.slice(0, 300)}`),
      el("td", {}, el("button", { type: "button", class: "secondary", "aria-label": `Re-drive ${d.type} for ${d.group}`,
        onclick: async () => {
          try {
            await call("POST", `/v1/ops/dead-letters/${encodeURIComponent(d.id)}/redrive`);
            render(message(`Re-driven to ${d.group}.`, "ok"));
          } catch (err) {
            render(message(err.message, "error"));
          }
        } }, "Re-drive")))))) : el("p", { class: "muted" }, "No dead letters.");
  show(main, el("h1", {}, "Pipeline"), note || "", el("div", { class: "table-wrap" }, services),
    el("h2", {}, `Dead letters (${letters.length})`), el("div", { class: "table-wrap" }, dead));
}

if (!staffToken()) location.assign("/login?next=/ops");
else {
  render();
  setInterval(() => render(), 10000);
}
