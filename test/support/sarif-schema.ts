// Validates SARIF logs against the SARIF 2.1.0 JSON schema as shipped in an npm package (no download):
// @microsoft/jest-sarif carries schemastore's sarif-2.1.0-rtm.5.json, a draft-04 schema, hence ajv-draft-04; one of
// its patterns (language tags) is not a valid Unicode-mode regular expression, hence unicodeRegExp: false.
import { readFileSync } from 'node:fs';
import Ajv from 'ajv-draft-04';
import type { ErrorObject } from 'ajv';

const SCHEMA_FILE = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

let validate: ReturnType<Ajv['compile']> | undefined;

/** The schema's complaints about `log`, one a line; empty when it is valid SARIF 2.1.0. */
export function sarifSchemaErrors(log: unknown): string[] {
  validate ??= new Ajv({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false }).compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')));
  if (validate(log)) return [];
  return (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath || '/'} ${e.message}${e.params ? ' ' + JSON.stringify(e.params) : ''}`);
}
