// A live room on Janus (VideoRoom over its HTTP API) with the token the live service minted:
// publish the camera and microphone, subscribe to everyone else, and tell the page who arrives
// and leaves. TURN relays when the live service offers them; no STUN (Janus's own candidates are
// enough where browsers reach it). A connection that drops is restarted (ICE restart), and each
// participant's connection quality is measured from what arrives of their media.

const QUALITY_SECONDS = 2;
const REPORT_SECONDS = 10; // how often the page tells the live service what it receives
const DISCONNECTED_GRACE_MS = 3000; // "disconnected" this long: restart ICE
const RETRY_MS = 2000; // a restart that failed (Janus unreachable) is tried again this much later
const LOST_MS = 15000; // Janus unanswered this long: the session is lost, enter again
const REJOIN_MS = 3000; // between attempts to enter again
const NO_SUCH_SESSION = 458;

function transaction() {
  return Math.random().toString(36).slice(2);
}

export class LiveRoom {
  constructor(join, { onRemote, onGone, onEnd, onQuality, onReport, onLost } = {}) {
    this.url = join.janus_url;
    this.token = join.token;
    this.room = join.room;
    this.display = join.display;
    // TURN relays (with credentials that expire with the token), and whether to use only them.
    this.rtc = { iceServers: join.ice_servers || [], iceTransportPolicy: join.ice_transport_policy || "all" };
    this.onRemote = onRemote || (() => {});
    this.onGone = onGone || (() => {});
    this.onEnd = onEnd || (() => {});
    this.onQuality = onQuality || ((feed, quality) => showQuality(`feed-${feed}`, quality));
    this.onReport = onReport || (() => {});
    this.onLost = onLost || (() => {});
    this.restarts = 0; // ICE restarts done (publisher and subscribers)
    this.entered = null; // when enter() began, for the time to the first remote frame
    this.firstFrame = null; // seconds from entering to the first remote video frame
    this.totals = { lost: 0, received: 0, bits: 0 }; // since the last report
    this.session = null;
    this.waiters = new Map(); // handle -> [{wanted, resolve, reject}]
    this.feeds = new Map(); // feed id -> {pc, handle}
    this.publisher = null;
    this.screen = null; // {handle, pc, stream, feed} while this page shares a screen
    this.own = new Set(); // this page's own feeds (its screen): never subscribed to
    this.closed = false;
  }

  async post(path, body) {
    const response = await fetch(this.url + path, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ ...body, transaction: transaction(), token: this.token }),
    });
    const data = await response.json();
    if (data.janus === "error") throw new Error(`${data.error.code}: ${data.error.reason}`);
    return data;
  }

  async poll() {
    let failingSince = null;
    while (!this.closed) {
      let events;
      // Janus answers a long poll within 30 s; one on a connection a network drop killed is
      // given up (after 40 s, or at once when a connection restarts).
      this.polling = new AbortController();
      const timer = setTimeout(() => this.polling.abort(), 40000);
      try {
        const response = await fetch(
          `${this.url}/${this.session}?maxev=10&token=${encodeURIComponent(this.token)}`,
          { signal: this.polling.signal });
        events = await response.json();
        failingSince = null;
      } catch (err) {
        if (this.closed) return;
        failingSince ??= performance.now();
        // Janus unreachable this long: its node is gone (the live service moves the room).
        if (performance.now() - failingSince > LOST_MS) return this.lost();
        await new Promise((r) => setTimeout(r, 1000));
        continue;
      } finally {
        clearTimeout(timer);
      }
      // Janus no longer knows the session: it restarted (rooms and sessions live in its memory).
      if (events && events.janus === "error" && events.error.code === NO_SUCH_SESSION) return this.lost();
      for (const event of Array.isArray(events) ? events : [events]) this.dispatch(event);
    }
  }

  // The session on Janus is gone: let go of everything here, and tell the page (which enters
  // again with a new token: see Call).
  lost() {
    if (this.closed) return;
    this.leave({ quietly: true });
    this.onLost();
  }

  dispatch(event) {
    if (event.janus !== "event") return;
    const data = (event.plugindata || {}).data || {};
    const waiting = this.waiters.get(event.sender) || [];
    const index = waiting.findIndex((w) => "error_code" in data || w.wanted(event, data));
    if (index >= 0) {
      const [waiter] = waiting.splice(index, 1);
      if ("error_code" in data) waiter.reject(new Error(`${data.error_code}: ${data.error}`));
      else waiter.resolve(event);
      return;
    }
    if (event.sender === this.publisher) {
      for (const p of data.publishers || []) if (!this.mine(p)) this.subscribe(p.id, p.display);
      const gone = data.leaving || data.unpublished;
      if (gone && gone !== "ok") this.drop(gone);
      if (data.videoroom === "destroyed") this.end();
    }
  }

  wait(handle, wanted) {
    return new Promise((resolve, reject) => {
      if (!this.waiters.has(handle)) this.waiters.set(handle, []);
      this.waiters.get(handle).push({ wanted, resolve, reject });
    });
  }

  async attach() {
    const reply = await this.post(`/${this.session}`, {
      janus: "attach", plugin: "janus.plugin.videoroom",
    });
    return reply.data.id;
  }

  async message(handle, body, wanted, jsep) {
    const answer = this.wait(handle, wanted);
    await this.post(`/${this.session}/${handle}`, { janus: "message", body, ...(jsep ? { jsep } : {}) });
    return answer;
  }

  static async gathered(pc) {
    if (pc.iceGatheringState === "complete") return;
    await new Promise((resolve) => {
      const done = () => { if (pc.iceGatheringState === "complete") resolve(); };
      pc.addEventListener("icegatheringstatechange", done);
      setTimeout(resolve, 3000);
    });
  }

  async enter(stream) {
    this.entered = performance.now();
    this.session = (await this.post("", { janus: "create" })).data.id;
    this.poll();
    this.keepalive = setInterval(() => {
      this.post(`/${this.session}`, { janus: "keepalive" }).catch(() => {});
    }, 25000);
    this.publisher = await this.attach();
    const joined = await this.message(this.publisher, {
      request: "join", ptype: "publisher", room: this.room, token: this.token, display: this.display,
    }, (e, d) => d.videoroom === "joined");
    const pc = new RTCPeerConnection(this.rtc);
    this.local = pc;
    for (const track of stream.getTracks()) pc.addTrack(track, stream);
    await this.publish(pc, {});
    this.watch(pc, () => this.publish(pc, { iceRestart: true }));
    const data = joined.plugindata.data;
    for (const p of data.publishers || []) if (!this.mine(p)) this.subscribe(p.id, p.display);
    this.measuring = setInterval(() => this.measure(), QUALITY_SECONDS * 1000);
    this.reporting = setInterval(() => this.report(), REPORT_SECONDS * 1000);
  }

  // Offer (a first one, or an ICE restart's) and take Janus's answer.
  async publish(pc, options, handle = this.publisher, media = { audio: true, video: true }) {
    await pc.setLocalDescription(await pc.createOffer(options));
    await LiveRoom.gathered(pc);
    const configured = await this.message(handle,
      { request: "configure", ...media }, (e) => "jsep" in e,
      { type: "offer", sdp: pc.localDescription.sdp });
    await pc.setRemoteDescription(configured.jsep);
  }

  get screenName() {
    return `${this.display} (screen)`;
  }

  // A publisher this page sent itself (its screen), announced perhaps before its join answered.
  mine(publisher) {
    return this.own.has(publisher.id) || (this.screen !== null && publisher.display === this.screenName);
  }

  // Share a screen (getDisplayMedia's stream) as a publisher of its own, named "<name> (screen)":
  // everyone else subscribes to it as to a participant, and a recorded room records it too.
  async shareScreen(screen) {
    if (this.screen || this.closed) return;
    this.screen = { handle: null, pc: null, stream: screen, feed: null };
    try {
      const handle = await this.attach();
      this.screen.handle = handle;
      const joined = await this.message(handle, {
        request: "join", ptype: "publisher", room: this.room, token: this.token, display: this.screenName,
      }, (e, d) => d.videoroom === "joined");
      this.screen.feed = joined.plugindata.data.id;
      this.own.add(this.screen.feed);
      const pc = new RTCPeerConnection(this.rtc);
      this.screen.pc = pc;
      for (const track of screen.getVideoTracks()) pc.addTrack(track, screen);
      await this.publish(pc, {}, handle, { audio: false, video: true });
      this.watch(pc, () => this.publish(pc, { iceRestart: true }, handle, { audio: false, video: true }));
      // The browser's own "Stop sharing" ends the track: stop here too.
      for (const track of screen.getVideoTracks()) track.addEventListener("ended", () => this.stopSharing());
    } catch (err) {
      await this.stopSharing();
      throw err;
    }
  }

  async stopSharing() {
    const shared = this.screen;
    if (!shared) return;
    this.screen = null;
    for (const track of shared.stream.getTracks()) track.stop();
    if (shared.pc) shared.pc.close();
    if (shared.handle && this.session) {
      await this.post(`/${this.session}/${shared.handle}`, { janus: "detach" }).catch(() => {});
    }
  }

  // What arrived from everyone since the last report (and, once, the time to the first frame).
  report() {
    const { lost, received, bits } = this.totals;
    if (lost + received === 0) return;
    const elapsed = REPORT_SECONDS * 1000;
    const report = { loss_ratio: lost / (lost + received), kbps: bits / elapsed };
    if (this.firstFrame !== null && !this.firstFrameSent) {
      report.first_frame_seconds = Math.min(600, this.firstFrame);
      this.firstFrameSent = true;
    }
    this.totals = { lost: 0, received: 0, bits: 0 };
    this.onReport(report);
  }

  // Restart ICE when a connection fails, or stays disconnected past a short grace (a network
  // drop: the path changed or came back). One restart at a time per connection; one that could
  // not reach Janus (the network still down) is tried again until the connection is back.
  watch(pc, restart) {
    let timer = null;
    let running = false;
    const again = async () => {
      if (running || this.closed || pc.connectionState === "closed") return;
      running = true;
      this.restarts += 1;
      if (this.polling) this.polling.abort(); // its answer must not wait on a dead long poll
      try {
        await restart();
      } catch {
        setTimeout(() => {
          if (!["connected", "completed"].includes(pc.iceConnectionState)) again();
        }, RETRY_MS);
      } finally {
        running = false;
      }
    };
    pc.addEventListener("iceconnectionstatechange", () => {
      clearTimeout(timer);
      if (pc.iceConnectionState === "failed") again();
      if (pc.iceConnectionState === "disconnected") {
        timer = setTimeout(() => { if (pc.iceConnectionState !== "connected") again(); }, DISCONNECTED_GRACE_MS);
      }
    });
  }

  // What arrived of each participant's media since the last look: packet loss and bitrate.
  async measure() {
    for (const [feed, known] of this.feeds) {
      if (!known.pc) continue;
      let lost = 0, received = 0, bytes = 0, frames = 0;
      (await known.pc.getStats()).forEach((s) => {
        if (s.type !== "inbound-rtp") return;
        lost += s.packetsLost || 0;
        received += s.packetsReceived || 0;
        bytes += s.bytesReceived || 0;
        if (s.kind === "video") frames += s.framesDecoded || 0;
      });
      const now = performance.now();
      if (frames > 0 && this.firstFrame === null) this.firstFrame = (now - this.entered) / 1000;
      const last = known.last;
      known.last = { lost, received, bytes, now };
      if (!last) continue;
      const dLost = Math.max(0, lost - last.lost), dReceived = received - last.received;
      const quality = {
        loss: dLost + dReceived > 0 ? dLost / (dLost + dReceived) : 0,
        kbps: (8 * (bytes - last.bytes)) / (now - last.now),
      };
      this.totals.lost += dLost;
      this.totals.received += Math.max(0, dReceived);
      this.totals.bits += 8 * (bytes - last.bytes);
      quality.level = dReceived <= 0 ? "none" : quality.loss < 0.02 ? "good" : quality.loss < 0.08 ? "fair" : "poor";
      this.onQuality(feed, quality);
    }
  }

  async subscribe(feed, display) {
    if (this.feeds.has(feed) || this.closed) return;
    this.feeds.set(feed, { pc: null, handle: null });
    const handle = await this.attach();
    const attached = await this.message(handle, {
      request: "join", ptype: "subscriber", room: this.room, token: this.token, streams: [{ feed }],
    }, (e, d) => d.videoroom === "attached");
    const pc = new RTCPeerConnection(this.rtc);
    this.feeds.set(feed, { pc, handle });
    const remote = new MediaStream();
    pc.ontrack = (event) => {
      remote.addTrack(event.track);
      this.onRemote(feed, display, remote, pc);
    };
    await this.answer(handle, pc, attached.jsep);
    this.watch(pc, async () => {
      // Janus offers again with new ICE credentials; the answer goes with a new "start".
      const offered = await this.message(handle, { request: "configure", restart: true }, (e) => "jsep" in e);
      await this.answer(handle, pc, offered.jsep);
    });
  }

  async answer(handle, pc, offer) {
    await pc.setRemoteDescription(offer);
    await pc.setLocalDescription(await pc.createAnswer());
    await LiveRoom.gathered(pc);
    await this.message(handle, { request: "start" }, (e, d) => d.started === "ok" || d.configured === "ok",
      { type: "answer", sdp: pc.localDescription.sdp });
  }

  drop(feed) {
    const known = this.feeds.get(feed);
    if (!known) return;
    if (known.pc) known.pc.close();
    this.feeds.delete(feed);
    this.onGone(feed);
  }

  end() {
    if (this.closed) return;
    this.leave();
    this.onEnd();
  }

  async leave({ quietly = false } = {}) {
    this.closed = true;
    clearInterval(this.keepalive);
    clearInterval(this.measuring);
    clearInterval(this.reporting);
    if (this.polling) this.polling.abort();
    for (const feed of [...this.feeds.keys()]) this.drop(feed);
    const session = quietly ? null : this.session; // a lost session is not Janus's any more
    if (quietly) this.session = null;
    await this.stopSharing();
    if (this.local) this.local.close();
    if (session) await this.post(`/${session}`, { janus: "destroy" }).catch(() => {});
  }
}

// A call that outlives its connection to Janus: when the room's session is lost (Janus
// restarted, or its node stopped answering and the live service moved the room), the page asks
// for a new token, which names the room's node now, and enters again with the same camera.
// `join` asks the live service for a token; `status` tells the person what is happening.
export class Call {
  constructor(join, stream, handlers, status = () => {}) {
    Object.assign(this, { join, stream, handlers, status });
    this.room = null;
    this.left = false;
    this.rejoins = 0; // times the call entered again after losing its session
  }

  async enter() {
    const room = new LiveRoom(await this.join(), { ...this.handlers, onLost: () => this.rejoin() });
    this.room = room;
    window.hlRoom = room;
    try {
      await room.enter(this.stream);
    } catch (err) {
      await room.leave().catch(() => {});
      throw err;
    }
  }

  async rejoin() {
    this.rejoins += 1;
    this.status("The connection was lost. Reconnecting…");
    while (!this.left) {
      try {
        await this.enter();
        this.status("Reconnected.");
        return;
      } catch (err) {
        // Refused (the room closed or moved, no longer admitted): the call is over for this page.
        if (err.status >= 400 && err.status < 500) {
          this.status("The call has ended.");
          return;
        }
        await new Promise((r) => setTimeout(r, REJOIN_MS)); // the room is being moved: again
      }
    }
  }

  // What the controls use: the current room's screen sharing.
  get screen() { return this.room ? this.room.screen : null; }
  shareScreen(screen) { return this.room.shareScreen(screen); }
  stopSharing() { return this.room ? this.room.stopSharing() : undefined; }

  async leave() {
    this.left = true;
    if (this.room) await this.room.leave();
  }
}

// A video tile: the stream, the person's name, and a label for screen readers.
// Shown for the whole call when the interview type records: everyone sees it is recorded.
export function recordingBadge() {
  const badge = document.createElement("p");
  Object.assign(badge, { className: "recording", id: "recording" });
  badge.setAttribute("role", "status");
  const dot = document.createElement("span");
  dot.setAttribute("aria-hidden", "true");
  dot.textContent = "● ";
  badge.append(dot, "This call is recorded");
  return badge;
}

export function tile(id, name, stream, { muted = false } = {}) {
  let figure = document.getElementById(id);
  if (!figure) {
    figure = document.createElement("figure");
    figure.id = id;
    figure.className = "tile";
    const video = document.createElement("video");
    video.autoplay = true;
    video.playsInline = true;
    video.muted = muted;
    video.setAttribute("aria-label", `Video of ${name}`);
    const caption = document.createElement("figcaption");
    const quality = document.createElement("span");
    quality.className = "quality";
    caption.append(name, " ", quality);
    figure.append(video, caption);
  }
  figure.querySelector("video").srcObject = stream;
  return figure;
}

// Mute and camera buttons for the local stream (aria-pressed says which is off), screen sharing
// where the browser can (not on phones), and leaving.
export function controls(stream, onLeave, room = null) {
  const bar = document.createElement("div");
  bar.className = "controls";
  const toggle = (kind, label) => {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = label;
    button.setAttribute("aria-pressed", "false");
    button.addEventListener("click", () => {
      const off = button.getAttribute("aria-pressed") !== "true";
      for (const track of stream.getTracks()) if (track.kind === kind) track.enabled = !off;
      button.setAttribute("aria-pressed", String(off));
    });
    return button;
  };
  const leave = document.createElement("button");
  leave.type = "button";
  leave.textContent = "Leave";
  leave.addEventListener("click", onLeave);
  bar.append(toggle("audio", "Mute"), toggle("video", "Camera off"));
  if (room && navigator.mediaDevices && navigator.mediaDevices.getDisplayMedia) {
    const share = document.createElement("button");
    share.type = "button";
    share.textContent = "Share screen";
    share.setAttribute("aria-pressed", "false");
    const shown = (on) => share.setAttribute("aria-pressed", String(on)); // pressed: sharing
    share.addEventListener("click", async () => {
      if (room.screen) {
        await room.stopSharing();
        shown(false);
        return;
      }
      try {
        const screen = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: false });
        for (const track of screen.getVideoTracks()) track.addEventListener("ended", () => shown(false));
        await room.shareScreen(screen);
        shown(true);
      } catch {
        shown(false); // refused or cancelled in the browser's picker: nothing is shared
      }
    });
    bar.append(share);
  }
  bar.append(leave);
  return bar;
}

const QUALITY_LABEL = { good: "good", fair: "fair", poor: "poor", none: "no media" };

// A participant's connection quality on their tile: a word (not colour alone), with the loss
// and bitrate in its title.
export function showQuality(id, quality) {
  const badge = document.getElementById(id)?.querySelector(".quality");
  if (!badge) return;
  badge.textContent = `Connection ${QUALITY_LABEL[quality.level]}`;
  badge.dataset.level = quality.level;
  badge.title = `${(quality.loss * 100).toFixed(1)} % packets lost, ${Math.round(quality.kbps)} kbit/s`;
}
