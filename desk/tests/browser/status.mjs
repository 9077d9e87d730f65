// End-to-end test of the desk's public status pages in headless Chromium.
//
// Starts the desk (DESK_BIN) on loopback with a throwaway SQLite file, an access file
// with fresh tokens and a status board; drives the library's status scenario
// (tests/golden/status/scenario.json: disclosure, two updates, a correction) through the
// API; opens the page in zh-CN, zh-HK and en (by ?lang= and by the browser's
// Accept-Language), on a desktop and a phone viewport; checks the visible text, that no
// internal or restricted fact appears, that the page has no script, and that the Atom
// feed parses and carries RFC 4287's required elements; saves screenshots to ARTIFACTS
// (default: a new temporary directory), printed at the end.
//
// Chromium is the distribution's (/usr/bin/chromium, or CHROMIUM): playwright-core
// downloads no browser. Run: DESK_BIN=target/debug/desk node desk/tests/browser/status.mjs

import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');
const deskBin = process.env.DESK_BIN;
if (!deskBin) throw new Error('DESK_BIN must name the desk binary (cargo build -p incident-desk --bin desk)');
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
const artifacts = process.env.ARTIFACTS || mkdtempSync(join(tmpdir(), 'status-screens-'));
mkdirSync(artifacts, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'status-desk-'));
const deadline = Date.now() + 150_000; // the whole test, desk start to screenshots

// What the scenario plants and the public must never read.
const SECRETS = ['c2.update-cdn.example', '198.51.100.23', '1,280,000', '1280000', 'C2 beacon'];

const failures = [];
function check(ok, what) {
  if (!ok) failures.push(what);
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
}

function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => res(port)); });
  });
}

const scenario = JSON.parse(readFileSync(join(root, 'tests/golden/status/scenario.json'), 'utf8'));
const access = JSON.parse(readFileSync(join(root, 'desk/access.example.json'), 'utf8'));
const roles = [...new Set(Object.values(access.commands).flat())];
const tokens = {};
for (const actor of new Set(scenario.map((s) => s.actor))) {
  tokens[actor] = randomBytes(32).toString('hex');
  access.tokens.push({
    sha256: createHash('sha256').update(tokens[actor]).digest('hex'),
    actor, roles, clearance: 'internal',
  });
}
writeFileSync(join(work, 'access.json'), JSON.stringify(access));
const soon = new Date(Date.now() + 3 * 86_400_000);
const later = new Date(soon.getTime() + 2 * 3_600_000);
writeFileSync(join(work, 'board.json'), JSON.stringify({
  components: [
    { id: 'app', name: { 'zh-CN': '手机App', 'zh-HK': '手機App', en: 'Mobile app' }, status: 'operational' },
    { id: 'withdrawals', name: { 'zh-CN': '提现', 'zh-HK': '提款', en: 'Withdrawals' }, status: 'partial_outage' },
  ],
  maintenance: [{
    id: 'm-1',
    title: { 'zh-CN': '提现系统安全加固', 'zh-HK': '提款系統安全加固', en: 'Security hardening of withdrawals' },
    starts_at: soon.toISOString(), ends_at: later.toISOString(), components: ['withdrawals'],
  }],
}));

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const desk = spawn(deskBin, [
  '--access', join(work, 'access.json'), '--database', join(work, 'desk.sqlite3'),
  '--listen', `127.0.0.1:${port}`, '--status-board', join(work, 'board.json'), '--public-url', base,
], { stdio: ['ignore', 'inherit', 'inherit'] });
let browser;
try {
  for (;;) {
    if (Date.now() > deadline) throw new Error('the desk did not answer /healthz');
    try { if ((await fetch(`${base}/healthz`)).ok) break; } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }

  let id = '';
  let version = 0;
  for (const step of scenario) {
    const body = step.declare
      ? { declare: step.declare }
      : { command: step.command, expected_version: version };
    const path = step.declare ? '/incidents' : `/incidents/${id}/commands`;
    const res = await fetch(base + path, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens[step.actor]}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const answer = await res.json();
    if (!res.ok) throw new Error(`${path} ${JSON.stringify(body).slice(0, 200)}: ${res.status} ${JSON.stringify(answer)}`);
    id = answer.incident_id;
    version = answer.version;
  }
  console.log(`drove the scenario: incident ${id} at version ${version}`);

  // playwright-core refuses a --user-data-dir argument to launch(): it gives every launch
  // a fresh profile directory of its own, which is what the flag would do.
  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const expected = {
    'zh-CN': { h1: '关于信息安全事件的公告', text: ['更正公告', '被盗转资金已有31个账户完成全额返还。', '服务状态', '提现系统安全加固'] },
    'zh-HK': { h1: '關於資訊保安事件的公告', text: ['更正公告', '服務狀態', '提款系統安全加固'] },
    en: { h1: 'security incident affecting customer accounts', text: ['Correction', 'it should have said 13', 'Service status', 'Security hardening of withdrawals'] },
  };
  const viewports = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } };
  for (const [lang, want] of Object.entries(expected)) {
    for (const [device, viewport] of Object.entries(viewports)) {
      const context = await browser.newContext({ viewport, locale: lang === 'en' ? 'en-GB' : lang });
      const page = await context.newPage();
      const scripts = [];
      page.on('request', (r) => { if (r.resourceType() === 'script') scripts.push(r.url()); });
      // The desktop page is chosen by the browser's Accept-Language, the phone one by ?lang=.
      const url = device === 'desktop' ? `${base}/status/${id}` : `${base}/status/${id}?lang=${lang}`;
      const res = await page.goto(url);
      check(res.status() === 200, `${lang} ${device}: 200`);
      check(await page.getAttribute('html', 'lang') === lang, `${lang} ${device}: <html lang="${lang}">`);
      const h1 = await page.locator('h1').innerText();
      check(h1.includes(want.h1), `${lang} ${device}: heading "${h1}"`);
      const text = await page.locator('body').innerText();
      for (const t of want.text) check(text.includes(t), `${lang} ${device}: shows "${t}"`);
      for (const s of SECRETS) check(!text.includes(s) && !(await page.content()).includes(s), `${lang} ${device}: no "${s}"`);
      check(await page.locator('script').count() === 0 && scripts.length === 0, `${lang} ${device}: no script`);
      check(await page.locator('time[datetime]').count() >= 6, `${lang} ${device}: times carry datetime`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      check(overflow <= 0, `${lang} ${device}: no horizontal scrolling (${overflow}px)`);
      const correction = page.locator('article#update-N-4 a[href="#update-N-3"]');
      check(await correction.count() === 1, `${lang} ${device}: the correction links to the update it corrects`);
      await page.screenshot({ path: join(artifacts, `status.${lang}.${device}.png`), fullPage: true });

      if (device === 'desktop') {
        const feed = await page.goto(`${base}/status/${id}/feed.atom?lang=${lang}`);
        check(feed.headers()['content-type'].startsWith('application/atom+xml'), `${lang}: feed is served as Atom`);
        const xml = await feed.text();
        const problems = await page.evaluate((source) => {
          const doc = new DOMParser().parseFromString(source, 'application/xml');
          const out = [];
          if (doc.getElementsByTagName('parsererror').length) return ['not well-formed XML'];
          const ns = 'http://www.w3.org/2005/Atom';
          const f = doc.documentElement;
          if (f.namespaceURI !== ns || f.localName !== 'feed') out.push('root is not atom:feed');
          const kids = (el, name) => [...el.children].filter((c) => c.namespaceURI === ns && c.localName === name);
          for (const n of ['id', 'title', 'updated']) if (kids(f, n).length !== 1) out.push(`feed needs one ${n}`);
          const entries = kids(f, 'entry');
          if (!kids(f, 'author').length && entries.some((e) => !kids(e, 'author').length)) out.push('no author');
          if (entries.length !== 4) out.push(`${entries.length} entries, not 4`);
          for (const e of entries) {
            for (const n of ['id', 'title', 'updated']) if (kids(e, n).length !== 1) out.push(`entry needs one ${n}`);
            if (!kids(e, 'content').length && !kids(e, 'link').some((l) => (l.getAttribute('rel') || 'alternate') === 'alternate')) out.push('entry without content or alternate link');
            if (Number.isNaN(Date.parse(kids(e, 'updated')[0]?.textContent))) out.push('entry updated is not a date');
          }
          return out;
        }, xml);
        check(problems.length === 0, `${lang}: the feed is valid Atom ${problems.join('; ')}`);
        for (const s of SECRETS) check(!xml.includes(s), `${lang}: feed has no "${s}"`);
      }
      await context.close();
    }
  }
} finally {
  if (browser) await browser.close();
  desk.kill('SIGTERM');
}
console.log(`screenshots: ${artifacts}`);
if (failures.length) {
  console.error(`${failures.length} check(s) failed:\n${failures.join('\n')}`);
  process.exit(1);
}
console.log('browser test passed');
