/**
 * Validators for the report contract and for SARIF, shared by the unit tests, the CLI and the e2e
 * tests. Node-side only (ajv compiles schemas to code, which extension pages' CSP forbids).
 */
import Ajv2020 from 'ajv/dist/2020';
import AjvDraft7 from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
// The official OASIS SARIF 2.1.0 schema (draft-04), as Microsoft's SARIF test matchers ship it.
import officialSarifSchema from '@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json';
import reportSchema from './report.schema.json';
import sarifSchema from './fixtures/sarif-2.1.0-subset.schema.json';

export interface Validation {
  valid: boolean;
  errors: string[];
}

type Check = ((data: unknown) => boolean) & { errors?: Array<{ instancePath: string; message?: string }> | null };

function run(check: Check, data: unknown): Validation {
  const valid = check(data);
  return { valid, errors: (check.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`) };
}

let reportCheck: Check | undefined;
let sarifCheck: Check | undefined;
let officialSarifCheck: Check | undefined;

export function validateReport(data: unknown): Validation {
  if (!reportCheck) {
    const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
    addFormats(ajv);
    reportCheck = ajv.compile(reportSchema) as Check;
  }
  return run(reportCheck, data);
}

/**
 * SARIF against the official 2.1.0 schema, and against our own subset, which additionally pins
 * what code-scanning tools rely on from us (rules with help URIs, one location per result).
 */
export function validateSarif(data: unknown): Validation {
  if (!sarifCheck) {
    const ajv = new AjvDraft7({ allErrors: true, strict: false });
    addFormats(ajv);
    sarifCheck = ajv.compile(sarifSchema) as Check;
  }
  if (!officialSarifCheck) {
    // unicodeRegExp off: the official schema's language pattern is not valid in the u flag's grammar.
    const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    officialSarifCheck = ajv.compile(officialSarifSchema) as Check;
  }
  const official = run(officialSarifCheck, data);
  const ours = run(sarifCheck, data);
  return {
    valid: official.valid && ours.valid,
    errors: [...official.errors.map((e) => `official schema: ${e}`), ...ours.errors],
  };
}
