// SPDX-License-Identifier: MIT
// The 一张图 page of `zoning serve` in real headless Chromium (puppeteer-core), on the mini store
// (tests/fixtures/mini/ANSWERS.md): node page.cjs URL. Each check prints a line; any failure exits 1.
const puppeteer = require(process.env.ZONING_WEB_MODULES + '/puppeteer-core');

const url = process.argv[2];
const O = { x: 430000, y: 3740000 };  // the mini district's south-west corner; coordinates below are relative to it
const fail = (msg) => { throw new Error(msg); };

(async () => {
  const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.setViewport({ width: 1400, height: 900 });
    await page.goto(url);
    await page.waitForFunction(() => document.body.dataset.ready, { timeout: 20000 });
    if (await page.evaluate(() => document.body.dataset.ready) !== '1') fail('the page failed: ' + (await page.$eval('#fatal', (e) => e.textContent)));

    // In the page: wait for every layer's data and a complete render; then the map's pixels, composed.
    await page.evaluate(() => {
      window.settled = () => new Promise((resolve) => { zoning.map.once('rendercomplete', resolve); zoning.map.render(); });
      window.pixels = () => {
        const map = document.querySelector('#map .ol-viewport');
        const out = document.createElement('canvas');
        out.width = map.clientWidth; out.height = map.clientHeight;
        const ctx = out.getContext('2d');
        for (const c of map.querySelectorAll('canvas')) if (c.width > 0) ctx.drawImage(c, 0, 0, out.width, out.height);
        const d = ctx.getImageData(0, 0, out.width, out.height).data;
        let painted = 0, hash = 0;
        for (let i = 0; i < d.length; i += 4) {
          if (d[i + 3] > 0 && (d[i] < 250 || d[i + 1] < 250 || d[i + 2] < 250)) painted++;
          hash = (hash * 31 + d[i] + 7 * d[i + 1] + 13 * d[i + 2] + 17 * d[i + 3]) | 0;
        }
        return { painted, total: d.length / 4, hash };
      };
      window.toPixel = (x, y) => {
        const p = zoning.map.getPixelFromCoordinate([x, y]);
        const r = document.querySelector('#map').getBoundingClientRect();
        return [r.left + p[0], r.top + p[1]];
      };
    });
    await page.waitForFunction(() => zoning.layers.get('functional_zones').getSource().getFeatures().length === 2, { timeout: 10000 });
    await page.evaluate(() => settled());

    // 1. The map renders: a good part of the canvas is painted (the district fills the view).
    const before = await page.evaluate(() => pixels());
    if (before.painted < before.total * 0.2) fail(`blank map: ${before.painted} of ${before.total} pixels painted`);
    console.log(`ok: map renders (${(100 * before.painted / before.total).toFixed(0)}% of the canvas painted)`);

    // 2. Turning a layer off changes the pixels; on again, they come back.
    await page.click('input[data-layer="parcels"]');
    await page.evaluate(() => settled());
    const off = await page.evaluate(() => pixels());
    if (off.hash === before.hash) fail('hiding the parcels changed no pixel');
    await page.click('input[data-layer="parcels"]');
    await page.evaluate(() => settled());
    const on = await page.evaluate(() => pixels());
    if (on.hash !== before.hash) fail('showing the parcels again did not restore the map');
    console.log('ok: toggling a layer changes the pixels, and back');

    // 3. Clicking inside 测试湿地 (K, 700–900 m) where no project or redevelopment area lies shows its name.
    const [kx, ky] = await page.evaluate((x, y) => toPixel(x, y), O.x + 870, O.y + 720);
    await page.mouse.click(kx, ky);
    await page.waitForFunction(() => document.querySelector('#identify-name')?.textContent === '测试湿地', { timeout: 10000 })
      .catch(async () => fail('identify shows: ' + (await page.$eval('#identify', (e) => e.textContent.slice(0, 200)))));
    console.log('ok: clicking 测试湿地 shows its name');

    // 4. A site drawn over the core (in_core: 760–840 m, land use 1001) gets the known verdict: conflict.
    await page.click('#check-draw');
    const corners = [[760, 760], [840, 760], [840, 840], [760, 840], [760, 760]];
    for (const [x, y] of corners) {
      const [px, py] = await page.evaluate((x, y) => toPixel(x, y), O.x + x, O.y + y);
      await page.mouse.click(px, py);
      await new Promise((r) => setTimeout(r, 350));  // apart, so no two clicks make a double click
    }
    const drawn = await page.evaluate(() => zoning.state.drawn.getSource().getFeatures().map((f) => f.getGeometry().getArea()));
    if (drawn.length !== 1 || Math.abs(drawn[0] - 6400) > 200) fail('the drawn site is ' + JSON.stringify(drawn) + ', not the 80 m square');
    await page.type('input[name="landuse"]', '1001');
    await page.click('#check-submit');
    await page.waitForSelector('#verdict, #check-error', { timeout: 15000 });
    const verdict = await page.evaluate(() => document.querySelector('#verdict')?.dataset.verdict || document.querySelector('#check-error').textContent);
    if (verdict !== 'conflict') fail('the drawn site\'s verdict is ' + verdict + ', expected conflict');
    const reasons = await page.$eval('#check-result', (e) => e.textContent);
    if (!reasons.includes('测试湿地')) fail('the reasons do not name 测试湿地: ' + reasons.slice(0, 300));
    console.log('ok: a site drawn in the core gets the verdict conflict, naming 测试湿地');

    // 4b. The review-opinion button (the server has Chromium: this test runs only where it does) posts the
    // same site to /api/review.pdf and gets a PDF back.
    if (await page.$eval('#check-pdf', (e) => e.hidden)) fail('the review PDF button is hidden though /api/layers offers the PDF');
    // The file the user saves is the blob the page hands to the download link: catch it there (puppeteer
    // cannot read back a body the page's own fetch consumed).
    await page.evaluate(() => {
      const make = URL.createObjectURL;
      window.savedBlobs = [];
      URL.createObjectURL = (b) => { window.savedBlobs.push(b); return make(b); };
    });
    const [pdf] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/review.pdf'), { timeout: 60000 }),
      page.click('#check-pdf'),
    ]);
    const type = pdf.headers()['content-type'] || '';
    await page.waitForFunction(() => window.savedBlobs.length > 0, { timeout: 10000 }).catch(() => fail('the PDF button saved no file'));
    const head = await page.evaluate(async () => new TextDecoder('latin1').decode(await window.savedBlobs[0].slice(0, 5).arrayBuffer()));
    if (pdf.status() !== 200 || type !== 'application/pdf' || head !== '%PDF-') fail(`the PDF button got ${pdf.status()} ${type} ${head}`);
    console.log('ok: the review PDF button downloads the 审查意见书 of the drawn site');

    // 5. The conflicts list zooms on click: the view closes in on the first conflict's features.
    await page.click('#tabs button[data-tab="conflicts"]');
    const res0 = await page.evaluate(() => { zoning.map.getView().fit(zoning.state.meta.extent); return zoning.map.getView().getResolution(); });
    const first = await page.evaluate(() => zoning.state.report.conflicts[0].features.map((f) => f.layer + '/' + f.id).join(' × '));
    await page.click('#conflicts li[data-conflict="0"]');
    await page.waitForFunction((r0) => zoning.map.getView().getResolution() < r0 * 0.8, { timeout: 10000 }, res0)
      .catch(() => fail('clicking the first conflict did not zoom'));
    const centre = await page.evaluate(() => zoning.map.getView().getCenter());
    // ECO-CORE P2 × K: both lie within 700–900 m.
    if (!(centre[0] > O.x + 700 && centre[0] < O.x + 900 && centre[1] > O.y + 700 && centre[1] < O.y + 900))
      fail(`the view centres on ${centre}, not on ${first}`);
    console.log(`ok: the conflicts list zooms to ${first}`);

    if (problems.length) fail('page errors: ' + problems.join('; '));
  } finally {
    await browser.close();
  }
})().catch((e) => { console.error('FAIL: ' + e.message); process.exit(1); });
