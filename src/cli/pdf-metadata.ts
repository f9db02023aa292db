// Makes a printed PDF depend only on what was printed: Chromium stamps the
// moment of printing as /CreationDate and /ModDate (and some writers add a
// random /ID), so the same report printed twice differed in a few bytes, and
// each `npm run reports` added a whole new PDF to git's history. Pure: bytes in,
// bytes out, no clock.
//
// Every value is replaced by one of the same length, so that the byte offsets in
// the cross-reference table stay right and the file needs no other repair.
import { createHash } from 'node:crypto';

const DATE = /\/(CreationDate|ModDate)\s*\(D:(\d{14})([^)]{0,8})\)/g;
const ID = /\/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]/g;

/**
 * The PDF with its creation and modification dates set to `at` (UTC) and its
 * /ID, if any, derived from the content instead of chance. A date whose time-zone
 * part cannot be written in UTC at the same length is left as it is.
 */
export function stabilizePdf(pdf: Uint8Array, at: Date): Buffer {
  // latin1 maps each byte to one character and back, so binary streams survive the round trip.
  let text = Buffer.from(pdf).toString('latin1');
  const stamp = at.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  text = text.replace(DATE, (whole, _key: string, time: string, zone: string) => {
    const utc = ["+00'00'", "+00'00", 'Z', ''].find((z) => z.length === zone.length);
    return utc === undefined ? whole : whole.replace(`D:${time}${zone}`, `D:${stamp}${utc}`);
  });
  // The ID names the file: a digest of everything else, so that it changes only when the content does.
  const digest = createHash('sha256').update(text.replace(ID, '/ID []')).digest('hex').toUpperCase();
  text = text.replace(ID, (whole, first: string, second: string) => whole.replace(`<${first}>`, `<${fit(digest, first.length)}>`).replace(`<${second}>`, `<${fit(digest, second.length)}>`));
  return Buffer.from(text, 'latin1');
}

/** The digest cut or repeated to `length` hex digits. */
function fit(digest: string, length: number): string {
  return digest.repeat(Math.ceil(length / digest.length)).slice(0, length);
}
