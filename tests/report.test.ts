// The HTML review report: well-formed highlighting, everything escaped, and in a real headless Chromium
// (Debian's, driven by playwright-core): no console errors, a known task highlighted with its assignments,
// an indicator linked to its table row, a <script> payload in a document stays text, Chinese renders.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { highlight } from '../workflows/report/highlight.js';
import { esc, pageOf } from '../workflows/report/html.js';
import { writeReport } from '../workflows/report/site.js';
import { runBatch } from '../pipeline/batch.js';
import { FIXTURES, SEED } from './helpers.js';

// Callbacks passed to page.evaluate run in the browser; the project has no DOM types, so these are declared.
declare const getComputedStyle: (el: unknown, pseudo?: string) => { backgroundColor: string; content: string };
declare const window: Record<string, unknown>;
type Element = { textContent: string | null };

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
const PAYLOAD = join(FIXTURES, 'report_script_payload.txt');

describe('highlighting', () => {
  const m = (start: number, end: number, id: string, layer = 0) => ({ start, end, tag: 'span' as const, id, attrs: ` class="${id}"`, layer });

  it('nests marks, splits a crossing one (id on the first piece only) and escapes the text', () => {
    const html = highlight('a<b>&"c"', [m(0, 5, 'x'), m(3, 8, 'y'), m(1, 2, 'z', 1)], [{ at: 4, html: '<i>!</i>' }]);
    expect(html).toBe('<span id="x" class="x">a<span id="z" class="z">&lt;</span>b<span id="y" class="y">&gt;<i>!</i>&amp;</span></span><span class="y">&quot;c&quot;</span>');
  });

  it('counts spans in code points (a character outside the BMP is one)', () => {
    expect(highlight('𠀀中文', [m(1, 2, 'x')])).toBe('𠀀<span id="x" class="x">中</span>文');
  });

  it('escapes attribute values', () => {
    expect(esc('"><script>x</script>\'')).toBe('&quot;&gt;&lt;script&gt;x&lt;/script&gt;&#39;');
  });
});

const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) {
  // eslint-disable-next-line no-console
  console.warn(`report browser tests SKIPPED: ${CHROMIUM} is missing. Install it with: apt-get install -y chromium fonts-noto-cjk`);
}

(haveChromium ? describe : describe.skip)('the report in headless Chromium', () => {
  let site: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let browser: any;
  const errors: string[] = [];

  beforeAll(async () => {
    const inputs = mkdtempSync(join(tmpdir(), 'planx-report-in-'));
    const files = [SEED.s002, SEED.s004, PAYLOAD].map((f) => {
      const p = join(inputs, basename(f));
      copyFileSync(f, p);
      return p;
    });
    const out = join(mkdtempSync(join(tmpdir(), 'planx-report-')), 'ds');
    await runBatch(files, { out, workers: false });
    site = join(mkdtempSync(join(tmpdir(), 'planx-site-')), 'site');
    writeReport(out, site);
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function open(file: string) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('console', (msg: { type: () => string; text: () => string }) => {
      if (msg.type() === 'error') errors.push(`${file}: ${msg.text()}`);
    });
    page.on('pageerror', (e: Error) => errors.push(`${file}: ${e.message}`));
    page.on('request', (r: { url: () => string }) => {
      if (!r.url().startsWith('file:')) errors.push(`${file}: network request ${r.url()}`);
    });
    await page.goto(pathToFileURL(join(site, file)).href);
    return page;
  }

  it('every page opens without console errors or network requests', async () => {
    for (const f of ['index.html', 'compare.html', pageOf('002_fa45e1ef304f6357'), pageOf('004_22f7cd4e67d48923'), pageOf('report_script_payload')]) {
      const page = await open(f);
      await page.close();
    }
    expect(errors).toEqual([]);
  });

  it('the index lists every document with its counts and links to its page', async () => {
    const page = await open('index.html');
    const links = await page.locator('table tbody a').evaluateAll((as: Element[]) => as.map((a) => a.textContent));
    expect(links).toEqual(['江门市生态环境保护“十四五”规划', '江门市创建国家生态文明建设示范市2020年工作方案', expect.stringContaining('城市更新工作方案')]);
    await page.locator('table tbody a').nth(1).click();
    expect(page.url()).toContain(encodeURIComponent(pageOf('004_22f7cd4e67d48923')));
    await page.close();
  });

  it('004: task 1. 落实主体功能区战略 is highlighted, and hovering shows its lead and participating agencies', async () => {
    const page = await open(pageOf('004_22f7cd4e67d48923'));
    const task = page.locator('#text .task', { hasText: '1.落实主体功能区战略' }).first();
    expect(await task.count()).toBe(1);
    expect(await task.evaluate((el: Element) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 243, 191)');
    await task.hover({ position: { x: 5, y: 5 } });
    const tip = await task.evaluate((el: Element) => getComputedStyle(el, '::after').content);
    // by hand: [市自然资源局、市生态环境局、市发展改革局牵头，市工业和信息化局、市交通运输局、市农业农村局参加，各市（区）政府落实]
    expect(tip).toContain('牵头: 市自然资源局、市生态环境局、市发展改革局');
    expect(tip).toContain('参加: 市工业和信息化局、市交通运输局、市农业农村局');
    // the agencies inside it are highlighted too
    expect(await task.locator('.asg').count()).toBeGreaterThanOrEqual(7);
    await page.close();
  });

  it('002: clicking the 森林覆盖率 indicator in the text jumps to its row of 表 1', async () => {
    const page = await open(pageOf('002_fa45e1ef304f6357'));
    const ind = page.locator('#text a.ind', { hasText: '森林覆盖率' }).first();
    await ind.click();
    const row = page.locator('tr:target');
    expect(await row.count()).toBe(1);
    // by hand: 表 1 row 10: 森林覆盖率 (%) 46.25 44.51* 45.14 完成
    const cells = (await row.locator('td').allTextContents()).map((c: string) => c.replace(/\s+/g, ''));
    expect(cells).toEqual(expect.arrayContaining(['森林覆盖率(%)', '46.25', '44.51*', '45.14']));
    await page.close();
  });

  it('diagnostics are listed and linked to their place in the text', async () => {
    const page = await open(pageOf('004_22f7cd4e67d48923'));
    const links = page.locator('[id^="diaglist-"] a');
    const n = await links.count();
    expect(n).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) {
      const href = (await links.nth(i).getAttribute('href'))!;
      expect(await page.locator(href).count()).toBe(1);
    }
    await page.close();
  });

  it('a <script> payload in a document stays text and never runs; Chinese renders (screenshot)', async () => {
    const page = await open(pageOf('report_script_payload'));
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
    expect(await page.locator('#text script, #text img, #text svg, h1 script').count()).toBe(0);
    const text = await page.locator('#text').textContent();
    expect(text).toContain('<script>window.__pwned=3</script>');
    expect(text).toContain('<img src=x onerror="window.__pwned=2">');
    expect(await page.locator('h1').textContent()).toContain('<script>window.__pwned=1</script>');
    expect(readFileSync(join(site, pageOf('report_script_payload')), 'utf8')).not.toMatch(/<script|<img|<svg onload/i);

    // Chinese glyphs, not boxes: with the CJK font missing every ideograph draws the same box, so two
    // different Chinese strings (and a string of private-use characters) would give identical images.
    const h1 = page.locator('h1');
    const shot = async (s: string) => {
      await h1.evaluate((el: Element, v: string) => (el.textContent = v), s);
      return h1.screenshot();
    };
    const a = await shot('生态环境保护规划');
    const b = await shot('城市更新工作方案');
    const tofu = await shot('\ue000\ue001\ue002\ue003\ue004\ue005\ue006\ue007');
    writeFileSync(join(tmpdir(), 'planx-report-chinese.png'), a);
    expect(a.equals(b)).toBe(false);
    expect(a.equals(tofu)).toBe(false);
    await page.close();
    expect(errors).toEqual([]);
  });
});
