/**
 * The database's descriptions, kept out of the lookup: they are twice its size and only the pages
 * that show a cookie's details (the report, the panel's inspector) need them.
 */
import { DESCRIPTIONS } from './descriptions.generated';

export function databaseDescription(index: number): string | undefined {
  const d = DESCRIPTIONS[index];
  return d === undefined || d === '' ? undefined : d;
}
