// The public API from the pages: the same routes every client uses, with problem-details errors.

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.code = problem.code || "http_error";
    this.problem = problem;
  }
}

export function staffToken() {
  return sessionStorage.getItem("hl.token");
}

export function setStaffToken(token) {
  if (token) sessionStorage.setItem("hl.token", token);
  else sessionStorage.removeItem("hl.token");
}

export async function call(method, path, { token = staffToken(), json, body, contentType } = {}) {
  const headers = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  if (json !== undefined) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(json);
  } else if (contentType) {
    headers["Content-Type"] = contentType;
  }
  let response;
  try {
    response = await fetch(path, { method, headers, body });
  } catch (err) {
    throw new ApiError(0, { code: "network", detail: "No connection to the server." });
  }
  const type = response.headers.get("content-type") || "";
  const data = type.includes("json") ? await response.json() : await response.text();
  if (!response.ok) throw new ApiError(response.status, typeof data === "object" ? data : { detail: data });
  return data;
}

// Small DOM helpers: build elements without innerHTML, so data is never parsed as markup.
// Every item of a paged list (`{ items, next_cursor }`), read page by page.
export async function all(path, options = {}) {
  const items = [];
  let cursor = null;
  do {
    const query = `${path.includes("?") ? "&" : "?"}limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
    const page = await call("GET", path + query, options);
    items.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor);
  return items;
}

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (key === "class") node.className = value;
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function show(container, ...nodes) {
  container.replaceChildren(...nodes);
}

export function message(text, kind = "info", prefixes = { error: "Error: ", ok: "Done: " }) {
  // role=status/alert makes screen readers announce it; the prefix means no colour-only meaning
  // (a translated page passes its own prefixes).
  const prefix = prefixes[kind] || "";
  return el("p", { class: `message ${kind}`, role: kind === "error" ? "alert" : "status" }, prefix + text);
}

export function when(date) {
  return new Date(date).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}
