// `npx tsx chapters/13-grpc-from-the-browser/browser/screenshot.ts`: rewrites the
// lesson's picture of the page (docs/images/13-page.png) from a real run:
// a greeting, a stopped stream and the client-streaming refusal.
import { join } from 'node:path';
import { REPO_ROOT } from '../../shared/repo-files.ts';
import { launchChromium } from './browser.ts';
import { listFeatures, openPage, recordRoute, sayHello } from './page-driver.ts';
import { startWebServer } from '../web-server.ts';

export const SCREENSHOT = 'docs/images/13-page.png';

const server = await startWebServer({ featureIntervalMs: 20 });
const browser = await launchChromium();
try {
  const page = await openPage(browser, server.pageUrl);
  await recordRoute(page, 'grpc-web');
  await listFeatures(page, 'grpc-web', 12);
  await sayHello(page, 'grpc-web', 'Ada');
  // The port changes every run; the picture should not.
  await page.$eval('#server', (label) => (label.textContent = 'server: http://127.0.0.1:8080'));
  await page.screenshot({ path: join(REPO_ROOT, SCREENSHOT), fullPage: true });
  console.log(`wrote ${SCREENSHOT}`);
} finally {
  await browser.close();
  await server.stop();
}
