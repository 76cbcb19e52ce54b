// A share link's page: one candidate's answers (video with captions and the transcript beside
// it, written answers as written), read-only, for someone without an account. The link's token
// is its only credential; the page has no scoring, no other candidate and no staff navigation.
import { ApiError, call, el, message, show, when } from "/static/api.js";
import { player } from "/static/player.js";

const main = document.getElementById("main");
const token = decodeURIComponent(location.pathname.split("/").pop() || "");

function written(answer) {
  if (answer.kind === "text") return el("blockquote", { class: "written-answer" }, answer.text);
  const chosen = new Set(answer.choices || []);
  return el("ul", { class: "choice-answer", "aria-label": "Options" }, (answer.choice_labels || []).map((label, i) =>
    el("li", {}, chosen.has(i) ? el("strong", {}, `✓ ${label} (chosen)`) : label)));
}

async function load() {
  let shared;
  try {
    shared = await call("GET", "/v1/shared/submission", { token });
  } catch (err) {
    const gone = err instanceof ApiError && [401, 404, 410].includes(err.status);
    const text = err.code === "link_expired" ? "This link has expired. Ask the recruiter for a new one."
      : err.code === "link_revoked" ? "This link was revoked. Ask the recruiter for a new one."
        : gone ? "This link is not valid." : err.message;
    show(main, el("h1", {}, "Shared answers"), message(text, "error"));
    return;
  }
  const name = shared.candidate ? shared.candidate.name : "A candidate (blind review: name withheld)";
  const sections = [];
  for (const answer of shared.answers) {
    const section = el("section", { class: "card", "aria-label": `Question ${answer.position}` },
      el("h2", {}, answer.prompt));
    if (answer.status === "ready" && answer.kind !== "video") {
      section.append(written(answer));
    } else if (answer.status === "ready" && answer.attempt_id) {
      const base = `/v1/shared/attempts/${encodeURIComponent(answer.attempt_id)}`;
      const { video, controls } = await player(answer.attempt_id, `Answer to: ${answer.prompt}`, {
        base, transcriptUrl: `${base}/transcript`, captionsUrl: `${base}/captions.vtt`, token });
      section.append(video, controls);
    } else {
      section.append(el("p", { class: "muted" }, `Answer ${answer.status}.`));
    }
    sections.push(section);
  }
  show(main, el("h1", {}, name),
    el("p", { class: "muted" }, [shared.position_title, `Shared with you until ${when(shared.expires_at)}`]
      .filter(Boolean).join(" · ")),
    el("p", { class: "muted" }, "Read-only. Please do not forward this link."),
    ...sections);
  main.focus();
}

load();
