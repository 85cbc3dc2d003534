/**
 * Does a cookie value carry personal data — an e-mail address, a phone number, or a JWT / JSON /
 * base64 payload with claims such as `email`, `name`, `phone_number`, `address` (issue 16)? The
 * value is examined in memory only; the answer names the kind and where it sits, never the data.
 * Cookie values are hostile input: every regex here is anchored or bounded so none backtracks
 * super-linearly, and the value is cut to the size a browser would store.
 */
import { decodeBase64Url, detectJwt, type JwtInfo } from './jwt';

export type PersonalDataKind = 'email' | 'phone' | 'name' | 'address' | 'birthdate';
export type PersonalDataLocation = 'value' | 'jwt-claim' | 'json-field' | 'base64-json-field' | 'base64-value';

export interface PersonalDataMatch {
  kind: PersonalDataKind;
  location: PersonalDataLocation;
  /** The claim or field that holds it, for the JSON kinds. */
  field?: string;
}

/** Browsers keep name + value within 4096 bytes; anything longer is not a stored cookie value. */
const MAX_SCAN = 4096;
const MAX_FIELDS = 200;

// Local part and labels exclude '@' and '.', so each piece has one way to match.
const EMAIL = /^[A-Za-z0-9._%+-]{1,64}@(?:[A-Za-z0-9-]{1,63}\.){1,8}[A-Za-z]{2,24}$/;
const TOKEN_SPLIT = /[\s"'&;,|=<>()[\]{}:/\\]+/;
/** E.164-like: a literal '+', then digits with the usual separators; the digits are counted after. */
const PHONE = /(?:^|[^\w+%])(\+\d[\d .()-]{6,18}\d)(?!\w)/;
const BASE64 = /^[A-Za-z0-9+/_-]{16,}={0,2}$/;

export function looksLikeEmail(s: string): boolean {
  return s.length <= 254 && s.includes('@') && EMAIL.test(s);
}

function digitCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) n++;
  return n;
}

function looksLikePhone(s: string): boolean {
  const m = PHONE.exec(s);
  if (!m) return false;
  const digits = digitCount(m[1] as string);
  return digits >= 8 && digits <= 15;
}

/** Claim and field names (lower-case, without `_`/`-`) → the kind of data they hold. */
const FIELDS = new Map<string, PersonalDataKind>([
  ['email', 'email'],
  ['mail', 'email'],
  ['emailaddress', 'email'],
  ['useremail', 'email'],
  ['phone', 'phone'],
  ['phonenumber', 'phone'],
  ['mobile', 'phone'],
  ['telephone', 'phone'],
  ['name', 'name'],
  ['fullname', 'name'],
  ['givenname', 'name'],
  ['familyname', 'name'],
  ['firstname', 'name'],
  ['lastname', 'name'],
  ['middlename', 'name'],
  ['address', 'address'],
  ['streetaddress', 'address'],
  ['postaladdress', 'address'],
  ['birthdate', 'birthdate'],
  ['dateofbirth', 'birthdate'],
  ['dob', 'birthdate'],
]);

function filled(kind: PersonalDataKind, key: string, v: unknown): boolean {
  if (typeof v === 'object' && v !== null) return kind === 'address' && Object.keys(v).length > 0;
  if (typeof v === 'number') return kind === 'phone' && digitCount(String(v)) >= 8;
  if (typeof v !== 'string' || v.trim() === '') return false;
  if (kind === 'email') return looksLikeEmail(v.trim());
  if (kind === 'phone') return digitCount(v) >= 7;
  // A bare `name` names many things ({"name":"cart"}); a person's name has at least two words.
  if (kind === 'name' && key === 'name') return /\s/.test(v.trim());
  return true;
}

/** Walks an object (two levels deep, a bounded number of fields) for personal-data fields. */
function inObject(
  obj: Record<string, unknown>,
  depth = 0,
  budget = { left: MAX_FIELDS },
): { kind: PersonalDataKind; field: string } | null {
  for (const [key, v] of Object.entries(obj)) {
    if (--budget.left < 0) return null;
    const norm = key.toLowerCase().replace(/[_-]/g, '');
    const kind = FIELDS.get(norm);
    if (kind && filled(kind, norm, v)) return { kind, field: key };
    if (typeof v === 'string' && looksLikeEmail(v.trim())) return { kind: 'email', field: key };
    if (depth < 2 && typeof v === 'object' && v !== null && !Array.isArray(v)) {
      const inner = inObject(v as Record<string, unknown>, depth + 1, budget);
      if (inner) return inner;
    }
  }
  return null;
}

function jsonObject(text: string): Record<string, unknown> | null {
  const t = text.trim();
  if (!t.startsWith('{')) return null;
  try {
    const v: unknown = JSON.parse(t);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** `phones`: false for base64-like text, where `/+1234…` is just alphabet. */
function inText(text: string, phones: boolean): PersonalDataKind | null {
  if (text.includes('@')) {
    for (const token of text.split(TOKEN_SPLIT)) if (looksLikeEmail(token)) return 'email';
  }
  if (phones && text.includes('+') && looksLikePhone(text)) return 'phone';
  return null;
}

/** Field names come from the value too: one that is not a plain identifier is not repeated. */
function safeField(key: string): string {
  return /^[A-Za-z][A-Za-z0-9_.-]{0,39}$/.test(key) && digitCount(key) < 4 ? key : '(unnamed)';
}

function urlDecoded(s: string): string {
  if (!s.includes('%')) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    return s.replace(/%40/gi, '@').replace(/%2B/gi, '+');
  }
}

/**
 * The first personal data found in a cookie value, or null. `jwt`: the classification's JWT
 * (undefined to detect it here).
 */
export function detectPersonalData(value: string, jwt?: JwtInfo | null): PersonalDataMatch | null {
  if (typeof value !== 'string' || value.length < 5) return null;
  const raw = value.length > MAX_SCAN ? value.slice(0, MAX_SCAN) : value;
  const token = jwt === undefined ? detectJwt(raw) : jwt;
  if (token?.payload) {
    const hit = inObject(token.payload);
    return hit ? { kind: hit.kind, location: 'jwt-claim', field: safeField(hit.field) } : null;
  }
  const unquoted = raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1) : raw;
  const text = urlDecoded(unquoted);
  const json = jsonObject(text);
  if (json) {
    const hit = inObject(json);
    return hit ? { kind: hit.kind, location: 'json-field', field: safeField(hit.field) } : null;
  }
  // Digits and separators alone (`+82-10-…`) are a phone number, not base64.
  const base64 = BASE64.test(text) && /[A-Za-z]/.test(text);
  const plain = inText(text, !base64);
  if (plain) return { kind: plain, location: 'value' };
  if (base64) {
    const decoded = decodeBase64Url(text.replace(/\+/g, '-').replace(/\//g, '_'));
    if (decoded === null) return null;
    const inner = jsonObject(decoded);
    if (inner) {
      const hit = inObject(inner);
      return hit ? { kind: hit.kind, location: 'base64-json-field', field: safeField(hit.field) } : null;
    }
    const kind = inText(decoded, true);
    if (kind) return { kind, location: 'base64-value' };
  }
  return null;
}

const KIND_TEXT: Record<PersonalDataKind, string> = {
  email: 'an e-mail address',
  phone: 'a phone number',
  name: "a person's name",
  address: 'a postal address',
  birthdate: 'a date of birth',
};

/** English phrases for the finding's message; the UI may translate from `kind`/`location`/`field`. */
export function personalDataText(m: PersonalDataMatch): { what: string; where: string } {
  const field = m.field ?? '';
  const where: Record<PersonalDataLocation, string> = {
    value: 'its value',
    'jwt-claim': `the JWT claim "${field}"`,
    'json-field': `the JSON field "${field}"`,
    'base64-json-field': `the base64-encoded JSON field "${field}"`,
    'base64-value': 'its base64-decoded value',
  };
  return { what: KIND_TEXT[m.kind], where: where[m.location] };
}
