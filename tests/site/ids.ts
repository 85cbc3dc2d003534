/** Session identifiers in the shapes common frameworks use, from node:crypto. */
import { randomBytes } from 'node:crypto';

function fromAlphabet(alphabet: string, length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += alphabet[b % alphabet.length];
  return out;
}

/** Tomcat JSESSIONID: 32 upper-case hex digits. */
export function tomcatSessionId(): string {
  return randomBytes(16).toString('hex').toUpperCase();
}

/** Django sessionid: 32 characters of [a-z0-9]. */
export function djangoSessionId(): string {
  return fromAlphabet('abcdefghijklmnopqrstuvwxyz0123456789', 32);
}

/** PHP PHPSESSID (sid_bits_per_character=5): 26 characters of [0-9a-v]. */
export function phpSessionId(): string {
  return fromAlphabet('0123456789abcdefghijklmnopqrstuv', 26);
}
