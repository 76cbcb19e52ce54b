// An answer player: HLS (hls.js, or the browser's own), speed 1x-2x, poster, and comments that
// jump to their moment. Playlists are fetched with the reviewer's token; segments are presigned.
import { call, el, staffToken } from "/static/api.js";

export const SPEEDS = [1, 1.25, 1.5, 2];

export async function player(attemptId, label) {
  const base = `/v1/recordings/${attemptId}`;
  const playback = await call("GET", `${base}/playback`);
  const video = el("video", { controls: true, playsinline: true, preload: "metadata",
    poster: playback.poster_url || undefined, "aria-label": label });
  const source = `${base}/${playback.master_playlist}`;
  if (window.Hls && window.Hls.isSupported()) {
    const hls = new window.Hls({
      xhrSetup: (xhr, url) => {
        // Only our own playlists need the token; presigned segment URLs must go without it.
        if (new URL(url, location.href).origin === location.origin) {
          xhr.setRequestHeader("Authorization", `Bearer ${staffToken()}`);
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
  }
  const speed = localStorage.getItem("hl.speed") || "1.5";
  video.addEventListener("loadedmetadata", () => { video.playbackRate = Number(speed); });
  const speeds = el("div", { class: "row", role: "group", "aria-label": "Playback speed" },
    SPEEDS.map((s) => el("button", { type: "button", class: "secondary", "aria-pressed": String(String(s) === speed),
      onclick: (e) => {
        video.playbackRate = s;
        localStorage.setItem("hl.speed", String(s));
        for (const b of speeds.querySelectorAll("button")) b.setAttribute("aria-pressed", String(b === e.target));
      } }, `${s}x`)));
  return { video, controls: speeds, playback };
}
