// The reviewer's workspace: the queue, a candidate's answers with the rubric beside them, ratings,
// comments pinned to a moment, decisions; side by side answers; calibration for leads.
import { all, ApiError, call, el, message, setStaffToken, show, staffToken, when } from "/static/api.js";
import { player } from "/static/player.js";

const main = document.getElementById("main");
const RECOMMENDATIONS = [["strong_yes", "Strong yes"], ["yes", "Yes"], ["no", "No"], ["strong_no", "Strong no"]];

const routes = [
  [/^#\/queue$/, queue],
  [/^#\/submissions\/([\w-]+)(?:\?(.*))?$/, submission],
  [/^#\/positions\/([\w-]+)$/, ranking],
  [/^#\/positions\/([\w-]+)\/questions\/([\w-]+)$/, sideBySide],
  [/^#\/positions\/([\w-]+)\/calibration$/, calibration],
];

// Review time: each visit to a submission is a session whose running totals (player time: real
// seconds an answer played; wall time: seconds the page was visible) are reported every 15 s and
// when the visit ends. The lead's page shows what they add up to.
let visit = null;

function endVisit() {
  if (!visit) return;
  clearInterval(visit.timer);
  visit.report(true);
  visit = null;
}

function startVisit(invitationId) {
  endVisit();
  const session = crypto.randomUUID();
  let player = 0, wall = 0, ticks = 0, last = performance.now(), sent = "";
  const tick = () => {
    const now = performance.now();
    const seconds = (now - last) / 1000;
    last = now;
    if (document.visibilityState === "visible") wall += seconds;
    if ([...main.querySelectorAll("video")].some((v) => !v.paused && !v.ended)) player += seconds;
  };
  const report = (leaving = false) => {
    tick();
    const body = JSON.stringify({ session_id: session,
      player_seconds: Math.round(player * 10) / 10, wall_seconds: Math.round(wall * 10) / 10 });
    if (body === sent) return;
    sent = body;
    fetch(`/v1/submissions/${invitationId}/viewings`, { method: "POST", keepalive: leaving, body,
      headers: { Authorization: `Bearer ${staffToken()}`, "Content-Type": "application/json" } }).catch(() => {});
  };
  visit = { id: invitationId, report, timer: setInterval(() => {
    tick();
    ticks += 1;
    if (ticks % 15 === 0) report();
  }, 1000) };
}

window.addEventListener("pagehide", endVisit);
document.addEventListener("visibilitychange", () => {
  if (visit && document.visibilityState === "hidden") visit.report(true);
});

async function route() {
  const hash = location.hash || "#/queue";
  const viewing = hash.match(/^#\/submissions\/([\w-]+)/);
  if (visit && (!viewing || viewing[1] !== visit.id)) endVisit();
  for (const [pattern, page] of routes) {
    const match = hash.match(pattern);
    if (!match) continue;
    try {
      await page(...match.slice(1));
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) {
        setStaffToken(null);
        return location.assign(`/login?next=${encodeURIComponent("/review" + hash)}`);
      }
      show(main, message(err.message, "error"));
    }
    main.focus();
    return;
  }
  location.hash = "#/queue";
}

if (staffToken()) {
  window.addEventListener("hashchange", route);
  route();
} else {
  location.replace(`/login?next=${encodeURIComponent("/review" + location.hash)}`);
}

// How the candidate used the question's clocks: think time (reveal to first take or answer), takes.
function pace(answer) {
  const parts = [];
  if (answer.think_seconds_used !== null && answer.think_seconds_used !== undefined) {
    parts.push(`${answer.kind === "video" ? "Think time used" : "Time used"}: ${answer.think_seconds_used} s`);
  }
  if (answer.kind === "video" && answer.takes_used) parts.push(`takes used: ${answer.takes_used}`);
  return parts.length ? el("p", { class: "muted pace" }, parts.join(" · ")) : "";
}

// A text answer as written (never parsed as markup), or a choice answer's options with the chosen marked.
function written(answer) {
  if (answer.kind === "text") return el("blockquote", { class: "written-answer" }, answer.text);
  const chosen = new Set(answer.choices || []);
  return el("ul", { class: "choice-answer", "aria-label": "Options" }, (answer.choice_labels || []).map((label, i) =>
    el("li", {}, chosen.has(i) ? el("strong", {}, `✓ ${label} (chosen)`) : label)));
}

const who = (s) => (s.candidate ? s.candidate.name : `Candidate ${s.invitation_id.slice(0, 8)} (blind review)`);

async function queue() {
  const positions = await all("/v1/positions");
  const next = el("button", { type: "button", onclick: async () => {
    const response = await fetch("/v1/review-queue/next", { headers: { Authorization: `Bearer ${staffToken()}` } });
    if (response.status === 204) return show(status, message("Nothing is waiting for you. Well done."));
    if (!response.ok) return show(status, message((await response.json()).detail || "Error", "error"));
    location.hash = `#/submissions/${(await response.json()).invitation_id}`;
  } }, "Review the next candidate");
  const status = el("div", { "aria-live": "polite" });
  show(main, el("h1", {}, "Review"), el("p", {}, next), status,
    el("h2", {}, "Positions"),
    el("ul", {}, positions.map((p) => el("li", {},
      el("a", { href: `#/positions/${p.id}` }, p.title), " · ",
      el("a", { href: `#/positions/${p.id}/calibration` }, "calibration")))));
}

async function rubricFor(positionId) {
  const settings = await call("GET", `/v1/positions/${positionId}/review-settings`);
  try {
    return await call("GET", `/v1/question-sets/${settings.question_set_id}/rubric`);
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return null;
    throw err;
  }
}

async function submission(id, query = "") {
  // `?question=<id>&t=<seconds>` (a search hit) opens the answer at that moment.
  const wanted = new URLSearchParams(query);
  let opened = null;
  const s = await call("GET", `/v1/submissions/${id}`);
  if (!visit || visit.id !== id) startVisit(id);
  const rubric = await rubricFor(s.position_id);
  const comments = await all(`/v1/submissions/${id}/comments`);
  const answers = s.answers.filter((a) => a.status !== "missing" || a.attempt_id);
  const form = el("form", { class: "card", "aria-labelledby": "your-review" }, el("h2", { id: "your-review" }, "Your review"));
  const sections = [];
  for (const answer of answers) {
    const section = el("section", { class: "card", "aria-label": `Question ${answer.position}` },
      el("h2", {}, answer.prompt), pace(answer),
      el("p", {}, el("a", { href: `#/positions/${s.position_id}/questions/${answer.question_id}` }, "Compare this answer side by side")));
    if (answer.status === "ready" && answer.kind !== "video") {
      section.append(written(answer));
    } else if (answer.status === "ready" && answer.attempt_id) {
      const hit = wanted.get("question") === answer.question_id && wanted.has("t");
      const { video, controls } = await player(answer.attempt_id, `Answer to: ${answer.prompt}`,
        { start: hit ? Number(wanted.get("t")) : 0 });
      if (hit) opened = section;
      const note = el("input", { id: `c-${answer.question_id}`, placeholder: "Comment at the current moment" });
      const pin = el("button", { type: "button", class: "secondary", onclick: async () => {
        if (!note.value.trim()) return;
        await call("POST", `/v1/submissions/${id}/comments`, { json: {
          question_id: answer.question_id, at_seconds: Math.round(video.currentTime * 10) / 10, text: note.value } });
        note.value = "";
        await submission(id);
      } }, "Add comment");
      const pinned = comments.filter((c) => c.question_id === answer.question_id).map((c) =>
        el("li", {}, el("button", { type: "button", class: "secondary", onclick: () => { video.currentTime = c.at_seconds; video.play(); } },
          `${c.at_seconds.toFixed(1)} s`), ` ${c.text}`));
      section.append(video, controls,
        answer.audio && (answer.audio.silent || answer.audio.near_silent) ? message("This answer is silent or nearly silent.", "error") : "",
        el("label", { for: `c-${answer.question_id}` }, "Comment"), el("div", { class: "row" }, note, pin),
        pinned.length ? el("ul", { "aria-label": "Comments" }, pinned) : "");
    } else {
      section.append(el("p", { class: "muted" }, `Answer ${answer.status}${answer.failure ? `: ${answer.failure}` : ""}.`));
    }
    if (rubric && !s.reviewed_by_me) {
      for (const criterion of rubric.criteria.filter((c) => !c.question_ids || c.question_ids.includes(answer.question_id))) {
        const name = `${answer.question_id}:${criterion.id}`;
        const options = [];
        for (let v = rubric.scale_min; v <= rubric.scale_max; v += 1) {
          options.push(el("option", { value: v }, `${v}${criterion.anchors && criterion.anchors[v] ? ` — ${criterion.anchors[v]}` : ""}`));
        }
        section.append(el("label", { for: name }, criterion.name),
          el("select", { id: name, name, required: true }, el("option", { value: "" }, "Choose a score"), options));
      }
    }
    sections.push(section);
  }
  if (!s.reviewed_by_me && rubric) {
    form.append(el("label", { for: "recommendation" }, "Recommendation"),
      el("select", { id: "recommendation", name: "recommendation", required: true }, el("option", { value: "" }, "Choose"),
        RECOMMENDATIONS.map(([v, label]) => el("option", { value: v }, label))),
      el("label", { for: "summary" }, "Summary"), el("textarea", { id: "summary", name: "summary" }),
      el("p", {}, el("button", { type: "submit" }, "Submit review")));
  } else {
    form.append(el("p", { class: "muted" }, s.reviewed_by_me ? "You have submitted your review." : "This position has no rubric yet."));
  }
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const ratings = [...main.querySelectorAll("select[name*=':']")].map((x) => {
      const [question_id, criterion_id] = x.name.split(":");
      return { question_id, criterion_id, score: Number(x.value) };
    });
    try {
      await call("POST", `/v1/submissions/${id}/review`, { json: {
        ratings, recommendation: form.querySelector("#recommendation").value, summary: form.querySelector("#summary").value || null } });
      await submission(id);
    } catch (err) {
      form.append(message(err.message, "error"));
    }
  });
  const others = s.ratings_hidden
    ? el("p", { class: "muted" }, "Other reviewers' scores appear once you have submitted yours.")
    : s.scores ? el("p", {}, `Mean ${s.scores.mean ?? "–"} (spread ${s.scores.spread ?? "–"}) from ${s.scores.reviews} review(s).`) : "";
  const decision = el("form", { class: "card", "aria-labelledby": "decide" }, el("h2", { id: "decide" }, "Decision"),
    s.decision ? el("p", {}, `${s.decision.outcome} by ${s.decision.decided_by}, ${when(s.decision.decided_at)}`) : "",
    el("label", { for: "outcome" }, "Outcome"),
    el("select", { id: "outcome", required: true }, [["advance", "Advance to a live interview"], ["hold", "Hold"], ["reject", "Do not advance"]].map(([o, label]) => el("option", { value: o }, label))),
    el("label", { for: "reason" }, "Reason"), el("textarea", { id: "reason" }),
    el("p", {}, el("button", { type: "submit", class: "secondary" }, "Record decision")));
  decision.addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      await call("POST", `/v1/submissions/${id}/decision`, { json: {
        outcome: decision.querySelector("#outcome").value, reason: decision.querySelector("#reason").value || null } });
      await submission(id);
    } catch (err) {
      decision.append(message(err.message, "error"));
    }
  });
  show(main, el("p", {}, el("a", { href: `#/positions/${s.position_id}` }, `← ${s.position_title || "Position"}`)),
    el("h1", {}, who(s)), el("p", { class: "muted" }, `Status: ${s.status}`), others, ...sections, form,
    await liveInterview(s), decision, await sharing(id));
  if (opened) opened.scrollIntoView({ block: "start" });
}

// The live interview: its scores (a stage of their own, never mixed into the screening's), the
// recorded calls, played like the answers, and the panel's notes at their moments of each call.
async function liveInterview(s) {
  const calls = s.interview_recordings || [];
  const notes = s.interview_notes || [];
  if (!s.interview && !calls.length && !notes.length) return "";
  const noteList = (items, video) => el("ul", { "aria-label": "Interviewers' notes" }, items.map((n) =>
    el("li", {}, video && n.at_seconds !== null
      ? el("button", { type: "button", class: "secondary", onclick: () => { video.currentTime = n.at_seconds; video.play(); } },
        `${Math.floor(n.at_seconds / 60)}:${String(Math.floor(n.at_seconds % 60)).padStart(2, "0")}`)
      : el("time", { datetime: n.at }, new Date(n.at).toLocaleString()),
    ` ${n.author}: ${n.text}`)));
  const card = el("section", { class: "card", "aria-labelledby": "live-interview" },
    el("h2", { id: "live-interview" }, "Live interview"));
  if (s.interview) {
    const scores = s.interview.scores;
    card.append(el("p", {}, `Interview scores: mean ${scores.mean ?? "–"} (spread ${scores.spread ?? "–"}) from ${scores.reviews} interviewer(s).`));
  }
  for (const [n, call_] of calls.entries()) {
    const label = `Recording of the live interview${calls.length > 1 ? ` ${n + 1}` : ""}`;
    const mine = notes.filter((note) => note.booking_id === call_.booking_id);
    if (call_.playable) {
      const { video, controls } = await player(call_.recording_id, label);
      card.append(el("h3", {}, label), video, controls, mine.length ? noteList(mine, video) : "");
    } else {
      card.append(el("p", { class: "muted" }, call_.status === "failed"
        ? `${label}: it could not be prepared (${call_.failure || "transcoding failed"}).`
        : `${label}: being prepared for playback.`), mine.length ? noteList(mine, null) : "");
    }
  }
  const recorded = new Set(calls.map((c) => c.booking_id));
  const others = notes.filter((note) => !recorded.has(note.booking_id));
  if (others.length) card.append(el("h3", {}, "Notes from the call"), noteList(others, null));
  return card;
}

async function ranking(positionId) {
  const page = await call("GET", `/v1/positions/${positionId}/submissions?limit=100`);
  const names = new Map(page.items.map((r) => [r.invitation_id, who(r)]));
  show(main, el("p", {}, el("a", { href: "#/queue" }, "← Review")), search(positionId, names),
    el("h1", {}, "Candidates by score"),
    el("div", { class: "table-wrap" }, el("table", {},
      el("thead", {}, el("tr", {}, ["Rank", "Candidate", "Status", "Reviews", "Mean", "Spread", "Decision"].map((h) => el("th", { scope: "col" }, h)))),
      el("tbody", {}, page.items.map((r) => el("tr", {}, el("td", {}, r.rank),
        el("td", {}, el("a", { href: `#/submissions/${r.invitation_id}` }, who(r))), el("td", {}, r.status),
        el("td", {}, r.reviews), el("td", {}, r.mean ?? "–"), el("td", {}, r.spread ?? "–"), el("td", {}, r.decision || "–")))))));
}

// Search the position's transcripts: each hit opens the answer at the moment it was said. Hits come
// in the order of the answers, never ranked: a transcript is an aid to reading, not a score.
function search(positionId, names) {
  const input = el("input", { id: "transcript-search", type: "search", maxlength: "200", required: true });
  const results = el("div", { "aria-live": "polite" });
  const form = el("form", { class: "card", role: "search", "aria-label": "Search the answers",
    onsubmit: async (e) => {
      e.preventDefault();
      const q = input.value.trim();
      if (!q) return;
      const found = await call("GET", `/v1/positions/${positionId}/transcripts/search?q=${encodeURIComponent(q)}`);
      show(results, found.hits.length
        ? el("ul", { "aria-label": "Passages found" }, found.hits.map((h) => el("li", {},
          el("a", { href: `#/submissions/${h.invitation_id}?question=${encodeURIComponent(h.question_id)}&t=${h.at}` },
            `${names.get(h.invitation_id) || "A candidate"} at ${Math.floor(h.at / 60)}:${String(Math.floor(h.at % 60)).padStart(2, "0")}`),
          ` “${h.text}”`)))
        : message("No answer says that."),
        found.truncated ? message("More passages matched than are listed: narrow the search.") : "");
    } },
    el("label", { for: "transcript-search" }, "Search what candidates said"),
    el("div", { class: "row" }, input, el("button", { type: "submit" }, "Search")), results);
  return form;
}

async function sideBySide(positionId, questionId) {
  // The position's first 20 candidates in ranking order (the most one comparison takes).
  const ranked = await call("GET", `/v1/positions/${positionId}/submissions?limit=20`);
  if (!ranked.items.length) return show(main, el("h1", {}, "Side by side"), message("No candidates yet."));
  const ids = ranked.items.map((r) => `invitation_id=${encodeURIComponent(r.invitation_id)}`).join("&");
  const data = await call("GET", `/v1/positions/${positionId}/questions/${questionId}/answers?${ids}`);
  const cells = [];
  for (const item of data.items) {
    const cell = el("section", { class: "card", "aria-label": who(item) }, el("h2", {}, who(item)),
      el("p", {}, `Mean ${item.mean ?? "–"} from ${item.reviews} review(s)`));
    if (item.answer && item.answer.status === "ready" && item.answer.kind !== "video") {
      cell.append(pace(item.answer), written(item.answer));
    } else if (item.answer && item.answer.status === "ready") {
      const { video, controls } = await player(item.answer.attempt_id, `Answer of ${who(item)}`);
      cell.append(pace(item.answer), video, controls);
    }
    cells.push(cell);
  }
  show(main, el("h1", {}, "Side by side"), el("div", { class: "row" }, cells));
}

function waits(d) {
  if (!d.count) return "no candidate yet";
  return `median ${hours(d.median_hours)}, 90th percentile ${hours(d.p90_hours)} (${d.count} candidate${d.count === 1 ? "" : "s"})`;
}

function hours(h) {
  return h === null || h === undefined ? "–" : h < 48 ? `${h.toFixed(1)} h` : `${(h / 24).toFixed(1)} days`;
}

const minutes = (m) => (m === null || m === undefined ? "–" : `${m.toFixed(1)} min`);

function reviewTime(t) {
  return el("section", { class: "card", "aria-labelledby": "review-time" }, el("h2", { id: "review-time" }, "Review time"),
    el("p", {}, `${t.completed} completed; ${t.waiting_for_first_review} waiting for a first review.`),
    el("dl", {},
      el("dt", {}, "Completion to first review"), el("dd", {}, waits(t.to_first_review)),
      el("dt", {}, "Completion to decision (advance or reject)"), el("dd", {}, waits(t.to_decision)),
      el("dt", {}, "Review per candidate, all reviewers"),
      el("dd", {}, `${minutes(t.player_minutes_per_candidate)} of playing, ${minutes(t.wall_minutes_per_candidate)} on screen`)),
    t.reviewers.length ? el("div", { class: "table-wrap" }, el("table", { "aria-label": "Review time by reviewer" },
      el("thead", {}, el("tr", {}, ["Reviewer", "Reviewed", "Viewed", "Playing per candidate", "On screen per candidate", "Median wait to their review"]
        .map((h) => el("th", { scope: "col" }, h)))),
      el("tbody", {}, t.reviewers.map((r) => el("tr", {}, el("td", {}, r.reviewer), el("td", {}, r.candidates_reviewed),
        el("td", {}, r.candidates_viewed), el("td", {}, minutes(r.player_minutes_per_candidate)),
        el("td", {}, minutes(r.wall_minutes_per_candidate)), el("td", {}, hours(r.median_hours_to_review))))))) : "");
}

async function calibration(positionId) {
  const [data, time] = await Promise.all([call("GET", `/v1/positions/${positionId}/calibration`),
    call("GET", `/v1/positions/${positionId}/review-time`)]);
  show(main, el("h1", {}, "Calibration and review time"), reviewTime(time),
    el("p", { class: "muted" }, "Krippendorff's alpha (interval): 1 is full agreement, 0 is chance. Offsets are each reviewer's mean minus the panel's."),
    ...data.criteria.map((c) => el("section", { class: "card" }, el("h2", {}, c.criterion_name || c.criterion_id),
      el("p", {}, `Alpha: ${c.alpha ?? "not enough ratings"}`),
      el("ul", {}, (c.reviewers || []).map((r) => el("li", {}, `${r.reviewer}: ${r.offset >= 0 ? "+" : ""}${r.offset}`))))));
}

// Share with a hiring manager: a read-only link to this candidate's answers that expires, listed
// with its use and revocable. Only leads may share (others get no panel).
async function sharing(id) {
  let list;
  try {
    list = await call("GET", `/v1/submissions/${id}/shares`);
  } catch (err) {
    if (err instanceof ApiError && err.status === 403) return "";
    throw err;
  }
  const made = el("div", { "aria-live": "polite" });
  const items = el("ul", { "aria-label": "Share links" });
  const render = (shares) => items.replaceChildren(...shares.map((sh) => el("li", {},
    `${sh.label || "Link"} · ${sh.active ? `expires ${when(sh.expires_at)}` : sh.revoked_at ? "revoked" : "expired"}`
      + ` · ${sh.views} view(s) `,
    sh.active ? el("button", { type: "button", class: "secondary", onclick: async () => {
      await call("DELETE", `/v1/submissions/${id}/shares/${sh.id}`);
      render((await call("GET", `/v1/submissions/${id}/shares`)).items);
    } }, `Revoke ${sh.label || "link"}`) : "")));
  render(list.items);
  const hours = el("select", { id: "share-hours" }, [[24, "1 day"], [72, "3 days"], [168, "7 days"], [336, "14 days"]]
    .map(([h, label]) => el("option", { value: h, selected: h === 72 }, label)));
  const label = el("input", { id: "share-label", maxlength: "200", placeholder: "e.g. Sam, hiring manager" });
  const form = el("form", { class: "card", "aria-labelledby": "share" }, el("h2", { id: "share" }, "Share with a hiring manager"),
    el("p", { class: "muted" }, "A read-only link to these answers for someone without an account; blind review applies."),
    el("label", { for: "share-label" }, "For whom"), label, el("label", { for: "share-hours" }, "Expires after"), hours,
    el("p", {}, el("button", { type: "submit", class: "secondary" }, "Make a link")), made, items);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      const sh = await call("POST", `/v1/submissions/${id}/shares`, { json: {
        expires_in_hours: Number(hours.value), label: label.value.trim() || null } });
      const url = `${location.origin}${sh.path}`;
      show(made, el("label", { for: "share-url" }, "The link (shown once)"),
        el("input", { id: "share-url", readonly: true, value: url, onfocus: (e) => e.target.select() }));
      render((await call("GET", `/v1/submissions/${id}/shares`)).items);
    } catch (err) {
      show(made, message(err.message, "error"));
    }
  });
  return form;
}
