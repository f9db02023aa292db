// Stable codes for agencies under --anonymize: the same agency gets the same code
// in every format and on every run, whatever the order of the inputs, and nothing
// in a code spells the name. Codes are a keyed hash of the name: with a secret key
// (TIRA_ANONYMIZE_KEY) nobody who lacks it can work a code out from a list of
// names; without one, someone holding that list could, by hashing each name.
import { createHmac } from 'node:crypto';

/** Crockford's base 32: no I, L, O or U, so that a code reads back unambiguously. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const START_LENGTH = 6;

/** The form of a name that decides its code: case, spacing and Unicode form do not matter. */
export function normalizeAgencyName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

function digest(name: string, key: string): string {
  const bytes = createHmac('sha256', key).update(normalizeAgencyName(name), 'utf8').digest();
  let out = '';
  for (const byte of bytes) out += ALPHABET[byte & 31];
  return out;
}

/**
 * A code per distinct name: `AG-` and six characters, lengthened for the names
 * whose first six collide, so that two agencies never share a code. The result
 * depends on the set of names, not their order.
 */
export function agencyCodes(names: Iterable<string>, key: string, prefix = 'AG'): Map<string, string> {
  const distinct = new Map<string, string>();
  for (const name of names) distinct.set(normalizeAgencyName(name), name);
  const digests = new Map([...distinct.keys()].map((n) => [n, digest(n, key)]));
  const codes = new Map<string, string>();
  let length = START_LENGTH;
  let pending = [...digests.keys()];
  while (pending.length > 0) {
    const byCode = new Map<string, string[]>();
    for (const n of pending) {
      const code = digests.get(n)!.slice(0, length);
      byCode.set(code, [...(byCode.get(code) ?? []), n]);
    }
    pending = [];
    for (const [code, owners] of byCode) {
      if (owners.length === 1 || length >= 52) for (const n of owners) codes.set(n, `${prefix}-${code}`);
      else pending.push(...owners);
    }
    length += 2;
  }
  const out = new Map<string, string>();
  for (const [normalized, original] of distinct) {
    out.set(original, codes.get(normalized)!);
    out.set(normalized, codes.get(normalized)!);
  }
  return out;
}

/** The code of one name from a map made by agencyCodes. */
export function codeOf(codes: ReadonlyMap<string, string>, name: string): string {
  return codes.get(name) ?? codes.get(normalizeAgencyName(name))!;
}
