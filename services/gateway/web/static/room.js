// The interviewer's room: the lobby (admit the candidate), the video grid of the panel and the
// candidate, mute and camera, private notes pinned to moments of the call, and beside it the
// interview type's guide (its rubric) scored during the call and sent at the end through the
// feedback operation.
import { ApiError, call, el, message, show } from "/static/api.js";
import { Call, controls, recordingBadge, tile } from "/static/live-room.js";

const main = document.getElementById("main");
const bookingId = decodeURIComponent(location.pathname.split("/").pop());
let stream = null;
let room = null;

function problem(err) {
  if (err.code === "not_on_panel") return "Only the interview's panel enters its room.";
  if (err.code === "room_not_open") return "The room is not open yet.";
  return err.message;
}

// Private notes: each pinned to the moment it is written; only its author reads it here, and
// the review workspace shows it at that moment of the call's recording.
async function notes(info) {
  if (!info.me) return "";
  const path = `/v1/live/rooms/${encodeURIComponent(bookingId)}/notes`;
  const list = el("ol", { id: "notes", "aria-label": "Your notes" });
  const text = el("textarea", { id: "note", maxlength: "4000", rows: "2" });
  const status = el("p", { role: "status", id: "note-status" });
  const render = (items) => show(list, ...items.map((n) => el("li", {},
    el("time", { datetime: n.at }, new Date(n.at).toLocaleTimeString()), ` ${n.text}`)));
  const load = async () => render((await call("GET", `${path}?limit=500`)).items);
  const form = el("form", { id: "note-form", "aria-labelledby": "notes-heading",
    onsubmit: async (event) => {
      event.preventDefault();
      if (!text.value.trim()) return;
      try {
        await call("POST", path, { json: { text: text.value } });
        text.value = "";
        status.textContent = "Note pinned.";
        await load();
      } catch (err) {
        status.textContent = problem(err);
      }
    } },
    el("h2", { id: "notes-heading" }, "Notes"),
    el("label", { for: "note" }, "A private note, pinned to this moment of the call"), text,
    el("button", { type: "submit" }, "Pin note"), status, list);
  await load().catch(() => {});
  return form;
}

async function guide(info) {
  const side = el("aside", { class: "guide", "aria-label": "Interview guide and scorecard" });
  let type;
  try {
    type = await call("GET", `/v1/interview-types/${encodeURIComponent(info.interview_type_id)}`);
  } catch (err) {
    side.append(el("p", {}, "The interview guide is not available."));
    return side;
  }
  const rubric = type.rubric;
  side.append(el("h2", {}, type.name || "Interview guide"));
  if ((type.guide || []).length) {
    side.append(el("h3", { id: "guide-questions" }, "Questions to ask"),
      el("ol", { "aria-labelledby": "guide-questions" }, type.guide.map((q) => el("li", {}, q))));
  }
  if (!rubric || !info.me) {
    side.append(el("p", {}, rubric ? "Only the panel scores." : "This interview has no rubric."));
    return side;
  }
  const form = el("form", { id: "scorecard" });
  for (const c of rubric.criteria) {
    const select = el("select", { id: `score-${c.id}`, name: c.id, required: true },
      el("option", { value: "" }, "Score…"),
      ...Array.from({ length: rubric.scale_max - rubric.scale_min + 1 }, (_, i) => {
        const score = rubric.scale_min + i;
        const anchor = (c.anchors || {})[String(score)];
        return el("option", { value: String(score) }, anchor ? `${score}: ${anchor}` : String(score));
      }));
    form.append(el("fieldset", {}, el("legend", {}, c.name),
      c.description ? el("p", {}, c.description) : "",
      el("label", { for: select.id }, "Score"), select));
  }
  const recommendation = el("select", { id: "recommendation", required: true },
    ["strong_yes", "yes", "no", "strong_no"].map((r) => el("option", { value: r }, r.replace("_", " "))));
  const summary = el("textarea", { id: "summary", maxlength: "5000", rows: "4" });
  const result = el("p", { role: "status", id: "feedback-status" });
  form.append(el("label", { for: "recommendation" }, "Recommendation"), recommendation,
    el("label", { for: "summary" }, "Summary"), summary,
    el("button", { type: "submit" }, "Send feedback"), result);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const scores = rubric.criteria.map((c) => ({
      criterion_id: c.id, score: Number(form.querySelector(`#score-${c.id}`).value),
    }));
    try {
      await call("POST", `/v1/interview-requests/${encodeURIComponent(info.request_id)}/feedback`, {
        json: { interviewer_id: info.me, scores, recommendation: recommendation.value,
          summary: summary.value || null },
      });
      result.textContent = "Feedback sent.";
    } catch (err) {
      result.textContent = problem(err);
    }
  });
  side.append(form);
  return side;
}

function lobbyState(info) {
  const status = el("p", { role: "status", id: "lobby" });
  const admit = el("button", { type: "button", id: "admit" }, "Let the candidate in");
  const render = (state) => {
    status.textContent = { away: "The candidate has not arrived yet.",
      waiting: "The candidate is waiting in the lobby.",
      admitted: "The candidate is in." }[state];
    admit.hidden = state !== "waiting";
  };
  render(info.lobby);
  admit.addEventListener("click", async () => {
    try {
      render((await call("POST", `/v1/live/rooms/${encodeURIComponent(bookingId)}/admit`)).lobby);
    } catch (err) {
      status.textContent = problem(err);
    }
  });
  const timer = setInterval(async () => {
    const now = await call("GET", `/v1/live/rooms/${encodeURIComponent(bookingId)}`).catch(() => null);
    if (now) render(now.lobby);
    if (now && now.lobby === "admitted") clearInterval(timer);
  }, 2000);
  return el("div", {}, status, admit);
}

async function start() {
  let info;
  try {
    info = await call("GET", `/v1/live/rooms/${encodeURIComponent(bookingId)}`);
  } catch (err) {
    show(main, message(err instanceof ApiError ? problem(err) : String(err), "error"));
    return;
  }
  const grid = el("div", { class: "grid", id: "grid", role: "group", "aria-label": "Participants" });
  const stage = el("section", { "aria-label": "Video" }, grid);
  const joinButton = el("button", { type: "button", id: "join" }, "Join the call");
  const joinStatus = el("p", { role: "status", id: "join-status" });
  joinButton.addEventListener("click", async () => {
    joinButton.disabled = true;
    try {
      const join = () => call("POST", `/v1/live/rooms/${encodeURIComponent(bookingId)}/join`);
      const first = await join(); // refused (not open, not on the panel) before the camera
      stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
      grid.append(tile("me", "You", stream, { muted: true }));
      let pending = first;
      room = new Call(async () => { const j = pending || await join(); pending = null; return j; }, stream, {
        onRemote: (feed, name, remote) => grid.append(tile(`feed-${feed}`, name || "Participant", remote)),
        onGone: (feed) => document.getElementById(`feed-${feed}`)?.remove(),
        onEnd: () => { joinStatus.textContent = "The room has closed."; },
        onReport: (report) => call("POST", `/v1/live/rooms/${encodeURIComponent(bookingId)}/reports`,
          { json: report }).catch(() => {}),
      }, (text) => { joinStatus.textContent = text; });
      window.hlCall = room;
      await room.enter();
      joinButton.replaceWith(controls(stream, async () => {
        await room.leave();
        joinStatus.textContent = "You left the call.";
      }, room));
    } catch (err) {
      joinStatus.textContent = err instanceof ApiError ? problem(err) : String(err);
      joinButton.disabled = false;
    }
  });
  stage.append(joinButton, joinStatus);
  show(main, el("h1", {}, "Interview room"), info.recording ? recordingBadge() : "", lobbyState(info),
    el("div", { class: "live" }, stage, await guide(info)), await notes(info));
  main.focus();
}

start();
