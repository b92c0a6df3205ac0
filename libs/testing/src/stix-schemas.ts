import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020, { type ErrorObject } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

const BASE = 'http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas';

/**
 * The OASIS STIX 2.1 JSON schemas, from `shared/stix2-schemas` beside the repository
 * (CI puts a copy of shared/ there). Throws when they are missing: a STIX test must fail,
 * never pass by skipping.
 */
export function stixSchemasDir(repoRoot = join(__dirname, '..', '..', '..')): string {
  const dir = join(repoRoot, '..', 'shared', 'stix2-schemas', 'schemas');
  if (!existsSync(join(dir, 'common', 'bundle.json'))) {
    throw new Error(
      `STIX 2.1 schemas not found at ${dir}; put a copy of shared/ beside the repository`,
    );
  }
  return dir;
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : f.endsWith('.json') ? [p] : [];
  });
}

export interface StixValidation {
  valid: boolean;
  errors: string[];
}

/** Validates a bundle, and each object against its own type's schema where there is one. */
export function createStixValidator(dir = stixSchemasDir()): (bundle: unknown) => StixValidation {
  const ajv = new Ajv2020({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  // ajv-formats has no idn-hostname; domain-name.json uses it for internationalised names.
  ajv.addFormat('idn-hostname', true);
  for (const f of files(dir)) ajv.addSchema(JSON.parse(readFileSync(f, 'utf8')) as object);
  const bundle = ajv.getSchema(`${BASE}/common/bundle.json`);
  if (!bundle) throw new Error('bundle.json schema did not load');
  const kinds: Record<string, string> = {
    indicator: 'sdos/indicator.json',
    identity: 'sdos/identity.json',
    'marking-definition': 'common/marking-definition.json',
  };
  const describe = (where: string, errs: ErrorObject[] | null | undefined) =>
    (errs ?? []).map((e) => `${where}${e.instancePath} ${e.message ?? ''}`);
  return (doc) => {
    const errors: string[] = [];
    if (!bundle(doc)) errors.push(...describe('bundle', bundle.errors));
    const objects = (doc as { objects?: { type?: string; id?: string }[] }).objects ?? [];
    for (const o of objects) {
      const kind = o.type ? kinds[o.type] : undefined;
      if (!kind) {
        errors.push(`${o.id ?? '?'}: no schema for type ${o.type ?? '?'}`);
        continue;
      }
      const validate = ajv.getSchema(`${BASE}/${kind}`);
      if (!validate) throw new Error(`${kind} schema did not load`);
      if (!validate(o)) errors.push(...describe(o.id ?? '?', validate.errors));
    }
    return { valid: errors.length === 0, errors };
  };
}
