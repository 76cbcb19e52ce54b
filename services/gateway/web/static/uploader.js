// Resumable upload of a recording while it is recorded: every chunk is kept in IndexedDB until the
// server has it, so a dropped connection or a reload loses nothing already recorded.
import { call } from "/static/api.js";

const DB = "hireloop-recordings";

function openDb() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore("chunks");
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function store(mode, fn) {
  const db = await openDb();
  return new Promise((resolve, reject) => {
    const tx = db.transaction("chunks", mode);
    const result = fn(tx.objectStore("chunks"));
    tx.oncomplete = () => resolve(result.result);
    tx.onerror = () => reject(tx.error);
  });
}

export const chunks = {
  put: (attempt, seq, blob) => store("readwrite", (s) => s.put(blob, `${attempt}:${String(seq).padStart(8, "0")}`)),
  drop: (attempt, seq) => store("readwrite", (s) => s.delete(`${attempt}:${String(seq).padStart(8, "0")}`)),
  async list(attempt) {
    const range = IDBKeyRange.bound(`${attempt}:`, `${attempt}:~`);
    const keys = await store("readonly", (s) => s.getAllKeys(range));
    return keys.map((k) => Number(k.split(":")[1]));
  },
  get: (attempt, seq) => store("readonly", (s) => s.get(`${attempt}:${String(seq).padStart(8, "0")}`)),
};

export class Uploader {
  constructor(token, attemptId, onProgress) {
    this.token = token;
    this.attemptId = attemptId;
    this.onProgress = onProgress || (() => {});
    this.pending = new Set();
    this.blobs = new Map(); // in memory too, so a chunk can go before IndexedDB has stored it
    this.saving = [];
    this.recorded = 0;
    this.uploaded = 0;
    this.urls = new Map();
    this.running = null;
    window.addEventListener("online", () => this.kick());
  }

  // Synchronous bookkeeping first, so a `finish` right after the last chunk waits for it.
  add(seq, blob) {
    this.pending.add(seq);
    this.blobs.set(seq, blob);
    this.recorded += blob.size;
    this.saving.push(chunks.put(this.attemptId, seq, blob));
    this.onProgress(this);
    this.kick();
  }

  kick() {
    if (!this.running) this.running = this.drain().finally(() => { this.running = null; });
    return this.running;
  }

  async url(seq) {
    const cached = this.urls.get(seq);
    if (cached && cached.expires > Date.now() + 30000) return cached.url;
    const batch = await call("POST", `/v1/candidate/attempts/${this.attemptId}/upload-urls`, {
      token: this.token, json: { first: seq, count: 20 },
    });
    const expires = new Date(batch.expires_at).getTime();
    for (const u of batch.urls) this.urls.set(u.seq, { url: u.url, expires });
    return this.urls.get(seq).url;
  }

  async drain() {
    let delay = 500;
    while (this.pending.size) {
      const seq = Math.min(...this.pending);
      try {
        const blob = this.blobs.get(seq) || (await chunks.get(this.attemptId, seq));
        const response = await fetch(await this.url(seq), { method: "PUT", body: blob });
        if (!response.ok) throw new Error(`upload ${response.status}`);
        await Promise.all(this.saving);
        await chunks.drop(this.attemptId, seq);
        this.pending.delete(seq);
        this.blobs.delete(seq);
        this.uploaded += blob.size;
        this.onProgress(this);
        delay = 500;
      } catch (err) {
        this.onProgress(this, err);
        if (!navigator.onLine) return; // the "online" event resumes
        await new Promise((r) => setTimeout(r, delay));
        delay = Math.min(delay * 2, 8000);
      }
    }
  }

  // After a reload: whatever chunks of this attempt are still in the browser go up first.
  async resume() {
    for (const seq of await chunks.list(this.attemptId)) {
      const blob = await chunks.get(this.attemptId, seq);
      this.pending.add(seq);
      this.recorded += blob.size;
    }
    return this.kick();
  }

  // `interrupted`: the recording was cut short by a reload; ingest keeps its whole clusters.
  async finish(parts, interrupted = false) {
    await Promise.all(this.saving);
    while (this.pending.size) {
      if (!navigator.onLine) await new Promise((r) => window.addEventListener("online", r, { once: true }));
      await this.kick();
    }
    return call("POST", `/v1/candidate/attempts/${this.attemptId}/complete`, { token: this.token, json: { parts, interrupted } });
  }
}
