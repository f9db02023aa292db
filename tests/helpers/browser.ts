// Where the tests find a Chromium: the same lookup `tira report --format pdf`
// uses. CI installs Debian's `chromium` (.ci/run); tests that need it skip, with
// a message, only when none is installed.
import { findBrowser } from '../../src/cli/print-pdf.js';

const lookup = findBrowser(undefined, process.env);
export const chromium: string | null = lookup.found;
if (lookup.found === null) console.warn(`Chromium not found (looked for ${lookup.tried}): browser and PDF tests are skipped. Install it: apt-get install chromium`);
