// The candidate's live interview: who will be there and when the room opens, a camera and
// microphone check, the lobby (an interviewer admits the candidate), then the call itself.
import { ApiError, call, el, message, show } from "/static/api.js";
import { Call, controls, recordingBadge, tile } from "/static/live-room.js";

const main = document.getElementById("main");
const token = decodeURIComponent(location.pathname.split("/").pop());
const api = (method, path) => call(method, `/v1/candidate/live${path}`, { token });
let stream = null;

function when(iso) {
  return new Date(iso).toLocaleString([], { dateStyle: "full", timeStyle: "short" });
}

function problem(err) {
  if (err.code === "room_not_found") return "There is no live interview for this link.";
  if (err.code === "room_not_open") return "The room is not open yet.";
  if (err.code === "recording_consent_required") return "Please read the recording notice and agree to it first.";
  return err.message;
}

async function deviceCheck() {
  try {
    stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
  } catch (err) {
    return el("p", { role: "alert", id: "devices" },
      "Your camera or microphone is not available: allow them in your browser, then reload.");
  }
  const video = el("video", { autoplay: true, playsinline: true, "aria-label": "Your camera" });
  video.muted = true;
  video.srcObject = stream;
  return el("div", { class: "preview" }, video,
    el("p", { role: "status", id: "devices" }, "Your camera and microphone work."));
}

async function lobby() {
  let room;
  try {
    room = await api("GET", "/room");
  } catch (err) {
    show(main, message(err instanceof ApiError ? problem(err) : String(err), "error"));
    return;
  }
  const who = el("ul", { id: "panel" }, room.interviewers.map((name) => el("li", {}, name)));
  const status = el("p", { role: "status", id: "lobby" },
    room.status === "open" ? "The room is open." : `The room opens at ${when(room.opens_at)}.`);
  const ready = el("button", { type: "button", id: "ready", disabled: room.status !== "open" },
    "I am ready: wait in the lobby");
  // A recorded interview: the notice, and the candidate's agreement before the lobby.
  const agree = el("input", { type: "checkbox", id: "recording-consent", checked: room.recording_consented });
  const notice = room.recording ? el("section", { class: "card", "aria-labelledby": "recording-notice" },
    el("h2", { id: "recording-notice" }, "This interview is recorded"),
    el("p", {}, room.recording_notice.text),
    el("div", { class: "row" }, agree, el("label", { for: "recording-consent" }, "I have read this notice and agree to the recording"))) : "";
  ready.addEventListener("click", async () => {
    if (room.recording && !agree.checked) {
      status.textContent = "Please read the recording notice and agree to it first.";
      agree.focus();
      return;
    }
    ready.disabled = true;
    try {
      if (room.recording && !room.recording_consented) {
        await call("POST", "/v1/candidate/live/recording-consent",
          { token, json: { notice_version: room.recording_notice.version } });
        room.recording_consented = true;
      }
      await api("POST", "/lobby");
      status.textContent = "You are in the lobby. An interviewer will let you in.";
      waitForAdmission(status);
    } catch (err) {
      status.textContent = problem(err);
      ready.disabled = false;
    }
  });
  show(main,
    el("h1", {}, "Your live interview"),
    el("p", {}, `${when(room.start)}`),
    el("h2", {}, "Who will be there"), who,
    el("h2", {}, "Camera and microphone"), await deviceCheck(),
    notice, status, ready);
  main.focus();
  if (room.status !== "open") setTimeout(lobby, 15000);
}

async function waitForAdmission(status) {
  for (;;) {
    const room = await api("GET", "/room").catch(() => null);
    if (room && room.lobby === "admitted") break;
    await new Promise((r) => setTimeout(r, 2000));
  }
  status.textContent = "You were let in. Joining…";
  const room = await api("GET", "/room").catch(() => ({ recording: false }));
  enter(room.recording);
}

async function enter(recorded) {
  const grid = el("div", { class: "grid", id: "grid", role: "group", "aria-label": "Participants" });
  grid.append(tile("me", "You", stream, { muted: true }));
  const state = el("p", { role: "status", id: "call-status" });
  // Entering again after a lost connection asks for a new token the same way.
  const room = new Call(() => api("POST", "/join"), stream, {
    onRemote: (feed, name, remote) => grid.append(tile(`feed-${feed}`, name || "Interviewer", remote)),
    onGone: (feed) => document.getElementById(`feed-${feed}`)?.remove(),
    onEnd: () => show(main, message("The interview has ended.", "ok")),
    onReport: (report) => call("POST", "/v1/candidate/live/reports", { token, json: report }).catch(() => {}),
  }, (text) => { state.textContent = text; });
  show(main, el("h1", {}, "Your live interview"), recorded ? recordingBadge() : "", grid, state,
    controls(stream, async () => { await room.leave(); show(main, message("You left the interview.", "ok")); }, room));
  window.hlCall = room;
  await room.enter();
}

lobby();
