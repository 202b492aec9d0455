// Debian's Chromium, driven by playwright-core. playwright-core never
// downloads a browser: we point it at the one apt installed. Where there is
// none, browser tests are skipped with one line saying how to get it; under
// CI=true they run anyway and fail, because .ci/run installs it.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const BROWSER_HINT = `no Chromium at ${CHROMIUM}: run \`npm run setup:browser\` (Debian/Ubuntu, apt-get install chromium) to enable the browser tests`;

export function hasChromium(): boolean {
  return existsSync(CHROMIUM);
}

/** node:test's `skip` option for a test that needs Chromium: the hint, or false to run it. */
export function browserSkip(present: boolean = hasChromium(), env: NodeJS.ProcessEnv = process.env): string | false {
  return !present && env.CI !== 'true' ? BROWSER_HINT : false;
}

/**
 * Headless Chromium with a fresh profile (launch() makes a temporary one),
 * nothing fetched from the network on its own, and HTTP/3 off so that every
 * request goes over the loopback TCP connections we are looking at.
 */
export function launchChromium(): Promise<Browser> {
  if (!hasChromium()) throw new Error(BROWSER_HINT);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--headless',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
