import { expect, test } from 'vitest';
import { DEFAULT_SETTINGS } from '../model/events';
import { InvalidSettingError, loadSettings, saveSettings, validateSettingsPatch } from './settings';
import { openTestDb } from './test-helpers';

test('defaults until saved, then the saved values', async () => {
  const db = openTestDb();
  expect(await loadSettings(db)).toEqual(DEFAULT_SETTINGS);
  const saved = await saveSettings(db, { recordValues: true, retentionMaxAgeDays: 30 });
  expect(saved).toEqual({ ...DEFAULT_SETTINGS, recordValues: true, retentionMaxAgeDays: 30 });
  expect(await loadSettings(db)).toEqual(saved);
});

test('a stored row of the wrong type reads as the default', async () => {
  const db = openTestDb();
  await db.settings.bulkPut([
    { key: 'paused', value: 'yes' },
    { key: 'futureSetting', value: 1 },
  ]);
  expect(await loadSettings(db)).toEqual(DEFAULT_SETTINGS);
});

test.each([
  [{ recordValues: 'true' }, 'invalid value for "recordValues"'],
  [{ retentionMaxEvents: 0 }, 'invalid value for "retentionMaxEvents"'],
  [{ retentionMaxAgeDays: 1.5 }, 'invalid value for "retentionMaxAgeDays"'],
  [{ limitProfile: 'netscape' }, 'invalid value for "limitProfile"'],
  [{ toString: 1 }, 'unknown setting "toString"'],
  [null, 'must be an object'],
])('rejects %o', (patch, message) => {
  expect(() => validateSettingsPatch(patch)).toThrow(InvalidSettingError);
  expect(() => validateSettingsPatch(patch)).toThrow(message);
});

test('a rejected patch changes nothing', async () => {
  const db = openTestDb();
  await expect(saveSettings(db, { paused: true, limitProfile: 'nope' })).rejects.toThrow(InvalidSettingError);
  expect(await loadSettings(db)).toEqual(DEFAULT_SETTINGS);
});
