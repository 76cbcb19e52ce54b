// A candidate takes the interview of tests/web/test_interview.py in Firefox (Debian's
// firefox-esr over WebDriver BiDi, driven by puppeteer-core; Playwright's Firefox needs its own
// patched build). Firefox's fake camera and microphone stand in for real ones; MediaRecorder
// writes WebM as it does for real candidates.
//   node interview.mjs <candidate link> <screenshot folder>
// Prints one JSON line: what the page recorded with.
import path from "node:path";
import { launch, see } from "./firefox.mjs";

const [link, screens] = process.argv.slice(2);

const browser = await launch();

// Visible, enabled buttons only, found by their text as a user reads them.
async function click(page, name) {
  const handle = await page.waitForFunction(
    (n) => [...document.querySelectorAll("button")]
      .find((b) => b.textContent.trim() === n && !b.disabled && b.offsetParent !== null),
    { timeout: 30000 }, name);
  await handle.asElement().click();
}

async function record(page, seconds) {
  await click(page, "Start recording now");
  await see(page, "Recording");
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  await click(page, "Stop recording");
}

const page = await browser.newPage();
try {
  await page.setViewport({ width: 1280, height: 860 });
  await page.goto(link);
  await see(page, "Video interview: Engineer");
  await page.click("#consent");
  await click(page, "Agree and continue");
  await see(page, "Camera and microphone work");
  await click(page, "Start the interview");
  await see(page, "Practice question");
  await record(page, 2);
  await click(page, "Continue to the first question");
  for (const n of [1, 2, 3]) {
    await see(page, `Question ${n} of 3`);
    await record(page, 2.5);
    await see(page, "Your answer is saved.");
    if (n === 1) await page.screenshot({ path: path.join(screens, "interview-answer-firefox.png") });
    await click(page, "Keep this answer");
  }
  await see(page, "Thank you");
  const seen = await page.evaluate(() => ({
    userAgent: navigator.userAgent,
    webm: MediaRecorder.isTypeSupported("video/webm;codecs=vp8,opus"),
  }));
  console.log(JSON.stringify(seen));
} catch (err) {
  // What the candidate saw when it went wrong, for the test's failure message.
  await page.screenshot({ path: path.join(screens, "interview-failure-firefox.png") }).catch(() => {});
  const text = await page.evaluate(() => document.body.innerText).catch(() => "");
  console.error(`${err.stack}\n--- the page said:\n${text}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
