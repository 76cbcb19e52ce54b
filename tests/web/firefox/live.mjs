// A candidate of tests/live/test_pages.py in a live interview in Firefox (Debian's firefox-esr over
// WebDriver BiDi, driven by puppeteer-core): the device check, the recording notice agreed to, the
// lobby, and, once an interviewer admits them, the call. Firefox's fake camera and microphone stand
// in for real ones; host candidates are announced by address (no mDNS), and no STUN server is set,
// so nothing leaves the test's network namespace.
//   node live.mjs <candidate's live page> <screenshot folder>
// Prints a JSON line on entering the lobby, then one with what the page receives of the call.
import path from "node:path";
import { launch, see } from "./firefox.mjs";

const [link, screens] = process.argv.slice(2);

// What arrives from the others (the page's own subscriptions): frames decoded, audio energy.
const STATS = async () => {
  const room = window.hlRoom;
  let video = 0, audio = 0;
  if (!room) return { video, audio };
  for (const { pc } of room.feeds.values()) {
    if (!pc) continue;
    (await pc.getStats()).forEach((s) => {
      if (s.type !== "inbound-rtp") return;
      if (s.kind === "video") video += s.framesDecoded || 0;
      if (s.kind === "audio") audio += s.totalAudioEnergy || 0;
    });
  }
  return { video, audio };
};

// Host candidates by address, not an mDNS name.
const browser = await launch({ "media.peerconnection.ice.obfuscate_host_addresses": false });

try {
  const page = await browser.newPage();
  await page.setViewport({ width: 390, height: 844 });
  await page.goto(link);
  await see(page, "Your camera and microphone work.");
  await page.click("#recording-consent");
  await page.click("#ready");
  await see(page, "You are in the lobby.");
  console.log(JSON.stringify({ step: "lobby" }));

  const deadline = Date.now() + 90000;
  let stats = { video: 0, audio: 0 };
  while (Date.now() < deadline && !(stats.video > 10 && stats.audio > 0)) {
    await new Promise((r) => setTimeout(r, 500));
    stats = await page.evaluate(STATS);
  }
  await page.screenshot({ path: path.join(screens, "live-call-firefox-phone.png") });
  console.log(JSON.stringify({ step: "call", ...stats, agent: await page.evaluate(() => navigator.userAgent) }));
} finally {
  await browser.close();
}
