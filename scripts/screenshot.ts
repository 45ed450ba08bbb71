/**
 * `npm run screenshot -- <url> <file.png> [width]`: a full-page screenshot in Debian's Chromium,
 * for looking at built pages as a reader would.
 */
import { launchBrowser } from './lib/browser.ts';

const [url, file = 'screenshot.png', width = '1280'] = process.argv.slice(2);
if (!url) {
  console.error('usage: npm run screenshot -- <url> <file.png> [width]');
  process.exit(2);
}
const browser = await launchBrowser();
const page = await browser.newPage({ viewport: { width: Number(width), height: 900 } });
await page.goto(url, { waitUntil: 'networkidle' });
await page.screenshot({ path: file, fullPage: true });
await browser.close();
console.log(`screenshot: ${file}`);
