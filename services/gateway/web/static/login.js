// Sign-in: a user token from /v1/auth/login, from the tenant's OpenID or SAML provider (single sign-on),
// or an API key, kept for this browser tab only.
import { call, message, setStaffToken, show } from "/static/api.js";

const TENANT = /^[a-z0-9][a-z0-9-]{1,39}$/;
const params = new URLSearchParams(location.search);
const asked = params.get("next") || "/console";
// Only a path of this site (the single sign-on start refuses anything else too).
const next = /^\/([A-Za-z0-9_#-][A-Za-z0-9/_#-]{0,199})?$/.test(asked) ? asked : "/console";
const status = document.getElementById("status");
const tenantInput = document.getElementById("tenant");
const sso = document.getElementById("sso");

async function takeHandoff(handoff) {
  // The address bar keeps no trace of the one-time handoff.
  history.replaceState(null, "", `/login?next=${encodeURIComponent(next)}`);
  try {
    const token = await call("POST", "/v1/auth/sso/handoff", { token: null, json: { handoff } });
    setStaffToken(token.access_token);
    location.assign(next);
  } catch (err) {
    show(status, message(err.message, "error"));
  }
}

async function offerProvider() {
  const tenant = tenantInput.value.trim();
  if (!TENANT.test(tenant)) {
    sso.hidden = true;
    return;
  }
  try {
    const options = await call("GET", `/v1/auth/sso/${tenant}/options`, { token: null });
    if (options.start_path) {
      document.getElementById("sso-start").href = `${options.start_path}?next=${encodeURIComponent(next)}`;
    }
    document.getElementById("sso-note").textContent = options.required
      ? "Your organisation signs in through its identity provider; a password works only for its emergency administrator."
      : "";
    sso.hidden = !options.start_path;
  } catch {
    sso.hidden = true;
  }
}

if (params.get("handoff")) takeHandoff(params.get("handoff"));
if (params.get("tenant")) tenantInput.value = params.get("tenant");
tenantInput.addEventListener("change", offerProvider);
offerProvider();

document.getElementById("login").addEventListener("submit", async (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  try {
    const token = await call("POST", "/v1/auth/login", {
      token: null,
      json: { tenant: form.get("tenant"), email: form.get("email"), password: form.get("password") },
    });
    setStaffToken(token.access_token);
    location.assign(next);
  } catch (err) {
    show(status, message(err.message, "error"));
  }
});

document.getElementById("keyform").addEventListener("submit", async (event) => {
  event.preventDefault();
  const key = new FormData(event.target).get("apikey").trim();
  try {
    await call("GET", "/v1/me", { token: key });
    setStaffToken(key);
    location.assign(next);
  } catch (err) {
    show(status, message(err.message, "error"));
  }
});
