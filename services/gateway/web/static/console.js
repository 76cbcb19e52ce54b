// The recruiter's console: question sets, positions with their funnel, invitations (one or bulk).
import { all, ApiError, call, el, message, setStaffToken, show, staffToken, when } from "/static/api.js";

const main = document.getElementById("main");
const STATES = ["created", "opened", "consented", "started", "completed", "expired", "withdrawn"];
const STATE_LABEL = {
  created: "Invited", opened: "Opened", consented: "Consented", started: "Started",
  completed: "Completed", expired: "Expired", withdrawn: "Withdrawn",
};

document.getElementById("signout").addEventListener("click", async () => {
  // The token is refused from now on; a single sign-on user also leaves the provider's session.
  let out = {};
  try {
    out = await call("POST", "/v1/auth/logout");
  } catch {
    // An API key or an expired token: nothing to end at the server.
  }
  setStaffToken(null);
  location.assign(out.provider_logout_url || "/login");
});

const routes = [
  [/^#\/question-sets$/, questionSets],
  [/^#\/positions\/([\w-]+)$/, position],
  [/^#\/positions$/, positions],
  [/^#\/interviewers$/, () => interviewer(null)],
  [/^#\/interviewers\/([\w-]+)$/, interviewer],
  [/^#\/retention$/, retention],
];

async function route() {
  const hash = location.hash || "#/positions";
  for (const [pattern, page] of routes) {
    const match = hash.match(pattern);
    if (match) {
      try {
        await page(...match.slice(1));
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) {
          setStaffToken(null);
          location.assign(`/login?next=${encodeURIComponent("/console" + hash)}`);
          return;
        }
        show(main, message(err.message, "error"));
      }
      main.focus();
      return;
    }
  }
  location.hash = "#/positions";
}
if (staffToken()) {
  window.addEventListener("hashchange", route);
  route();
} else {
  location.replace(`/login?next=${encodeURIComponent(location.pathname + location.hash)}`);
}

function badge(state) {
  return el("span", { class: `badge ${state}` }, STATE_LABEL[state] || state);
}

const DECISION_LABEL = { advanced: "Advanced", rejected: "Not advanced", held: "On hold" };

function funnel(p) {
  const counts = p.counts || {};
  const decisions = p.decisions || {};
  const invited = STATES.reduce((n, s) => n + (counts[s] || 0), 0);
  const reached = (states) => states.reduce((n, s) => n + (counts[s] || 0), 0);
  const steps = [
    ["Invited", invited],
    ["Opened", reached(["opened", "consented", "started", "completed"])],
    ["Started", reached(["started", "completed"])],
    ["Completed", reached(["completed"])],
    ["Reviewed", Object.values(decisions).reduce((n, k) => n + k, 0)],
    ["Advanced", decisions.advanced || 0],
  ];
  return el("div", { class: "funnel", role: "list", "aria-label": "Funnel" },
    steps.map(([label, n]) => el("div", { role: "listitem" }, el("strong", {}, n), label)));
}

// --- positions ---------------------------------------------------------------------------------

async function positions() {
  const [list, sets] = await Promise.all([all("/v1/positions"), all("/v1/question-sets")]);
  const status = el("div", { "aria-live": "polite" });
  const form = el("form", { class: "card", "aria-labelledby": "new-position" },
    el("h2", { id: "new-position" }, "New position"),
    el("div", { class: "row" },
      el("div", {}, el("label", { for: "title" }, "Title"), el("input", { id: "title", name: "title", required: true })),
      el("div", {}, el("label", { for: "qs" }, "Question set"),
        el("select", { id: "qs", name: "question_set_id", required: true },
          sets.map((s) => el("option", { value: s.id }, `${s.name} (v${s.version})`)))),
      el("div", {}, el("label", { for: "days" }, "Days to answer"),
        el("input", { id: "days", name: "deadline_days", type: "number", min: 1, max: 90, value: 7 })),
    ),
    el("label", {}, el("input", { type: "checkbox", name: "blind_review", style: "width:auto" }), " Blind review"),
    el("p", {}, el("button", { type: "submit", disabled: sets.length === 0 }, "Create position")),
    sets.length === 0 ? el("p", { class: "muted" }, "Create a question set first.") : null,
    status,
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    try {
      const created = await call("POST", "/v1/positions", { json: {
        title: data.get("title"), question_set_id: data.get("question_set_id"),
        deadline_days: Number(data.get("deadline_days")), blind_review: data.get("blind_review") === "on",
      } });
      location.hash = `#/positions/${created.id}`;
    } catch (err) {
      show(status, message(err.message, "error"));
    }
  });
  const rows = list.map((p) => el("tr", {},
    el("td", {}, el("a", { href: `#/positions/${p.id}` }, p.title)),
    el("td", {}, when(p.created_at)),
    el("td", {}, funnel(p))));
  show(main,
    el("h1", {}, "Positions"),
    list.length ? el("div", { class: "table-wrap" }, el("table", {},
      el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "Position"), el("th", { scope: "col" }, "Created"),
        el("th", { scope: "col" }, "Funnel"))),
      el("tbody", {}, rows))) : el("p", { class: "muted" }, "No positions yet."),
    form);
}

// --- one position ------------------------------------------------------------------------------

async function position(id) {
  const p = await call("GET", `/v1/positions/${id}`);
  const candidates = el("section", { "aria-labelledby": "candidates" });
  const status = el("div", { "aria-live": "polite" });
  const one = el("form", { class: "card", "aria-labelledby": "invite-one" },
    el("h2", { id: "invite-one" }, "Invite a candidate"),
    el("div", { class: "row" },
      el("div", {}, el("label", { for: "cname" }, "Name"), el("input", { id: "cname", name: "name", required: true })),
      el("div", {}, el("label", { for: "cemail" }, "E-mail"), el("input", { id: "cemail", name: "email", type: "email", required: true })),
      el("div", {}, el("button", { type: "submit" }, "Send invitation"))));
  one.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = new FormData(one);
    try {
      await call("POST", `/v1/positions/${id}/invitations`, { json: { name: data.get("name"), email: data.get("email") } });
      await position(id);
      show(document.getElementById("position-status"), message(`Invitation sent to ${data.get("email")}.`, "ok"));
    } catch (err) {
      show(status, message(err.message, "error"));
    }
  });
  const bulkResult = el("div", { "aria-live": "polite" });
  const bulk = el("form", { class: "card", "aria-labelledby": "invite-bulk" },
    el("h2", { id: "invite-bulk" }, "Invite from a CSV file"),
    el("p", { class: "muted" }, "Columns: name, email; optional: deadline, time_multiplier, extra_retakes. UTF-8, up to 10,000 rows."),
    el("label", { for: "csv" }, "CSV file"),
    el("input", { id: "csv", name: "file", type: "file", accept: ".csv,text/csv", required: true }),
    el("p", {}, el("button", { type: "submit" }, "Upload and invite")), bulkResult);
  bulk.addEventListener("submit", async (event) => {
    event.preventDefault();
    const file = bulk.querySelector("#csv").files[0];
    show(bulkResult, message("Uploading…"));
    try {
      const result = await call("POST", `/v1/positions/${id}/invitations/bulk`, { body: file, contentType: "text/csv" });
      await renderCandidates(id, candidates);
      show(bulkResult,
        message(`${result.created} created, ${result.duplicate} duplicates, ${result.invalid} invalid.`, "ok"),
        el("div", { class: "table-wrap" }, el("table", {},
          el("caption", { class: "sr-only" }, "Result per row"),
          el("thead", {}, el("tr", {}, ["Row", "E-mail", "Result", "Reason"].map((h) => el("th", { scope: "col" }, h)))),
          el("tbody", {}, result.rows.filter((r) => r.status !== "created").slice(0, 200).map((r) =>
            el("tr", {}, el("td", {}, r.row), el("td", {}, r.email || ""), el("td", {}, badge(r.status)), el("td", {}, r.reason || "")))))));
    } catch (err) {
      show(bulkResult, message(err.message, "error"));
    }
  });
  const lifecycle = async (action) => {
    try {
      await call("POST", `/v1/positions/${id}/${action}`, { json: {} });
      await position(id);
    } catch (err) {
      show(document.getElementById("position-status"), message(err.message, "error"));
    }
  };
  const closing = p.erased_at
    ? el("p", { class: "muted" }, `Closed ${when(p.closed_at)}. Its candidates' data was erased ${when(p.erased_at)}.`)
    : p.closed_at
      ? el("div", { class: "card" },
        el("p", {}, `Closed ${when(p.closed_at)}: no new invitations. Its candidates' recordings, transcripts and answers are erased ${when(p.erase_at)} (`,
          el("a", { href: "#/retention" }, "retention"), ")."),
        el("button", { type: "button", class: "secondary", onclick: () => lifecycle("reopen") }, "Reopen position"))
      : el("p", {}, el("button", { type: "button", class: "secondary", onclick: () => lifecycle("close") }, "Close position"));
  show(main,
    el("p", {}, el("a", { href: "#/positions" }, "← Positions")),
    el("h1", {}, p.title),
    funnel(p),
    closing,
    el("div", { id: "position-status", "aria-live": "polite" }),
    ...(p.closed_at ? [] : [one, status, bulk]), candidates);
  await renderCandidates(id, candidates);
}

async function renderCandidates(id, container) {
  const invitations = (await call("GET", `/v1/positions/${id}/invitations?limit=500`)).items;
  const rows = invitations.map((i) => el("tr", {},
    el("td", {}, i.name), el("td", {}, i.email), el("td", {}, badge(i.state)),
    el("td", {}, i.decision ? el("span", { class: `badge ${i.decision.outcome}` }, DECISION_LABEL[i.decision.outcome]) : "—"),
    el("td", {}, when(i.deadline)),
    el("td", {}, ["created", "opened", "consented", "started"].includes(i.state)
      ? el("button", { type: "button", class: "secondary", "aria-label": `Withdraw ${i.name}`, onclick: async () => {
          await call("POST", `/v1/invitations/${i.id}/withdraw`, { json: {} });
          await renderCandidates(id, container);
        } }, "Withdraw")
      : "")));
  show(container,
    el("h2", { id: "candidates" }, `Candidates (${invitations.length}${invitations.length === 500 ? "+" : ""})`),
    el("p", {}, el("button", { type: "button", class: "secondary", onclick: () => download(id) }, "Export CSV")),
    el("div", { class: "table-wrap" }, el("table", {},
      el("thead", {}, el("tr", {}, ["Name", "E-mail", "Status", "Decision", "Deadline", ""].map((h) => el("th", { scope: "col" }, h)))),
      el("tbody", {}, rows))));
}

async function download(id) {
  const csv = await call("GET", `/v1/positions/${id}/invitations.csv`);
  const link = el("a", { href: URL.createObjectURL(new Blob([csv], { type: "text/csv" })), download: `${id}.csv` });
  link.click();
}

// --- retention ---------------------------------------------------------------------------------

async function retention() {
  const [policy, schedule] = await Promise.all([call("GET", "/v1/retention"), call("GET", "/v1/retention/schedule?limit=100")]);
  const status = el("div", { "aria-live": "polite" });
  const form = el("form", { class: "card", "aria-labelledby": "retention-policy" },
    el("h2", { id: "retention-policy" }, "Retention period"),
    el("p", { class: "muted" }, "How long a closed position's candidate data (recordings, transcripts, answers, reviews, interviews) is kept before it is erased."),
    el("label", { for: "months" }, "Months after a position closes"),
    el("input", { id: "months", name: "months", type: "number", min: 1, max: 36, required: true, value: policy.months }),
    el("p", {}, el("button", { type: "submit" }, "Save retention period")), status);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      await call("PUT", "/v1/retention", { json: { months: Number(new FormData(form).get("months")) } });
      await retention();
      show(document.getElementById("retention-status"), message("Retention period saved.", "ok"));
    } catch (err) {
      show(status, message(err.message, "error"));
    }
  });
  const rows = schedule.items.map((e) => el("tr", {},
    el("td", {}, el("a", { href: `#/positions/${e.position_id}` }, e.title)),
    el("td", {}, when(e.closed_at)), el("td", {}, when(e.erase_at)), el("td", {}, e.candidates)));
  show(main,
    el("h1", {}, "Retention"),
    el("div", { id: "retention-status", "aria-live": "polite" }),
    form,
    el("h2", { id: "schedule" }, "What will be erased, and when"),
    schedule.items.length ? el("div", { class: "table-wrap" }, el("table", { "aria-labelledby": "schedule" },
      el("thead", {}, el("tr", {}, ["Position", "Closed", "Erased on", "Candidates"].map((h) => el("th", { scope: "col" }, h)))),
      el("tbody", {}, rows))) : el("p", { class: "muted" }, "No closed position is waiting to be erased."));
}

// --- question sets -----------------------------------------------------------------------------

async function questionSets() {
  const sets = await all("/v1/question-sets");
  const list = el("ul", {}, sets.map((s) => el("li", {},
    `${s.name} — version ${s.version}, ${s.questions.filter((q) => !q.practice).length} questions`)));
  const questions = el("div", {});
  const status = el("div", { "aria-live": "polite" });
  let count = 0;
  const addQuestion = () => {
    count += 1;
    const n = count;
    questions.append(el("fieldset", { class: "card" },
      el("legend", {}, `Question ${n}`),
      el("label", { for: `p${n}` }, "Prompt"), el("textarea", { id: `p${n}`, name: "prompt", required: true }),
      el("div", { class: "row" },
        el("div", {}, el("label", { for: `t${n}` }, "Think time (s)"), el("input", { id: `t${n}`, name: "think", type: "number", min: 0, value: 30 })),
        el("div", {}, el("label", { for: `a${n}` }, "Answer time (s)"), el("input", { id: `a${n}`, name: "answer", type: "number", min: 10, value: 120 })),
        el("div", {}, el("label", { for: `r${n}` }, "Retakes"), el("input", { id: `r${n}`, name: "retakes", type: "number", min: 0, value: 1 })))));
  };
  addQuestion();
  const form = el("form", { class: "card", "aria-labelledby": "new-set" },
    el("h2", { id: "new-set" }, "New question set"),
    el("label", { for: "setname" }, "Name"), el("input", { id: "setname", name: "name", required: true }),
    el("label", { for: "practice" }, "Practice question (optional, never reviewed)"),
    el("input", { id: "practice", name: "practice" }),
    questions,
    el("p", {}, el("button", { type: "button", class: "secondary", onclick: addQuestion }, "Add a question"), " ",
      el("button", { type: "submit" }, "Save question set")),
    status);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const body = {
      name: data.get("name"),
      questions: [...questions.querySelectorAll("fieldset")].map((f) => ({
        prompt: f.querySelector("[name=prompt]").value,
        think_seconds: Number(f.querySelector("[name=think]").value),
        answer_seconds: Number(f.querySelector("[name=answer]").value),
        retakes: Number(f.querySelector("[name=retakes]").value),
      })),
    };
    if (data.get("practice")) body.practice_question = { prompt: data.get("practice"), answer_seconds: 30 };
    try {
      await call("POST", "/v1/question-sets", { json: body });
      await questionSets();
      main.prepend(message("Question set saved.", "ok"));
    } catch (err) {
      show(status, message(err.message, "error"));
    }
  });
  show(main, el("h1", {}, "Question sets"), sets.length ? list : el("p", { class: "muted" }, "None yet."), form);
}

// --- interviewers' availability ----------------------------------------------------------------

const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
const rangesText = (ranges) => (ranges || []).map((r) => `${r.start}-${r.end}`).join(", ");
const parseRanges = (text) => text.split(",").map((t) => t.trim()).filter(Boolean).map((t) => {
  const [start, end] = t.split("-").map((x) => x.trim());
  return { start, end };
});

async function interviewer(id) {
  const list = await all("/v1/interviewers");
  const current = id ? await call("GET", `/v1/interviewers/${id}`) : null;
  const zones = Intl.supportedValuesOf ? Intl.supportedValuesOf("timeZone") : ["UTC"];
  const zone = current ? current.time_zone : Intl.DateTimeFormat().resolvedOptions().timeZone;
  const status = el("div", { "aria-live": "polite" });
  const overrides = (current ? current.overrides : []).map((o) =>
    `${o.date}: ${o.ranges.length ? rangesText(o.ranges) : "off"}`).join("\n");
  const form = el("form", { class: "card", "aria-labelledby": "availability" },
    el("h2", { id: "availability" }, current ? `Availability of ${current.name}` : "New interviewer"),
    el("div", { class: "row" },
      el("div", {}, el("label", { for: "iname" }, "Name"), el("input", { id: "iname", value: current?.name || "", required: true })),
      el("div", {}, el("label", { for: "iemail" }, "E-mail"), el("input", { id: "iemail", type: "email", value: current?.email || "", required: true })),
      el("div", {}, el("label", { for: "izone" }, "Time zone"),
        el("select", { id: "izone" }, zones.map((z) => el("option", { value: z, selected: z === zone }, z))))),
    el("p", { class: "muted" }, "Working hours in the interviewer's own time zone, e.g. 09:00-12:00, 13:00-17:00. Empty means not available."),
    WEEKDAYS.map((d) => el("div", {}, el("label", { for: `w-${d}` }, d[0].toUpperCase() + d.slice(1)),
      el("input", { id: `w-${d}`, value: rangesText(current?.weekly?.[d]) }))),
    el("label", { for: "overrides" }, "Date overrides (one per line: 2026-12-24: off, or 2026-12-27: 10:00-12:00)"),
    el("textarea", { id: "overrides" }, overrides),
    el("div", { class: "row" },
      el("div", {}, el("label", { for: "before" }, "Buffer before (minutes)"), el("input", { id: "before", type: "number", min: 0, max: 240, value: current?.buffer_before_minutes ?? 0 })),
      el("div", {}, el("label", { for: "after" }, "Buffer after (minutes)"), el("input", { id: "after", type: "number", min: 0, max: 240, value: current?.buffer_after_minutes ?? 0 })),
      el("div", {}, el("label", { for: "maxday" }, "Most interviews a day"), el("input", { id: "maxday", type: "number", min: 1, max: 24, value: current?.max_per_day ?? "" }))),
    el("p", {}, el("button", { type: "submit" }, "Save availability")), status);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const value = (x) => form.querySelector(x).value;
    const body = {
      name: value("#iname"), email: value("#iemail"), time_zone: value("#izone"),
      weekly: Object.fromEntries(WEEKDAYS.map((d) => [d, parseRanges(value(`#w-${d}`))]).filter(([, r]) => r.length)),
      overrides: value("#overrides").split("\n").map((l) => l.trim()).filter(Boolean).map((l) => {
        const [date, rest] = l.split(/:\s(.+)/);
        return { date: date.trim(), ranges: rest.trim() === "off" ? [] : parseRanges(rest) };
      }),
      blocked: current ? current.blocked : [],
      buffer_before_minutes: Number(value("#before")), buffer_after_minutes: Number(value("#after")),
      max_per_day: value("#maxday") ? Number(value("#maxday")) : null,
    };
    try {
      const saved = current
        ? await call("PUT", `/v1/interviewers/${current.interviewer_id}`, { json: body })
        : await call("POST", "/v1/interviewers", { json: body });
      history.replaceState(null, "", `#/interviewers/${saved.interviewer_id}`); // no re-route
      await interviewer(saved.interviewer_id);
      main.prepend(message("Availability saved.", "ok"));
    } catch (err) {
      show(status, message(err.problem?.errors ? `${err.message} ${err.problem.errors.map((e) => e.msg).join("; ")}` : err.message, "error"));
    }
  });
  show(main, el("h1", {}, "Interviewers"),
    el("ul", {}, list.map((i) => el("li", {}, el("a", { href: `#/interviewers/${i.interviewer_id}` }, i.name), ` (${i.time_zone})`)),
      el("li", {}, el("a", { href: "#/interviewers" }, "Add an interviewer"))),
    form);
}
