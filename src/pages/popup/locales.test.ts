/**
 * The popup and the shared components are translated completely: every popup_/ui_ key exists in
 * both locales with the same placeholders, every key the code asks for exists, and every finding
 * ID has a localised one-liner with the catalogue's {placeholders}.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { CATALOGUE } from '../../analysis/findings';
import { FINDING_IDS } from '../../model/finding';
import { LIMIT_PROFILES } from '../../model/limits';
import { findingKey } from '../../ui/components/finding-text';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const root = resolve(import.meta.dirname, '../../..');
const load = (lang: string): Messages => JSON.parse(readFileSync(join(root, `assets/_locales/${lang}/messages.json`), 'utf8')) as Messages;
const en = load('en');
const ko = load('ko');
const ours = (m: Messages): string[] =>
  Object.keys(m)
    .filter((k) => k.startsWith('popup_') || k.startsWith('ui_'))
    .sort();

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.tsx?$/.test(f) && !f.includes('.test.') ? [p] : [];
  });
}

describe('popup and ui locales', () => {
  test('en and ko have the same popup_/ui_ keys', () => {
    expect(ours(en).length).toBeGreaterThan(50);
    expect(ours(ko)).toEqual(ours(en));
  });

  test.each(ours(en))('%s: Korean text with the same placeholders', (key) => {
    const e = en[key]!;
    const k = ko[key]!;
    expect(k.message.trim()).not.toBe('');
    expect(k.placeholders).toEqual(e.placeholders);
    const names = (s: string): string[] => [...s.matchAll(/\$(\w+)\$|\{(\w+)\}/g)].map((m) => (m[1] ?? m[2])!.toLowerCase()).sort();
    expect(names(k.message)).toEqual(names(e.message));
    // Korean text contains Hangul unless it is a technical token (HttpOnly, OK, JWT…).
    if (/[a-z]{3,}/i.test(e.message) && !/^[A-Za-z0-9 =.()$,/-]+$/.test(k.message)) expect(k.message).toMatch(/[\uac00-\ud7a3]/);
  });

  test('every literal popup_/ui_ key used in the code exists', () => {
    const dirs = ['src/ui/components', 'src/pages/popup'].map((d) => join(root, d));
    const used = new Set<string>();
    for (const file of dirs.flatMap(sources)) {
      for (const m of readFileSync(file, 'utf8').matchAll(/'((?:popup|ui)_[A-Za-z0-9_]+)'/g)) used.add(m[1]!);
    }
    for (const s of ['high', 'medium', 'low', 'info']) used.add(`ui_severity_${s}`);
    for (const s of ['ok', 'near', 'over']) used.add(`ui_meter_${s}`);
    for (const c of ['name', 'domain', 'path', 'size', 'expires']) used.add(`ui_col_${c}`);
    for (const id of Object.keys(LIMIT_PROFILES)) used.add(`popup_profile_${id}`);
    expect([...used].filter((k) => !(k in en)).sort()).toEqual([]);
  });

  test.each([...FINDING_IDS])('finding %s has a localised template with the catalogue placeholders', (id) => {
    const key = findingKey(id);
    const names = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
    expect(en[key]?.message).toBe(CATALOGUE[id].template);
    expect(names(ko[key]!.message)).toEqual(names(CATALOGUE[id].template));
  });
});
