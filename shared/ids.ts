import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/**
 * A short, time-ordered id (`off_lx2k9a7d3m4q`): sorts by creation time, so ids
 * used in sort keys keep lists in the order people expect without a second index.
 */
export function newId(prefix: string, now = Date.now()): string {
  const time = now.toString(32).padStart(9, '0');
  const bytes = randomBytes(8);
  let rand = '';
  for (const b of bytes) rand += ALPHABET[b % 32];
  return `${prefix}_${time}${rand}`;
}

export function nowIso(): string {
  return new Date().toISOString();
}
