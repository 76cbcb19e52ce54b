// A live room on Janus (VideoRoom over its HTTP API) with the token the live service minted:
// publish the camera and microphone, subscribe to everyone else, and tell the page who arrives
// and leaves. No STUN/TURN servers: Janus's own candidates are enough where browsers reach it.

function transaction() {
  return Math.random().toString(36).slice(2);
}

export class LiveRoom {
  constructor(join, { onRemote, onGone, onEnd } = {}) {
    this.url = join.janus_url;
    this.token = join.token;
    this.room = join.room;
    this.display = join.display;
    // TURN relays (with credentials that expire with the token), and whether to use only them.
    this.rtc = { iceServers: join.ice_servers || [], iceTransportPolicy: join.ice_transport_policy || "all" };
    this.onRemote = onRemote || (() => {});
    this.onGone = onGone || (() => {});
    this.onEnd = onEnd || (() => {});
    this.session = null;
    this.waiters = new Map(); // handle -> [{wanted, resolve, reject}]
    this.feeds = new Map(); // feed id -> {pc, handle}
    this.publisher = null;
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
    while (!this.closed) {
      let events;
      try {
        const response = await fetch(
          `${this.url}/${this.session}?maxev=10&token=${encodeURIComponent(this.token)}`);
        events = await response.json();
      } catch (err) {
        if (this.closed) return;
        await new Promise((r) => setTimeout(r, 1000));
        continue;
      }
      for (const event of Array.isArray(events) ? events : [events]) this.dispatch(event);
    }
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
      for (const p of data.publishers || []) this.subscribe(p.id, p.display);
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
    await pc.setLocalDescription(await pc.createOffer());
    await LiveRoom.gathered(pc);
    const configured = await this.message(this.publisher,
      { request: "configure", audio: true, video: true }, (e) => "jsep" in e,
      { type: "offer", sdp: pc.localDescription.sdp });
    await pc.setRemoteDescription(configured.jsep);
    const data = joined.plugindata.data;
    for (const p of data.publishers || []) this.subscribe(p.id, p.display);
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
    await pc.setRemoteDescription(attached.jsep);
    await pc.setLocalDescription(await pc.createAnswer());
    await LiveRoom.gathered(pc);
    await this.message(handle, { request: "start" }, (e, d) => d.started === "ok",
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

  async leave() {
    this.closed = true;
    clearInterval(this.keepalive);
    for (const feed of [...this.feeds.keys()]) this.drop(feed);
    if (this.local) this.local.close();
    if (this.session) await this.post(`/${this.session}`, { janus: "destroy" }).catch(() => {});
  }
}

// A video tile: the stream, the person's name, and a label for screen readers.
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
    caption.textContent = name;
    figure.append(video, caption);
  }
  figure.querySelector("video").srcObject = stream;
  return figure;
}

// Mute and camera buttons for the local stream; aria-pressed says which is off.
export function controls(stream, onLeave) {
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
  bar.append(toggle("audio", "Mute"), toggle("video", "Camera off"), leave);
  return bar;
}
