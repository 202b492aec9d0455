// The page in a real browser: Debian's Chromium, headless, loading the page
// from a chapter 13 server on 127.0.0.1, clicking, and reading what it shows.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { BROWSER_HINT, browserSkip, launchChromium } from '../browser/browser.ts';
import { listFeatures, openPage, recordRoute, sayHello, type PageTransport } from '../browser/page-driver.ts';
import { startWebServer, type RunningWebServer } from '../web-server.ts';

describe('the page in Chromium', { skip: browserSkip() }, () => {
  let browser: Browser;
  let server: RunningWebServer;
  let page: Page;
  before(async () => {
    // A pause between features, so that Stop lands in the middle of the stream.
    [browser, server] = await Promise.all([launchChromium(), startWebServer({ featureIntervalMs: 10 })]);
    page = await openPage(browser, server.pageUrl);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const transport of ['connect', 'grpc-web'] satisfies PageTransport[]) {
    test(`${transport}: SayHello shows the greeting; an empty name shows INVALID_ARGUMENT`, async () => {
      assert.deepEqual(await sayHello(page, transport, 'Chromium'), { text: 'Hello, Chromium', isError: false });
      assert.deepEqual(await sayHello(page, transport, ''), { text: 'INVALID_ARGUMENT: name must not be empty', isError: true });
    });

    test(`${transport}: ListFeatures renders all 100 features as they arrive`, async () => {
      assert.deepEqual(await listFeatures(page, transport), { text: 'done: 100 features', isError: false, listed: 100 });
    });

    test(`${transport}: Stop aborts the stream, and the server sees the cancel`, async () => {
      const ended = once(server.routeGuide.events, 'listFeaturesEnded', { signal: AbortSignal.timeout(15_000) });
      const shown = await listFeatures(page, transport, 5);
      assert.match(shown.text, /^stopped: \d+ features$/);
      assert.ok(shown.listed >= 5 && shown.listed < 100, `listed ${shown.listed}`);
      const [end] = await ended;
      assert.equal(end.cancelled, true);
      assert.ok(end.sent < 100, `the server sent ${end.sent}`);
    });

    test(`${transport}: a client stream cannot leave the page: fetch has no streaming request body`, async () => {
      assert.deepEqual(await recordRoute(page, transport), {
        text: 'UNKNOWN: The fetch API does not support streaming request bodies',
        isError: true,
      });
    });
  }

  describe('CORS: a page from another origin', () => {
    let strict: RunningWebServer;
    let welcoming: RunningWebServer;
    before(async () => {
      const pageOrigin = new URL(server.pageUrl).origin;
      [strict, welcoming] = await Promise.all([startWebServer(), startWebServer({ allowedOrigins: [pageOrigin] })]);
    });
    after(() => Promise.all([strict?.stop(), welcoming?.stop()]));

    test('is refused by a server that does not name its origin', async () => {
      const crossOrigin = await openPage(browser, `${server.pageUrl}/?server=${encodeURIComponent(strict.pageUrl)}`);
      try {
        for (const transport of ['connect', 'grpc-web'] satisfies PageTransport[]) {
          // The browser refuses after the preflight; the page only learns that fetch
          // failed, which Connect reports as UNKNOWN: no status ever arrived.
          assert.deepEqual(await sayHello(crossOrigin, transport, 'World'), { text: 'UNKNOWN: Failed to fetch', isError: true });
        }
      } finally {
        await crossOrigin.close();
      }
    });

    test('is answered by a server that allows its origin', async () => {
      const crossOrigin = await openPage(browser, `${server.pageUrl}/?server=${encodeURIComponent(welcoming.pageUrl)}`);
      try {
        for (const transport of ['connect', 'grpc-web'] satisfies PageTransport[]) {
          assert.deepEqual(await sayHello(crossOrigin, transport, 'World'), { text: 'Hello, World', isError: false });
          assert.deepEqual(await sayHello(crossOrigin, transport, ''), { text: 'INVALID_ARGUMENT: name must not be empty', isError: true });
        }
      } finally {
        await crossOrigin.close();
      }
    });
  });
});

test('without Chromium the browser tests are skipped with one line saying how to get it, except under CI', () => {
  assert.equal(browserSkip(false, {}), BROWSER_HINT);
  assert.match(BROWSER_HINT, /npm run setup:browser/);
  assert.equal(browserSkip(false, { CI: 'true' }), false, 'under CI a missing browser fails instead');
  assert.equal(browserSkip(true, {}), false);
});
