// Ad-hoc: node shot.cjs URL PNG — a screenshot of the page once it is ready (for looking, not a test).
const puppeteer = require(process.env.ZONING_WEB_MODULES + '/puppeteer-core');
(async () => {
  const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
  const page = await browser.newPage();
  page.on('console', (m) => console.log('console:', m.text()));
  page.on('pageerror', (e) => console.log('pageerror:', e.message));
  await page.setViewport({ width: 1400, height: 850 });
  await page.goto(process.argv[2]);
  await page.waitForFunction(() => document.body.dataset.ready, { timeout: 20000 });
  await new Promise((r) => setTimeout(r, 1500));
  await page.screenshot({ path: process.argv[3] });
  await browser.close();
})();
