/**
 * axe-core run inside a page of the built extension. The engine is injected from the test (never
 * bundled into the extension): its source is evaluated in the page, then `axe.run` checks the
 * document against WCAG 2.1 A and AA.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { TrackedPage } from '../../../scripts/browser/types';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Rules switched off, each with its reason. Empty is the goal; add an entry only with a reason a
 * reviewer can check.
 */
export const DISABLED_RULES: Record<string, string> = {};

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string; summary: string }>;
}

/**
 * Every WCAG 2.1 A/AA violation on the page as it is now (an empty array when clean). Throws when
 * axe checked next to nothing (the engine did not run on the page's content).
 */
export async function axeViolations(p: TrackedPage): Promise<AxeViolation[]> {
  const loaded = await p.page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe === 'object');
  if (!loaded) await p.page.evaluate(AXE_SOURCE);
  const rules = Object.fromEntries(Object.keys(DISABLED_RULES).map((id) => [id, { enabled: false }]));
  return (await p.page.evaluate(
    async (tags: string[], r: Record<string, { enabled: boolean }>) => {
      interface Result {
        passes: unknown[];
        violations: Array<{
          id: string;
          impact: string | null;
          help: string;
          nodes: Array<{ target: unknown[]; failureSummary?: string }>;
        }>;
      }
      const axe = (globalThis as unknown as { axe: { run(ctx: Document, o: unknown): Promise<Result> } }).axe;
      const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, rules: r, resultTypes: ['violations'] });
      if (result.passes.length + result.violations.length < 10) throw new Error(`axe checked only ${result.passes.length} rules`);
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target.map(String).join(' '), summary: n.failureSummary ?? '' })),
      }));
    },
    WCAG_TAGS,
    rules,
  )) as AxeViolation[];
}

/** A readable failure message: rule, impact, help and the first offending nodes. */
export function describeViolations(where: string, violations: readonly AxeViolation[]): string {
  return violations
    .map(
      (v) =>
        `${where}: ${v.id} (${v.impact ?? '?'}) ${v.help}\n${v.nodes.map((n) => `    ${n.target}: ${n.summary.replace(/\n/g, ' ')}`).join('\n')}`,
    )
    .join('\n');
}
