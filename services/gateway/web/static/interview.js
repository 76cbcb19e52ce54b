// The candidate's interview: notice and consent, a device check, the practice question, then each
// question as the server reveals it: think time and a recording that uploads while it records,
// retakes, or a text or multiple-choice answer within its time limit; then completion. Every word
// comes from the catalogues (/static/i18n.js), in the candidate's language.
import { ApiError, call, el, message as plainMessage, show } from "/static/api.js";
import { dateTime, languagePicker, quantity, setup, t } from "/static/i18n.js";
import { Uploader, chunks } from "/static/uploader.js";

const main = document.getElementById("main");
const network = document.getElementById("network");
const token = decodeURIComponent(location.pathname.split("/").pop());
// WebM in Chrome and Firefox; MP4 with H.264 in Safari (and in Chromium when WebM is not offered).
const MIME = ["video/webm;codecs=vp8,opus", "video/webm", "video/mp4;codecs=avc1,mp4a.40.2",
  "video/mp4;codecs=avc1,opus", "video/mp4"].find(
  (t) => window.MediaRecorder && MediaRecorder.isTypeSupported(t)) || "";
let stream = null;
let interview = null;
// A slow upload (measured by the device check, kbit/s) records at a lower resolution and bitrate,
// about a quarter of the usual, so that an answer uploads about as fast as it is recorded.
const SLOW_UPLOAD_KBPS = 1000;
const LOW_QUALITY = { width: 320, height: 240, frameRate: 15 };
const LOW_BITRATE = { videoBitsPerSecond: 200000, audioBitsPerSecond: 32000 };
const SAMPLE_BYTES = 256 * 1024;
const SAMPLE_TIMEOUT_MS = 20000;
const CHUNK_SECONDS = 1; // the recorder hands over a chunk every second
let lowQuality = false;
let refreshProgress = null; // the open answer's upload status, redrawn when the network changes

// What this browser keeps for the link (localStorage and sessionStorage keys).
const kept = (...parts) => [parts[0], token, ...parts.slice(1)].join(":");
const api = (method, path, json) => call(method, `/v1/candidate${path}`, { token, json });

function message(text, kind) {
  return plainMessage(text, kind, { error: t("common.error_prefix"), ok: t("common.done_prefix") });
}

// What went wrong, for the candidate: a known refusal in their language, else the service's words
// (English) after a translated sentence.
function problem(err) {
  const key = `problem.${err.code}`;
  return t(key) !== key ? t(key) : `${t("common.error")} (${err.message})`;
}

// The language picker, before the interview starts: the choice is kept with the invitation too, so
// the e-mails that follow are written in it.
function languages(rerender) {
  return el("div", { class: "card language" }, languagePicker(async () => {
    const chosen = document.documentElement.lang;
    rerender();
    try {
      await api("PUT", "/language", { language: chosen });
    } catch {
      // the page still shows the choice; the e-mails keep the earlier language
    }
  }));
}

function status(text) {
  network.textContent = text;
}
window.addEventListener("offline", () => {
  status(t("interview.offline"));
  if (refreshProgress) refreshProgress();
});
window.addEventListener("online", () => {
  status(t("interview.online"));
  if (refreshProgress) refreshProgress();
});

function page(title, ...body) {
  show(main, el("h1", {}, title), ...body);
  main.focus();
}

function fail(err) {
  const gone = err instanceof ApiError && [401, 410].includes(err.status);
  page(t(gone ? "interview.link_gone" : "common.error"),
    message(gone ? t("interview.contact_recruiter", { problem: problem(err) }) : problem(err), "error"));
}

async function start() {
  // A link used within seconds of its invitation may not be known to the gateway yet
  // (its read model follows the events): try again for a little while before giving up.
  for (let wait = 500; ; wait *= 2) {
    try {
      interview = await api("GET", "/interview");
      break;
    } catch (err) {
      if (!(err instanceof ApiError && err.code === "invalid_link" && wait <= 8000)) return fail(err);
      await new Promise((r) => setTimeout(r, wait));
    }
  }
  if (interview.state === "completed") return done();
  if (!interview.consented_at) return landing();
  return deviceCheck();
}

function landing() {
  const questions = interview.questions.filter((q) => !q.practice);
  const consent = el("input", { type: "checkbox", id: "consent", style: "width:auto", required: true });
  const form = el("form", { class: "card" },
    el("h2", {}, t("interview.data_use")),
    el("p", { id: "notice" }, interview.notice.text),
    el("label", { for: "consent" }, consent, " ", t("interview.consent")),
    el("p", {}, el("button", { type: "submit" }, t("interview.agree"))));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      await api("POST", "/consent", { notice_version: interview.notice.version, accepted: true });
      interview = await api("GET", "/interview");
      deviceCheck();
    } catch (err) {
      fail(err);
    }
  });
  page(t("interview.title", { position: interview.position_title }),
    languages(landing),
    el("p", {}, t("interview.hello", { name: interview.candidate_name,
      deadline: dateTime(interview.deadline, { dateStyle: "medium", timeStyle: "short" }) })),
    el("div", { class: "card" }, el("h2", {}, t("interview.expect")),
      el("ul", {},
        el("li", {}, t("interview.expect_questions", { count: questions.length })),
        el("li", {}, t("interview.expect_think")),
        el("li", {}, t("interview.expect_retakes")),
        el("li", {}, t("interview.expect_upload")))),
    form);
}

async function deviceCheck() {
  const preview = el("video", { autoplay: true, muted: true, playsinline: true, "aria-label": t("interview.your_camera") });
  const level = el("span");
  const result = el("div", { "aria-live": "polite" });
  const go = el("button", { type: "button", disabled: true, onclick: () => begin() }, t("interview.start"));
  page(t("interview.check_title"),
    languages(() => {
      if (stream) stream.getTracks().forEach((track) => track.stop());
      deviceCheck();
    }),
    el("p", {}, t("interview.allow")),
    preview,
    el("p", {}, t("interview.mic_level")), el("div", { class: "meter", role: "meter", "aria-label": t("interview.mic_level"), "aria-valuemin": 0, "aria-valuemax": 100 }, level),
    result, el("p", {}, go));
  try {
    stream = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 }, audio: true });
  } catch (err) {
    show(result, message(t("interview.no_camera"), "error"));
    return;
  }
  preview.srcObject = stream;
  const audio = new AudioContext();
  const analyser = audio.createAnalyser();
  audio.createMediaStreamSource(stream).connect(analyser);
  const data = new Uint8Array(analyser.fftSize);
  const meter = level.parentElement;
  const tick = () => {
    analyser.getByteTimeDomainData(data);
    const peak = Math.max(...data.map((v) => Math.abs(v - 128))) / 128;
    level.style.width = `${Math.round(peak * 100)}%`;
    meter.setAttribute("aria-valuenow", String(Math.round(peak * 100)));
    if (document.body.contains(level)) requestAnimationFrame(tick);
  };
  tick();
  const t0 = performance.now();
  await api("GET", "/progress");
  const rtt = Math.round(performance.now() - t0);
  show(result, message(t("interview.checking_upload")));
  const kbps = await uploadRate(rtt);
  lowQuality = kbps === null || kbps < SLOW_UPLOAD_KBPS;
  if (lowQuality) {
    const [video] = stream.getVideoTracks();
    if (video) await video.applyConstraints(LOW_QUALITY).catch(() => {});
  }
  const said = [kbps === null ? t("interview.devices_ok_unmeasured", { rtt })
    : t("interview.devices_ok", { rtt, rate: quantity(kbps, "kilobit-per-second") })];
  if (rtt > 800) said.push(t("interview.slow_latency"));
  if (lowQuality) said.push(t(kbps === null ? "interview.upload_unmeasured" : "interview.upload_low"));
  show(result, message(said.join(" "), "ok"));
  go.disabled = false;
}

// The upload rate in kbit/s: a sample sent to the service, timed, less the round trip; a sample
// still going after the time-out counts as that slow. null: it could not be measured.
async function uploadRate(rtt) {
  const t0 = performance.now();
  const sent = call("POST", "/v1/candidate/connection-check",
    { token, body: new Uint8Array(SAMPLE_BYTES), contentType: "application/octet-stream" });
  const late = new Promise((resolve) => setTimeout(() => resolve(null), SAMPLE_TIMEOUT_MS));
  try {
    const answer = await Promise.race([sent, late]);
    if (!answer) return Math.floor((SAMPLE_BYTES * 8) / SAMPLE_TIMEOUT_MS);
    return Math.round((answer.received_bytes * 8) / Math.max(performance.now() - t0 - rtt, 1));
  } catch {
    return null;
  }
}

// The server keeps the pace: each question's prompt arrives when the candidate goes on to it, and
// its clocks (think time, takes, a written answer's time limit) come from the server, so a reload
// or a second device resumes them where they are. The practice question is free and unpaced.
let skew = 0; // the server's clock minus this device's, from the last paced reply

function paced(q) {
  skew = Date.parse(q.now) - Date.now();
  return q;
}

function secondsUntil(at) {
  return Math.max(0, Math.ceil((Date.parse(at) - (Date.now() + skew)) / 1000));
}

async function begin() {
  try {
    if (["consented"].includes(interview.state)) await api("POST", "/start");
    interview = await api("GET", "/interview");
    const attempts = (await api("GET", "/attempts")).attempts;
    const open = attempts.find((a) => a.status === "open");
    if (open) return recoverOpen(open);
    const practice = interview.questions.find((q) => q.practice);
    if (practice && !sessionStorage.getItem(kept("practiced"))) return practise(practice);
    const revealed = (await api("GET", "/questions")).questions.map(paced);
    const current = revealed[revealed.length - 1];
    if (current && !current.answered && (current.kind === "video" ? current.takes_left > 0 && secondsUntil(current.start_by) > 0 : secondsUntil(current.answer_by) > 0)) {
      return resume(current, attempts.filter((a) => a.question_id === current.question_id).length);
    }
    const next = interview.questions.find((q) => !q.practice && q.position > (current ? current.position : -1));
    if (!next) return finish();
    return resume(paced(await api("POST", `/questions/${next.question_id}/reveal`)), 0);
  } catch (err) {
    if (err instanceof ApiError && err.code === "question_out_of_order") {
      // The last question's time is not quite over on the server (its few seconds of grace).
      page(t("interview.one_moment"), message(t("interview.saving_time")));
      return setTimeout(begin, 3000);
    }
    fail(err);
  }
}

function resume(q, taken) {
  if (q.kind === "video") return ask(q, taken);
  return write(q);
}

function practise(q) {
  sessionStorage.setItem(kept("practiced"), "1");
  if (q.kind === "video") return ask(q, 0);
  return write(q);
}

function number(q) {
  const real = interview.questions.filter((x) => !x.practice);
  return q.practice ? t("interview.practice")
    : t("interview.question_n", { n: real.findIndex((x) => x.question_id === q.question_id) + 1, total: real.length });
}

function clock(seconds) {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

// A video prompt with its captions shown (WebVTT from the question set, served as a local blob
// so the track is same-origin); the prompt text stays beside it as the transcript.
function promptPlayer(src, captions, captionsUrl) {
  const video = el("video", { controls: true, playsinline: true, src, "aria-describedby": "prompt-text", "aria-label": t("interview.video_question") });
  const track = (text) => {
    const vtt = URL.createObjectURL(new Blob([text], { type: "text/vtt" }));
    video.append(el("track", { kind: "captions", label: t("interview.captions"), srclang: document.documentElement.lang || "en", src: vtt, default: true }));
  };
  if (captions) track(captions);
  else if (captionsUrl) fetch(captionsUrl).then((r) => (r.ok ? r.text() : "")).then((text) => text && track(text)).catch(() => {});
  return video;
}

function promptCard(q) {
  const promptVideo = q.practice ? interview.prompt_videos && interview.prompt_videos[q.question_id] : q.prompt_video_url;
  const captions = q.practice ? (interview.prompt_captions || {})[q.question_id] : null;
  return el("div", { class: "card" },
    promptVideo ? promptPlayer(promptVideo, captions, q.prompt_captions_url) : "",
    el("p", { class: "prompt", id: "prompt-text" }, q.prompt));
}

function ask(q, taken) {
  let left = q.practice ? q.think_seconds : secondsUntil(q.start_by);
  const timer = el("p", { class: "timer", role: "timer", "aria-live": "off" }, clock(left));
  // The take starts once: by the button or at the end of the think time, whichever comes first
  // (the button stays on the page while a slow server opens the attempt).
  let started = false;
  const start = () => {
    clearInterval(countdown);
    if (started) return;
    started = true;
    recordAnswer(q, taken);
  };
  const record = el("button", { type: "button", onclick: start }, t("interview.record_now"));
  const takes = q.practice ? t("interview.practise_freely")
    : q.takes_left > 1 ? t("interview.takes_more", { n: q.takes_left - 1 }) : t("interview.one_take");
  page(number(q), promptCard(q),
    el("p", {}, t("interview.think")), timer,
    el("p", { class: "muted" }, t("interview.answer_time", { limit: clock(q.answer_seconds), takes })),
    record);
  record.focus();
  const countdown = setInterval(() => {
    left = q.practice ? left - 1 : secondsUntil(q.start_by);
    timer.textContent = clock(Math.max(left, 0));
    if (left === 10) status(t("interview.ten_seconds"));
    if (left <= 0) start();
  }, 1000);
}

// A text or multiple-choice question: the answer is sent once, before its time limit.
function write(q) {
  const limit = q.max_chars || 20000;
  const hint = el("p", { class: "muted", id: "answer-hint", "aria-live": "polite" });
  let field;
  let value;
  if (q.kind === "text") {
    field = el("textarea", { id: "answer", maxlength: limit, rows: 8, "aria-describedby": "answer-hint" });
    // The draft survives a reload (the clock keeps running on the server meanwhile).
    field.value = q.practice ? "" : localStorage.getItem(kept("draft", q.question_id)) || "";
    const count = () => { hint.textContent = t("interview.characters", { count: field.value.length, limit }); };
    field.addEventListener("input", () => {
      count();
      if (!q.practice) localStorage.setItem(kept("draft", q.question_id), field.value);
    });
    count();
    value = () => (field.value.trim() ? { text: field.value } : null);
  } else {
    const type = q.multiple ? "checkbox" : "radio";
    hint.textContent = t(q.multiple ? "interview.choose_many" : "interview.choose_one");
    field = el("fieldset", { "aria-describedby": "answer-hint" }, el("legend", {}, t("interview.your_answer")),
      (q.choices || []).map((choice, i) => el("label", { class: "choice" },
        el("input", { type, name: "choice", value: i, style: "width:auto" }), ` ${choice}`)));
    value = () => {
      const chosen = [...field.querySelectorAll("input:checked")].map((x) => Number(x.value));
      return chosen.length ? { choices: chosen } : null;
    };
  }
  const timer = el("p", { class: "timer", role: "timer", "aria-live": "off" });
  const error = el("div", { "aria-live": "assertive" });
  const form = el("form", { class: "card" },
    q.kind === "text" ? el("label", { for: "answer" }, t("interview.your_answer")) : null, field, hint, error,
    el("p", {}, el("button", { type: "submit" }, t(q.practice ? "interview.continue_first" : "interview.submit"))));
  let countdown = null;
  const send = async (auto) => {
    clearInterval(countdown);
    const answer = value();
    if (q.practice) return begin();
    if (!answer) {
      if (!auto) { countdown = setInterval(tick, 1000); return show(error, message(t("interview.answer_first"), "error")); }
      return begin();
    }
    try {
      await api("POST", `/questions/${q.question_id}/answer`, answer);
      localStorage.removeItem(kept("draft", q.question_id));
      begin();
    } catch (err) {
      if (err instanceof ApiError && err.status === 422) {
        countdown = setInterval(tick, 1000);
        return show(error, message(problem(err), "error"));
      }
      if (err instanceof ApiError && ["answer_time_over", "already_answered", "question_closed"].includes(err.code)) return begin();
      fail(err);
    }
  };
  const deadline = q.practice ? null : q.answer_by;
  let left = q.practice ? q.think_seconds + q.answer_seconds : secondsUntil(deadline);
  const tick = () => {
    left = q.practice ? left - 1 : secondsUntil(deadline);
    timer.textContent = t("interview.time_left", { clock: clock(Math.max(left, 0)) });
    if (left === 30) status(t("interview.thirty_seconds"));
    if (left <= 0) send(true);
  };
  form.addEventListener("submit", (event) => { event.preventDefault(); send(false); });
  page(number(q), promptCard(q), timer, form);
  timer.textContent = t("interview.time_left", { clock: clock(left) });
  countdown = setInterval(tick, 1000);
  (q.kind === "text" ? field : field.querySelector("input")).focus();
}

async function recordAnswer(q, taken) {
  let attempt = null;
  let uploader = null;
  const progress = el("p", { id: "upload-progress", "aria-live": "polite" });
  let recording = true;
  // What is uploaded, and what still waits on this device (offline, or an upload behind).
  const onProgress = (u) => {
    const pct = u.recorded ? Math.round((u.uploaded / u.recorded) * 100) : 100;
    const waiting = { seconds: u.pending.size * CHUNK_SECONDS, size: quantity(Math.max(u.recorded - u.uploaded, 0) / 1e6, "megabyte") };
    if (!navigator.onLine) {
      progress.textContent = t(recording ? "interview.offline_recording" : "interview.offline_saved", waiting);
    } else if (u.pending.size > 2) {
      progress.textContent = t("interview.behind", waiting);
    } else {
      progress.textContent = t("interview.progress", { pct });
    }
  };
  if (!q.practice) {
    try {
      attempt = await api("POST", "/attempts", { question_id: q.question_id, mode: "stream", content_type: MIME.split(";")[0] || "video/webm" });
    } catch (err) {
      // The server's clock says this take can no longer start: the question is over.
      if (err instanceof ApiError && ["start_time_over", "no_retakes_left", "question_closed"].includes(err.code)) return begin();
      return fail(err);
    }
    uploader = new Uploader(token, attempt.attempt_id, onProgress);
    refreshProgress = () => onProgress(uploader);
    localStorage.setItem(kept("attempt"), attempt.attempt_id);
  }
  const local = [];
  let seq = 0;
  let elapsed = 0;
  const timer = el("p", { class: "timer", role: "timer" }, `${clock(0)} / ${clock(q.answer_seconds)}`);
  const preview = el("video", { autoplay: true, muted: true, playsinline: true, "aria-label": t("interview.recording_preview") });
  preview.srcObject = stream;
  const recorder = new MediaRecorder(stream, { ...(MIME ? { mimeType: MIME } : {}), ...(lowQuality ? LOW_BITRATE : {}) });
  const stopped = new Promise((resolve) => recorder.addEventListener("stop", resolve));
  recorder.addEventListener("dataavailable", (event) => {
    if (!event.data.size) return;
    local.push(event.data);
    if (uploader) uploader.add(seq, event.data);
    seq += 1;
  });
  const stop = el("button", { type: "button", onclick: () => recorder.state === "recording" && recorder.stop() }, t("interview.stop"));
  page(number(q), el("div", { class: "card" }, el("p", {}, q.prompt)), preview,
    el("p", {}, el("span", { "aria-hidden": "true" }, "● "), t("interview.recording")), timer,
    lowQuality ? el("p", { class: "muted" }, t("interview.low_quality")) : null, progress, stop);
  stop.focus();
  recorder.start(1000);
  const ticker = setInterval(() => {
    elapsed += 1;
    timer.textContent = `${clock(elapsed)} / ${clock(q.answer_seconds)}`;
    if (elapsed >= q.answer_seconds && recorder.state === "recording") recorder.stop();
  }, 1000);
  await stopped;
  recording = false;
  clearInterval(ticker);
  const blob = new Blob(local, { type: MIME.split(";")[0] || "video/webm" });
  if (q.practice) {
    sessionStorage.setItem(kept("practiced"), "1");
    return reviewTake(q, taken, blob, null);
  }
  onProgress(uploader);
  page(number(q), message(t("interview.saving")), progress);
  try {
    const result = await uploader.finish(seq);
    refreshProgress = null;
    localStorage.removeItem(kept("attempt"));
    return reviewTake(q, taken + 1, blob, result);
  } catch (err) {
    return fail(err);
  }
}

async function recoverOpen(open) {
  page(t("interview.resuming"), message(t("interview.resuming_text")));
  const uploader = new Uploader(token, open.attempt_id);
  try {
    await uploader.resume();
    const stored = await api("GET", `/attempts/${open.attempt_id}/parts`);
    const local = await chunks.list(open.attempt_id);
    const parts = Math.max(stored.next_seq, ...local.map((s) => s + 1), 0);
    const q = (await api("GET", "/questions")).questions.map(paced).find((x) => x.question_id === open.question_id);
    if (!parts) return begin();
    const result = await uploader.finish(parts, true);
    // The server's state already counts this take among those used.
    return reviewTake({ ...q, takes_left: q.takes_left + 1 }, open.attempt_number, null, result);
  } catch (err) {
    return fail(err);
  }
}

function reviewTake(q, taken, blob, attempt) {
  const left = q.practice ? 1 : (attempt && attempt.status === "rejected" ? q.takes_left : q.takes_left - 1);
  const rejected = attempt && attempt.status === "rejected";
  const player = blob ? el("video", { controls: true, playsinline: true, src: URL.createObjectURL(blob), "aria-label": t("interview.your_answer") }) : el("p", { class: "muted" }, t("interview.was_saved"));
  const keep = el("button", { type: "button", disabled: rejected, onclick: async () => {
    try {
      if (attempt) await api("POST", `/attempts/${attempt.attempt_id}/select`);
      begin();
    } catch (err) { fail(err); }
  } }, t(q.practice ? "interview.continue_first" : "interview.keep"));
  const again = el("button", { type: "button", class: "secondary", onclick: async () => {
    if (q.practice) return ask(q, taken);
    try {
      const fresh = (await api("GET", "/questions")).questions.map(paced).find((x) => x.question_id === q.question_id);
      ask(fresh, taken);
    } catch (err) { fail(err); }
  } }, t("interview.record_again"));
  page(number(q),
    rejected ? message(rejection(attempt), "error")
      : attempt && attempt.salvaged ? message(t("interview.salvaged", { time: clock(Math.round(attempt.duration_seconds || 0)) }), "ok")
      : message(t(q.practice ? "interview.practice_done" : "interview.saved"), "ok"),
    player,
    el("p", {}, keep, " ", (q.practice || left > 0) ? again : null),
    !q.practice ? el("p", { class: "muted" }, left > 0 ? t("interview.retakes_left", { n: left }) : t("interview.no_retakes")) : null);
}

// Why a recording could not be used, by the reason's code.
function rejection(attempt) {
  const key = `rejected.${attempt.reason}`;
  return t(key) !== key ? t(key) : t("rejected.other");
}

async function finish() {
  try {
    await api("POST", "/complete");
    done();
  } catch (err) {
    fail(err);
  }
}

function done() {
  if (stream) stream.getTracks().forEach((t) => t.stop());
  page(t("interview.thanks"), message(t("interview.complete"), "ok"));
  transcripts();
}

// The transcripts of the kept answers, if the organisation shows them to candidates (else the
// page shows nothing more). The completion reaches the transcripts a moment after it is recorded,
// so "not completed yet" is asked again a few times.
async function transcripts(tries = 10) {
  let found;
  try {
    found = await api("GET", "/transcripts");
  } catch (err) {
    if (err.status === 409 && tries > 1) setTimeout(() => transcripts(tries - 1), 2000);
    return;
  }
  if (!found.items.length) return;
  const positions = new Map(((interview && interview.questions) || []).map((q) => [q.question_id, q.position]));
  const said = (item) => (item.status === "transcribed" ? item.text || t("interview.transcript_none")
    : t(item.status === "pending" ? "interview.transcript_pending" : "interview.transcript_untranscribed"));
  main.append(el("section", { class: "card", "aria-labelledby": "said" },
    el("h2", { id: "said" }, t("interview.transcripts_title")), el("p", { class: "muted" }, t("interview.transcripts_intro")),
    found.items.map((item) => el("section", { "aria-label": t("interview.transcript_question", { number: positions.get(item.question_id) ?? "" }) },
      el("h3", {}, t("interview.transcript_question", { number: positions.get(item.question_id) ?? "" })),
      el("p", { class: "transcript-text" }, said(item))))));
}

// The language: the candidate's choice in this browser, the link's, else the one the service keeps
// for this invitation (the candidate's earlier choice, else the tenant's default), else the
// browser's. English is every tenant's default until it sets another, so an English default
// comes after the browser's languages.
async function boot() {
  const fallback = await api("GET", "/language").then(
    (l) => l.chosen || (l.default !== "en" ? l.default : null), () => null);
  await setup({ fallback });
  start();
}

boot();
