/** The JSON rendering: the contract every other format (and the CLI) reads back. */
import type { AuditReport } from './types';

/**
 * Pretty-printed JSON whose first line says whether cookie values are in it: `valuesIncluded` is
 * the first member, kept on the opening line so `head -1` answers the question.
 */
export function toJson(report: AuditReport): string {
  const { valuesIncluded, ...rest } = report;
  const body = JSON.stringify(rest, null, 2);
  return `{ "valuesIncluded": ${valuesIncluded === true},${body.slice(1)}\n`;
}
