/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// `tira report` end to end: the built CLI on a generated workspace, every format
// written; the HTML loaded in headless Chromium (puppeteer-core, the system's
// browser, no download) at desktop and phone width; the PDF printed.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateWorkspace } from '../../scripts/generate-workspace.js';
import { chromium } from '../helpers/browser.js';
import { tira } from '../helpers/run-cli.js';

let tmp: string;
let workspace: string;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'tira-report-'));
  workspace = join(tmp, 'agency');
  generateWorkspace(workspace, { respondents: 20, seed: 3 });
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('tira report', () => {
  it('writes Markdown, CSV, JSON and HTML into <dir>/reports by default', async () => {
    const { code, stdout, stderr } = await tira(['report', workspace], { SOURCE_DATE_EPOCH: '1767225600' });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Wrote 8 files to .*reports: report\.md, indicators\.csv/);
    // The next step for an agency in a network: a command it can copy.
    expect(stdout).toMatch(/^To send these figures to a network roll-up .*: tira export \S+ --out <folder>\/$/m);
    expect(readdirSync(join(workspace, 'reports')).sort()).toEqual(
      ['action-plan.csv', 'indicators.csv', 'notes.csv', 'perspectives.csv', 'report.html', 'report.json', 'report.md', 'summary.csv'],
    );
    const report = JSON.parse(readFileSync(join(workspace, 'reports', 'report.json'), 'utf8'));
    expect(report.report.generatedAt).toBe('2026-01-01T00:00:00.000Z');
  });

  // Reports quote respondents' notes: readable by their owner only, like the workspace's own files.
  it.skipIf(process.platform === 'win32')('makes the reports folder 700 and every file 600, also under --out', async () => {
    const reports = join(workspace, 'reports');
    expect(statSync(reports).mode & 0o777).toBe(0o700);
    for (const name of readdirSync(reports)) expect([name, statSync(join(reports, name)).mode & 0o777]).toEqual([name, 0o600]);
    const out = join(tmp, 'private', 'board');
    expect((await tira(['report', workspace, '--format', 'md', '--out', out])).code).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o700);
    expect(statSync(join(tmp, 'private')).mode & 0o777).toBe(0o700);
    expect(statSync(join(out, 'report.md')).mode & 0o777).toBe(0o600);
  });

  it('takes formats repeated or as a comma list, --by and --out', async () => {
    const out = join(tmp, 'packet');
    const { code } = await tira(['report', workspace, '--format', 'md,json', '-f', 'csv', '--by', 'samhsa-2014', '--out', out]);
    expect(code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['action-plan.csv', 'indicators.csv', 'notes.csv', 'perspectives.csv', 'report.json', 'report.md', 'summary.csv']);
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toMatch(/## Through another framework: SAMHSA/);
  });

  it.each([
    [['--format', 'docx'], /--format docx: not a report format; use one or more of md, csv, json, html, pdf/],
    [['--by', 'nope'], /--by nope: .*use samhsa-2014/],
  ])('refuses %j with exit 2', async (args, message) => {
    const { code, stderr } = await tira(['report', workspace, ...args]);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it('refuses a file as --out', async () => {
    const file = join(tmp, 'a-file');
    writeFileSync(file, 'x');
    const { code, stderr } = await tira(['report', workspace, '--out', file]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/is a file; name a folder/);
  });

  it('says what to do when the folder is not a workspace', async () => {
    const { code, stderr } = await tira(['report', join(tmp, 'nowhere')]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/no such folder/);
  });

  it('without a browser, --format pdf exits 2 and says how to get one or print the HTML', async () => {
    const out = join(tmp, 'no-browser');
    const { code, stderr } = await tira(['report', workspace, '--format', 'pdf', '--out', out], { PATH: '/nonexistent', TIRA_CHROME: '', CHROME_PATH: '', PUPPETEER_EXECUTABLE_PATH: '' });
    expect(code).toBe(2);
    expect(stderr).toMatch(/needs Chromium or Chrome/);
    expect(stderr).toMatch(/apt-get install chromium/);
    expect(stderr).toMatch(/Print, then Save as PDF/);
    expect(existsSync(out)).toBe(false);
  });

  it('--chrome naming a missing file exits 2', async () => {
    const { code, stderr } = await tira(['report', workspace, '--format', 'pdf', '--chrome', '/no/such/chrome']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/looked for --chrome \/no\/such\/chrome/);
  });
});

describe.skipIf(!chromium)('the HTML report in headless Chromium', () => {
  type Browser = import('puppeteer-core').Browser;
  let browser: Browser;
  let url: string;

  beforeAll(async () => {
    const { code } = await tira(['report', workspace, '--format', 'html', '--by', 'samhsa-2014', '--out', join(tmp, 'html')]);
    expect(code).toBe(0);
    url = pathToFileURL(join(tmp, 'html', 'report.html')).href;
    const puppeteer = (await import('puppeteer-core')).default;
    browser = await puppeteer.launch({
      executablePath: chromium!,
      userDataDir: mkdtempSync(join(tmp, 'profile-')),
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 60_000);
  afterAll(async () => browser?.close());

  async function open(width: number) {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warn') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${String(e)}`));
    page.on('requestfailed', (r) => problems.push(`failed request: ${r.url()}`));
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.setViewport({ width, height: 900 });
    await page.goto(url, { waitUntil: 'load' });
    return { page, problems, requests };
  }

  it('loads from a file:// URL with no console error, no failed request and nothing fetched', async () => {
    const { page, problems, requests } = await open(1280);
    expect(problems).toEqual([]);
    expect(requests).toEqual([url]);
    await page.close();
  });

  it('renders the charts: a radar with its data and target per rubric, coloured heatmaps', async () => {
    const { page } = await open(1280);
    const charts = await page.evaluate(() =>
      [...document.querySelectorAll('svg.radar')].map((svg) => {
        const box = svg.getBoundingClientRect();
        const data = svg.querySelector('.data') as SVGGraphicsElement | null;
        const target = svg.querySelector('.target') as SVGGraphicsElement | null;
        return { width: box.width, height: box.height, data: data ? data.getBBox().width : 0, target: target ? target.getBBox().width : 0, label: svg.getAttribute('aria-labelledby') };
      }),
    );
    expect(charts).toHaveLength(3);
    for (const c of charts) {
      expect(c.width).toBeGreaterThan(300);
      expect(c.data).toBeGreaterThan(10);
      expect(c.target).toBeGreaterThan(10);
      expect(c.label).toMatch(/title .*desc/);
    }
    const cells = await page.evaluate(() =>
      [...document.querySelectorAll('table.heatmap td[class*="band-"]')].map((td) => getComputedStyle(td).backgroundColor),
    );
    expect(cells.length).toBeGreaterThan(40);
    expect(new Set(cells).size).toBeGreaterThan(1);
    expect(cells).not.toContain('rgba(0, 0, 0, 0)');
    await page.close();
  });

  it('fits a phone: nothing but the tables scrolls sideways', async () => {
    const { page } = await open(390);
    const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, view: window.innerWidth }));
    expect(widths.page).toBeLessThanOrEqual(widths.view);
    await page.close();
  });

  it('prints: sections start on new pages, and a table row is never cut', async () => {
    const { page } = await open(1280);
    await page.emulateMediaType('print');
    const style = await page.evaluate(() => ({
      h2: getComputedStyle(document.querySelector('#matrix h2')!).breakBefore,
      row: getComputedStyle(document.querySelector('tr')!).breakInside,
      head: getComputedStyle(document.querySelector('thead')!).display,
      toc: getComputedStyle(document.querySelector('nav.toc')!).display,
    }));
    expect(style).toEqual({ h2: 'page', row: 'avoid', head: 'table-header-group', toc: 'none' });
    await page.close();
  });
});

describe.skipIf(!chromium)('tira report --format pdf', () => {
  it('prints the HTML report to a PDF of several pages', async () => {
    const out = join(tmp, 'pdf');
    const { code, stdout, stderr } = await tira(['report', workspace, '--format', 'pdf', '--out', out, '--chrome', chromium!]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/Wrote 1 file to .*: report\.pdf/);
    const pdf = readFileSync(join(out, 'report.pdf'));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBeGreaterThan(5);
    // Only the PDF was asked for: the HTML it was printed from is not left behind.
    expect(readdirSync(out)).toEqual(['report.pdf']);
    // Owner only, like every other report file.
    expect(statSync(join(out, 'report.pdf')).mode & 0o777).toBe(0o600);
  }, 120_000);

  it('the same report prints to the same bytes, dated as the report is', async () => {
    const env = { SOURCE_DATE_EPOCH: '1772409600' }; // 2026-03-02T00:00:00Z
    const print = async (name: string) => {
      const out = join(tmp, name);
      expect((await tira(['report', workspace, '--format', 'pdf', '--out', out, '--chrome', chromium!], env)).code).toBe(0);
      return readFileSync(join(out, 'report.pdf'));
    };
    const first = await print('pdf-a');
    // A second apart at least, so that a time stamp from the clock would differ.
    await new Promise((r) => setTimeout(r, 1100));
    const second = await print('pdf-b');
    expect(second.equals(first)).toBe(true);
    expect(first.toString('latin1')).toContain("/CreationDate (D:20260302000000+00'00')");
  }, 120_000);
});
