// What a person does with the page, as functions over a playwright Page: pick
// a transport, click, and read what the page shows. The tests, the tour and
// the screenshot all drive the page through these.
import type { Browser, Page } from 'playwright-core';

export type PageTransport = 'connect' | 'grpc-web';

/** Waits this long at most for the page to show an answer. */
const ANSWER_TIMEOUT_MS = 15_000;

export async function openPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 760, height: 720 } });
  page.setDefaultTimeout(ANSWER_TIMEOUT_MS);
  await page.goto(url);
  return page;
}

export interface Shown {
  text: string;
  /** The page marks failures (a status code and message) as errors. */
  isError: boolean;
}

async function shown(page: Page, selector: string): Promise<Shown> {
  return page.$eval(selector, (output) => ({ text: output.textContent ?? '', isError: output.classList.contains('error') }));
}

/** Clicks "Say hello" with `name` and waits for the greeting or the error. */
export async function sayHello(page: Page, transport: PageTransport, name: string): Promise<Shown> {
  await page.selectOption('#transport', transport);
  await page.fill('#name', name);
  await page.click('#say-hello');
  await page.waitForFunction(() => !['', '…'].includes(document.getElementById('greeting')?.textContent ?? ''), null, { timeout: ANSWER_TIMEOUT_MS });
  return shown(page, '#greeting');
}

/**
 * Clicks "List features"; with `stopAfter`, clicks Stop once that many have
 * arrived. Resolves with the status line ("done: 100 features", "stopped: …").
 */
export async function listFeatures(page: Page, transport: PageTransport, stopAfter?: number): Promise<Shown & { listed: number }> {
  await page.selectOption('#transport', transport);
  await page.click('#list-features');
  if (stopAfter !== undefined) {
    await page.waitForFunction((n) => (document.getElementById('features')?.children.length ?? 0) >= n, stopAfter, { timeout: ANSWER_TIMEOUT_MS });
    await page.click('#stop');
  }
  await page.waitForFunction(() => !/^streaming/.test(document.getElementById('list-status')?.textContent ?? 'streaming'), null, {
    timeout: ANSWER_TIMEOUT_MS,
  });
  const listed = await page.$$eval('#features li', (items) => items.length);
  return { ...(await shown(page, '#list-status')), listed };
}

/** Clicks "Record a route": a client stream, which fetch cannot send. */
export async function recordRoute(page: Page, transport: PageTransport): Promise<Shown> {
  await page.selectOption('#transport', transport);
  await page.click('#record-route');
  await page.waitForFunction(() => !['', '…'].includes(document.getElementById('route-status')?.textContent ?? ''), null, { timeout: ANSWER_TIMEOUT_MS });
  return shown(page, '#route-status');
}
