/**
 * Validators for the report contract and for SARIF, shared by the unit tests, the CLI and the e2e
 * tests. Node-side only (ajv compiles schemas to code, which extension pages' CSP forbids).
 */
import Ajv2020 from 'ajv/dist/2020';
import AjvDraft7 from 'ajv';
import addFormats from 'ajv-formats';
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

export function validateReport(data: unknown): Validation {
  if (!reportCheck) {
    const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
    addFormats(ajv);
    reportCheck = ajv.compile(reportSchema) as Check;
  }
  return run(reportCheck, data);
}

export function validateSarif(data: unknown): Validation {
  if (!sarifCheck) {
    const ajv = new AjvDraft7({ allErrors: true, strict: false });
    addFormats(ajv);
    sarifCheck = ajv.compile(sarifSchema) as Check;
  }
  return run(sarifCheck, data);
}
