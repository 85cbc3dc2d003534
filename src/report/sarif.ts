/**
 * SARIF 2.1.0 (OASIS): one result per finding, one rule per catalogue entry, so CI and code-scanning
 * tools can ingest a cookie audit. Cookies are not source files: a result's location is the URL
 * the cookie is sent to (or the response that set it) plus a logical location naming the cookie.
 */
import { CATALOGUE } from '../analysis/index';
import type { FindingId, Severity } from '../model/finding';
import { isSessionHeaderFinding } from './session-rows';
import type { AuditReport, ReportFinding } from './types';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** SARIF levels: high → error, medium → warning, low and info → note. */
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { high: 'error', medium: 'warning', low: 'note', info: 'note' };
/** GitHub code scanning reads `security-severity` (CVSS-like 0–10) to rank security results. */
const SECURITY_SEVERITY: Record<Severity, string> = { high: '8.0', medium: '5.0', low: '3.0', info: '0.0' };

function location(f: ReportFinding): Record<string, unknown> {
  switch (f.kind) {
    case 'cookie': {
      const { name, domain, path } = f.cookie;
      return {
        physicalLocation: { artifactLocation: { uri: `https://${domain}${path}` } },
        logicalLocations: [{ name, fullyQualifiedName: `${domain}${path} ${name}`, kind: 'cookie' }],
      };
    }
    case 'header':
      return {
        physicalLocation: { artifactLocation: { uri: f.header.url } },
        logicalLocations: [
          {
            name: f.header.name ?? '',
            fullyQualifiedName: `${f.header.url} ${isSessionHeaderFinding(f.id) ? '' : 'Set-Cookie '}${f.header.name ?? ''}`,
            kind: 'header',
          },
        ],
      };
    case 'domain':
      return {
        physicalLocation: { artifactLocation: { uri: `https://${f.domain.domain}/` } },
        logicalLocations: [{ name: f.domain.domain, fullyQualifiedName: `${f.domain.domain} ${f.domain.storeId}`, kind: 'domain' }],
      };
  }
}

function subjectKey(f: ReportFinding): string {
  if (f.kind === 'cookie') return `${f.cookie.domain}|${f.cookie.path}|${f.cookie.name}`;
  if (f.kind === 'header') return `${f.header.url}|${f.header.name ?? ''}`;
  return `${f.domain.domain}|${f.domain.storeId}|${f.domain.partition ?? ''}`;
}

export function toSarif(report: AuditReport): string {
  const ids = Object.keys(CATALOGUE).sort() as FindingId[];
  const index = new Map(ids.map((id, i) => [id, i]));
  const rules = ids.map((id) => {
    const e = CATALOGUE[id];
    const ref = e.references[0];
    return {
      id,
      name: e.title.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : '')),
      shortDescription: { text: e.title },
      fullDescription: { text: e.template },
      helpUri: ref?.url,
      help: { text: e.references.map((r) => `${r.label}: ${r.url}`).join('\n') },
      defaultConfiguration: { level: LEVEL[e.severity] },
      properties: { tags: ['security', 'cookies'], severity: e.severity, 'security-severity': SECURITY_SEVERITY[e.severity] },
    };
  });
  const results = report.findings.map((f) => ({
    ruleId: f.id,
    ruleIndex: index.get(f.id),
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [location(f)],
    partialFingerprints: { 'cookieFinding/v1': `${f.id}|${subjectKey(f)}` },
    properties: { severity: f.severity, reference: f.reference.url },
  }));
  const run = {
    tool: {
      driver: {
        name: report.generator.name,
        version: report.generator.version,
        rules,
      },
    },
    automationDetails: { id: `cookie-audit/${report.scope.kind}/` },
    invocations: [{ executionSuccessful: true, endTimeUtc: report.generatedAt }],
    properties: { browser: report.browser, scope: report.scope, limitProfile: report.limitProfile.id },
    results,
  };
  const body = JSON.stringify({ $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] }, null, 2);
  // The log's property bag carries the values flag on the first line, as every format does.
  return `{ "properties": { "valuesIncluded": ${report.valuesIncluded === true} },${body.slice(1)}\n`;
}
