// Sign-in: a user token from /v1/auth/login (or an API key), kept for this browser tab only.
import { call, message, setStaffToken, show } from "/static/api.js";

const next = new URLSearchParams(location.search).get("next") || "/console";
const status = document.getElementById("status");

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
