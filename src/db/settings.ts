/**
 * Recording settings, one `settings` row per key so a new setting needs no migration: a missing
 * row reads as its default. Patches come from the UIs through messaging, so they are validated here.
 */
import { DEFAULT_SETTINGS, type HeaderCaptureMode, type LimitProfile, type Settings } from '../model/events';
import type { CookieLogDB } from './schema';

const CAPTURE_MODES: readonly HeaderCaptureMode[] = ['inspected', 'all'];
const LIMIT_PROFILES: readonly LimitProfile[] = ['auto', 'rfc2109', 'rfc6265', 'chromium', 'firefox'];

type Validator<K extends keyof Settings> = (v: unknown) => v is Settings[K];

const isBool = (v: unknown): v is boolean => typeof v === 'boolean';
const isPositiveInt = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) > 0;

const VALIDATORS: { [K in keyof Settings]: Validator<K> } = {
  recordValues: isBool,
  headerCapture: (v): v is HeaderCaptureMode => CAPTURE_MODES.includes(v as HeaderCaptureMode),
  paused: isBool,
  retentionMaxEvents: isPositiveInt,
  retentionMaxAgeDays: isPositiveInt,
  retentionMaxBytes: isPositiveInt,
  limitProfile: (v): v is LimitProfile => LIMIT_PROFILES.includes(v as LimitProfile),
};

export class InvalidSettingError extends Error {
  override name = 'InvalidSettingError';
}

/** The known, valid entries of a patch; throws on an unknown key or a bad value. */
export function validateSettingsPatch(patch: unknown): Partial<Settings> {
  if (typeof patch !== 'object' || patch === null) throw new InvalidSettingError('settings patch must be an object');
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (!Object.hasOwn(VALIDATORS, key)) throw new InvalidSettingError(`unknown setting "${key}"`);
    if (!VALIDATORS[key as keyof Settings](value)) throw new InvalidSettingError(`invalid value for "${key}"`);
    out[key] = value;
  }
  return out as Partial<Settings>;
}

export async function loadSettings(db: CookieLogDB): Promise<Settings> {
  const rows = await db.settings.toArray();
  const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const { key, value } of rows) {
    // A row left by a newer or broken version must not break recording: keep the default.
    if (Object.hasOwn(VALIDATORS, key) && VALIDATORS[key as keyof Settings](value)) settings[key] = value;
  }
  return settings as unknown as Settings;
}

/** Validates and stores a patch; returns the resulting settings. */
export async function saveSettings(db: CookieLogDB, patch: unknown): Promise<Settings> {
  const valid = validateSettingsPatch(patch);
  await db.transaction('rw', db.settings, async () => {
    await db.settings.bulkPut(Object.entries(valid).map(([key, value]) => ({ key, value })));
  });
  return loadSettings(db);
}
