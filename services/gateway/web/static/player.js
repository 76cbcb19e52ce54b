// An answer player built for skimming: HLS (hls.js, or the browser's own), speed 1x-2x, captions
// from the transcript, a scrub bar whose preview is the storyboard's thumbnail for that moment,
// the transcript beside it (the current word marked, a click on a word seeks there), and keyboard
// shortcuts. Playlists, captions and transcripts are fetched with the reviewer's token; segments
// and thumbnails are presigned. Transcripts are an aid for reading along, never a score.
import { call, el, staffToken } from "/static/api.js";

export const SPEEDS = [1, 1.25, 1.5, 2];
const SHORTCUTS = "space or k: play or pause · j / l: 10 s back / ahead · ← / →: 5 s · , / .: a frame "
  + "(paused) · [ / ]: previous / next sentence · < / >: slower / faster · c: captions";
const FRAME = 1 / 30; // the renditions are at most 30 fps

// A share link's page passes its own routes and token (`base`, `transcriptUrl`, `captionsUrl`).
export async function player(attemptId, label, { start = 0, base = `/v1/recordings/${attemptId}`,
  transcriptUrl = `/v1/transcripts/${attemptId}`, captionsUrl = `${transcriptUrl}/captions.vtt`,
  token = staffToken() } = {}) {
  const playback = await call("GET", `${base}/playback`, { token });
  const video = el("video", { controls: true, playsinline: true, preload: "metadata",
    poster: playback.poster_url || undefined, "aria-label": label, "aria-keyshortcuts": "Space k j l ArrowLeft ArrowRight , . [ ] < > c" });
  video.preservesPitch = true; // faster, not higher
  const source = `${base}/${playback.master_playlist}`;
  if (window.Hls && window.Hls.isSupported()) {
    const hls = new window.Hls({
      startPosition: start > 0 ? start : -1, // open at a search hit's moment
      xhrSetup: (xhr, url) => {
        // Only our own playlists need the token; presigned segment URLs must go without it.
        if (new URL(url, location.href).origin === location.origin) {
          xhr.setRequestHeader("Authorization", `Bearer ${token}`);
        }
      },
    });
    hls.on(window.Hls.Events.ERROR, (_, data) => {
      if (data.fatal) video.dataset.error = data.details;
    });
    hls.loadSource(source);
    hls.attachMedia(video);
  } else {
    video.src = source; // native HLS (Safari): playlists are same-origin and cookie-less
    if (start > 0) video.addEventListener("loadedmetadata", () => { video.currentTime = start; }, { once: true });
  }
  let speed = localStorage.getItem("hl.speed") || "1.5";
  video.addEventListener("loadedmetadata", () => { video.playbackRate = Number(speed); });
  const setSpeed = (s) => {
    speed = String(s);
    video.playbackRate = s;
    localStorage.setItem("hl.speed", speed);
    for (const b of speeds.querySelectorAll("button")) b.setAttribute("aria-pressed", String(b.dataset.speed === speed));
  };
  const speeds = el("div", { class: "row", role: "group", "aria-label": "Playback speed" },
    SPEEDS.map((s) => el("button", { type: "button", class: "secondary", "data-speed": String(s),
      "aria-pressed": String(String(s) === speed), onclick: () => setSpeed(s) }, `${s}x`)));

  const controls = el("div", { class: "player-controls" }, speeds,
    await scrubber(video, base, playback, token), el("p", { class: "muted small" }, SHORTCUTS));
  const { panel: transcript, sentences } = await transcriptPanel(video, transcriptUrl, captionsUrl, token);
  if (transcript) controls.append(transcript);
  const queue = el("input", { type: "checkbox", id: `queue-${attemptId}`,
    checked: localStorage.getItem("hl.queue") !== "off",
    onchange: (e) => localStorage.setItem("hl.queue", e.target.checked ? "on" : "off") });
  controls.append(el("div", { class: "row" }, queue,
    el("label", { for: `queue-${attemptId}` }, "Play the next answer when this one ends")));
  video.addEventListener("ended", () => {
    if (localStorage.getItem("hl.queue") === "off") return;
    const all = [...document.querySelectorAll("video")];
    const next = all[all.indexOf(video) + 1];
    if (next) {
      next.scrollIntoView({ block: "center" });
      next.play().catch(() => {});
    }
  });
  const seek = (t) => { video.currentTime = Math.min(Math.max(0, t), video.duration || Infinity); };
  const sentence = (direction) => {
    const now = video.currentTime;
    const starts = direction < 0 ? sentences.filter((t) => t < now - 1).reverse() : sentences.filter((t) => t > now + 0.05);
    if (starts.length) seek(starts[0]);
    else if (direction < 0) seek(0);
  };

  const onKey = (event) => {
    if (event.target.closest("input, textarea, select")) return;
    const at = SPEEDS.indexOf(Number(speed));
    if (event.key === " " && event.target.closest("button")) return; // space presses buttons
    const toggle = () => (video.paused ? video.play() : video.pause());
    const step = (by) => { video.pause(); seek(video.currentTime + by); };
    const actions = {
      " ": toggle,
      k: toggle,
      j: () => seek(video.currentTime - 10),
      l: () => seek(video.currentTime + 10),
      ArrowLeft: () => seek(video.currentTime - 5),
      ArrowRight: () => seek(video.currentTime + 5),
      ",": () => step(-FRAME),
      ".": () => step(FRAME),
      "[": () => sentence(-1),
      "]": () => sentence(1),
      "<": () => setSpeed(SPEEDS[Math.max(0, at - 1)]),
      ">": () => setSpeed(SPEEDS[Math.min(SPEEDS.length - 1, at + 1)]),
      c: () => { for (const t of video.textTracks) t.mode = t.mode === "showing" ? "hidden" : "showing"; },
    };
    const action = actions[event.key];
    if (action && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      action();
    }
  };
  video.addEventListener("keydown", onKey);
  controls.addEventListener("keydown", onKey);
  return { video, controls, playback };
}

// A range input that seeks, and shows the storyboard's thumbnail of the moment under the pointer
// (or the one it is moved to with the keyboard).
async function scrubber(video, base, playback, token) {
  let cues = [];
  if (playback.complete) {
    try {
      cues = parseStoryboard(await call("GET", `${base}/storyboard.vtt`, { token }));
    } catch { cues = []; }
  }
  const preview = el("div", { class: "storyboard-preview", hidden: true, "aria-hidden": "true" },
    el("div", { class: "storyboard-tile" }), el("span", {}));
  const range = el("input", { type: "range", min: "0", max: "0", step: "0.1", value: "0",
    "aria-label": "Seek", class: "scrub" });
  const show = (seconds, fraction) => {
    const cue = cues.find((c) => seconds >= c.start && seconds < c.end) || cues[cues.length - 1];
    preview.lastChild.textContent = clock(seconds);
    if (cue) {
      Object.assign(preview.firstChild.style, { width: `${cue.w}px`, height: `${cue.h}px`,
        backgroundImage: `url("${cue.url}")`, backgroundPosition: `-${cue.x}px -${cue.y}px` });
      preview.firstChild.dataset.tile = `${cue.x},${cue.y}`;
    }
    preview.style.left = `${Math.round(fraction * 100)}%`;
    preview.hidden = false;
  };
  video.addEventListener("loadedmetadata", () => { range.max = String(video.duration || 0); });
  video.addEventListener("timeupdate", () => { if (document.activeElement !== range) range.value = String(video.currentTime); });
  range.addEventListener("pointermove", (e) => {
    const box = range.getBoundingClientRect();
    const fraction = Math.min(1, Math.max(0, (e.clientX - box.left) / box.width));
    show(fraction * Number(range.max), fraction);
  });
  range.addEventListener("pointerleave", () => { preview.hidden = true; });
  range.addEventListener("input", () => {
    const max = Number(range.max) || 1;
    show(Number(range.value), Number(range.value) / max);
    video.currentTime = Number(range.value);
  });
  range.addEventListener("blur", () => { preview.hidden = true; });
  return el("div", { class: "scrubber" }, range, preview);
}

export function parseStoryboard(text) {
  const cues = [];
  const pattern = /([\d:.]+) --> ([\d:.]+)\n(\S+)#xywh=(\d+),(\d+),(\d+),(\d+)/g;
  for (const m of text.matchAll(pattern)) {
    cues.push({ start: seconds(m[1]), end: seconds(m[2]), url: m[3],
      x: Number(m[4]), y: Number(m[5]), w: Number(m[6]), h: Number(m[7]) });
  }
  return cues;
}

function seconds(stamp) {
  const [h, m, s] = stamp.split(":");
  return Number(h) * 3600 + Number(m) * 60 + Number(s);
}

function clock(value) {
  const whole = Math.floor(value);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
}

// The transcript beside the video: captions as a text track, every word a button that seeks to
// it, the word being spoken marked as it plays; and the sentences' starts, for [ and ].
async function transcriptPanel(video, url, captionsUrl, token) {
  let transcript;
  try {
    transcript = await call("GET", url, { token });
  } catch {
    return { panel: null, sentences: [] }; // no transcription here, or nothing for this answer yet
  }
  const panel = el("section", { class: "transcript", "aria-label": "Transcript" },
    el("h3", {}, "Transcript"));
  if (transcript.status !== "transcribed") {
    const why = { pending: "The transcript is being made.", untranscribed: "This answer is not transcribed"
      + (transcript.reason === "unsupported_language" ? " (its language is not supported)." : "."),
      failed: "The transcript could not be made." }[transcript.status];
    panel.append(el("p", { class: "muted" }, why));
    return { panel, sentences: [] };
  }
  if (transcript.no_speech || !transcript.segments.length) {
    panel.append(el("p", { class: "muted" }, "No speech was detected in this answer."));
    return { panel, sentences: [] };
  }
  const captions = await call("GET", captionsUrl, { token });
  video.append(el("track", { kind: "captions", label: "Captions", srclang: transcript.language || "en",
    default: true, src: URL.createObjectURL(new Blob([captions], { type: "text/vtt" })) }));
  const words = [];
  const text = el("p", { class: "transcript-text" });
  for (const segment of transcript.segments) {
    for (const word of segment.words) {
      const button = el("button", { type: "button", class: "word", title: clock(word.start),
        onclick: () => { video.currentTime = word.start; video.play(); } }, word.word.trim());
      words.push({ ...word, button });
      text.append(button, " ");
    }
  }
  let current = null;
  const mark = () => {  // the word at the play position, while playing and after a seek
    const now = video.currentTime;
    const found = words.find((w) => now >= w.start - 0.01 && now < w.end) || null;
    if (found === current) return;
    if (current) current.button.removeAttribute("aria-current");
    if (found) found.button.setAttribute("aria-current", "true");
    current = found;
  };
  video.addEventListener("timeupdate", mark);
  video.addEventListener("seeked", mark);
  panel.append(text);
  return { panel, sentences: transcript.segments.map((segment) => segment.start) };
}
