// What the Firefox drivers share: Debian's firefox-esr over WebDriver BiDi through puppeteer-core
// (Playwright's Firefox needs its own patched build), with Firefox's fake camera and microphone.
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const web = path.resolve(here, "../../../services/gateway/web/");
const puppeteer = createRequire(path.join(web, "package.json"))("puppeteer-core");

export function launch(prefs = {}) {
  return puppeteer.launch({
    browser: "firefox",
    executablePath: process.env.FIREFOX || "/usr/bin/firefox-esr",
    headless: true,
    extraPrefsFirefox: {
      "media.navigator.streams.fake": true,
      "media.navigator.permission.disabled": true,
      ...prefs,
    },
  });
}

// Until the page's text includes `text`.
export async function see(page, text, timeout = 30000) {
  await page.waitForFunction((t) => document.body.innerText.includes(t), { timeout }, text);
}
