/** Exit-code rules of the audit command (pure: a report's findings and --fail-on in, a code out). */
import { SEVERITIES, type Severity } from '../../src/model/finding';
import type { FailOn } from './args';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;

/** Findings at or above `failOn` (SEVERITIES runs from the most severe down). */
export function failing<T extends { severity: Severity }>(findings: readonly T[], failOn: FailOn): T[] {
  if (failOn === 'none') return [];
  const limit = SEVERITIES.indexOf(failOn);
  return findings.filter((f) => SEVERITIES.indexOf(f.severity) <= limit);
}

export function exitCodeFor(findings: readonly { severity: Severity }[], failOn: FailOn): number {
  return failing(findings, failOn).length > 0 ? EXIT_FINDINGS : EXIT_OK;
}
