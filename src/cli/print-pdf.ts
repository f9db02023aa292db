// Prints the HTML report to PDF with a Chromium or Chrome already on the
// machine, run headless as a child process. tira never downloads a browser.
import { execFile } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { stabilizePdf } from './pdf-metadata.js';
import { writeFileAtomic } from './write-files.js';

/** Environment variables that can name the browser, first match wins. */
export const BROWSER_ENV = ['TIRA_CHROME', 'CHROME_PATH', 'PUPPETEER_EXECUTABLE_PATH'] as const;
const BROWSER_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome', 'microsoft-edge'];
const KNOWN_PATHS = [
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
];

function isExecutable(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export type BrowserLookup = { found: string } | { found: null; tried: string };

/** The browser to print with: the --chrome option, else an environment variable, else the PATH, else the usual install places. */
export function findBrowser(option: string | undefined, env: Record<string, string | undefined>): BrowserLookup {
  if (option !== undefined) return isExecutable(option) ? { found: option } : { found: null, tried: `--chrome ${option}` };
  for (const name of BROWSER_ENV) {
    const value = env[name];
    if (value) return isExecutable(value) ? { found: value } : { found: null, tried: `${name}=${value}` };
  }
  const folders = (env.PATH ?? '').split(delimiter).filter(Boolean);
  const suffixes = process.platform === 'win32' ? ['.exe', ''] : [''];
  for (const name of BROWSER_NAMES) {
    for (const folder of folders) {
      for (const suffix of suffixes) {
        const candidate = join(folder, name + suffix);
        if (isExecutable(candidate)) return { found: candidate };
      }
    }
  }
  for (const path of KNOWN_PATHS) if (isExecutable(path)) return { found: path };
  return { found: null, tried: `${BROWSER_NAMES.join(', ')} on the PATH` };
}

export const HEADLESS_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-extensions',
];

/**
 * Prints `htmlFile` to `pdfFile` (replacing it only once the new one is complete),
 * dated `at`: the same report prints to the same bytes (see pdf-metadata.ts).
 * Like the other report files it is readable by its owner only.
 */
export async function printPdf(browser: string, htmlFile: string, pdfFile: string, at: Date, timeoutMs = 120_000): Promise<void> {
  const profile = mkdtempSync(join(tmpdir(), 'tira-chrome-'));
  // In the private profile folder: Chromium writes the file world-readable.
  const partial = join(profile, 'report.pdf');
  try {
    await new Promise<void>((done, fail) => {
      execFile(
        browser,
        [...HEADLESS_FLAGS, `--user-data-dir=${profile}`, '--no-pdf-header-footer', `--print-to-pdf=${partial}`, pathToFileURL(htmlFile).href],
        { timeout: timeoutMs, windowsHide: true },
        (error, _stdout, stderr) => (error ? fail(new Error(`${browser} failed: ${error.message}${stderr ? `\n${String(stderr).trim().split('\n').slice(-3).join('\n')}` : ''}`)) : done()),
      );
    });
    const pdf = readFileSync(partial);
    if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new Error(`${browser} did not write a PDF`);
    writeFileAtomic(pdfFile, stabilizePdf(pdf, at));
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
