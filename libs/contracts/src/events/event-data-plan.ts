import {
  getMetadataStorage,
  ValidationTypes,
  type ValidationArguments,
  type ValidatorConstraintInterface,
} from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { TransformationType } from 'class-transformer';
import type { MetadataStorage as TransformerMetadata } from 'class-transformer/types/MetadataStorage';

// class-transformer keeps its @Type metadata in a module its index does not re-export.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as {
  defaultMetadataStorage: TransformerMetadata;
};

/**
 * A fast path for `validateEventData`: what `plainToInstance` followed by `validateSync(...,
 * { whitelist: true, forbidNonWhitelisted: true })` does to an event's JSON data, planned once
 * per class from the two libraries' own metadata and run with class-validator's own
 * constraint objects (the same `isUUID`, `maxLength`, ... calls). class-validator has no
 * compiled mode, and its executor re-reads and regroups every class's metadata and builds an
 * error object for every property of every event: 10-15% of the exchange's and the
 * normaliser's CPU under load (docs/performance.md).
 *
 * It only ever answers "valid, here is the instance" or "don't know": anything it does not
 * plan for (a decorator it does not know, `null`, an object where no `@Type` says which
 * class, an asynchronous constraint...) and every invalid event go to the two libraries,
 * which then decide and word the errors. So it may send a valid event the slow way, never
 * accept one they would refuse: `event-data-plan.spec.ts` checks that against them for
 * every event contract and thousands of mutated inputs.
 */
export function acceptEventData<T extends object>(cls: new () => T, data: unknown): T | undefined {
  const plan = planFor(cls);
  return plan ? (build(plan, data) as T | undefined) : undefined;
}

/** One constraint of one decorator, its validator resolved once (class-validator does it per call). */
interface Check {
  property: string;
  each: boolean;
  constraints: unknown[];
  validate: (value: unknown, args: ValidationArguments) => unknown;
}

interface PropertyPlan {
  name: string;
  /** `@IsOptional`, `@ValidateIf`: the property is validated only if all hold. */
  conditions: ((object: object, value: unknown) => boolean)[];
  checks: Check[];
  /** `@ValidateNested`: set when the value's objects must themselves be valid. */
  nested: boolean;
  /** `@Type(() => C)`: the class plain objects in this property become. */
  type?: ClassPlan;
}

interface ClassPlan {
  cls: new () => object;
  properties: PropertyPlan[];
  byName: Map<string, PropertyPlan>;
}

const plans = new Map<new () => object, ClassPlan | null>();

function planFor(cls: new () => object): ClassPlan | undefined {
  if (!plans.has(cls)) {
    plans.set(cls, null); // a class that contains itself is not planned
    plans.set(cls, makePlan(cls) ?? null);
  }
  return plans.get(cls) ?? undefined;
}

/** undefined when the class uses anything this fast path does not reproduce exactly. */
function makePlan(cls: new () => object): ClassPlan | undefined {
  const validation = getMetadataStorage();
  // The same call, with the same arguments, as class-validator's executor makes.
  const metadatas = validation.getTargetValidationMetadatas(cls, '', false, false, undefined);
  if (metadatas.length === 0) return undefined; // forbidUnknownValues refuses such objects
  if (
    defaultMetadataStorage.getExposedMetadatas(cls).length > 0 ||
    defaultMetadataStorage.getExcludedMetadatas(cls).length > 0
  )
    return undefined;
  const byName = new Map<string, ValidationMetadata[]>();
  for (const m of metadatas) {
    if (typeof m.target === 'string') return undefined;
    byName.set(m.propertyName, [...(byName.get(m.propertyName) ?? []), m]);
  }
  // Fields the constructor sets that no decorator names would fail the whitelist.
  if (Object.keys(new cls()).some((k) => !byName.has(k))) return undefined;
  const properties: PropertyPlan[] = [];
  for (const [name, ms] of byName) {
    if (
      defaultMetadataStorage.findTransformMetadatas(cls, name, TransformationType.PLAIN_TO_CLASS)
        .length > 0
    )
      return undefined;
    const property: PropertyPlan = { name, conditions: [], checks: [], nested: false };
    for (const m of ms) {
      switch (m.type) {
        case ValidationTypes.CONDITIONAL_VALIDATION:
          property.conditions.push(m.constraints[0] as PropertyPlan['conditions'][number]);
          break;
        case ValidationTypes.CUSTOM_VALIDATION:
        case ValidationTypes.IS_DEFINED: {
          for (const c of validation.getTargetValidatorConstraints(m.constraintCls)) {
            if (c.async) return undefined;
            const instance = c.instance as ValidatorConstraintInterface;
            property.checks.push({
              property: m.propertyName,
              each: m.each === true,
              constraints: m.constraints,
              validate: (value, args) => instance.validate(value, args),
            });
          }
          break;
        }
        case ValidationTypes.NESTED_VALIDATION:
          property.nested = true;
          break;
        case ValidationTypes.WHITELIST:
          break;
        default:
          return undefined; // promise validation, schemas, anything newer
      }
    }
    const typed = defaultMetadataStorage.findTypeMetadata(cls, name);
    if (typed) {
      if (typed.options?.discriminator) return undefined;
      const target = typed.typeFunction() as unknown;
      const nestedPlan = typeof target === 'function' && planFor(target as new () => object);
      if (!nestedPlan) return undefined;
      property.type = nestedPlan;
    }
    properties.push(property);
  }
  return { cls, properties, byName: new Map(properties.map((p) => [p.name, p])) };
}

/** An object literal or JSON.parse result (of any realm: Jest's structuredClone is not ours). */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as object | null;
  return proto === Object.prototype || (proto !== null && Object.getPrototypeOf(proto) === null);
}

/** plainToInstance's result for `data`, if class-validator would accept it; else undefined. */
function build(plan: ClassPlan, data: unknown): object | undefined {
  if (!isPlainObject(data)) return undefined;
  const instance = new plan.cls() as Record<string, unknown>;
  // plainToInstance copies the keys in their order; a key no decorator names would fail
  // forbidNonWhitelisted (or is one plainToInstance skips): the libraries decide.
  for (const key of Object.keys(data)) {
    const p = plan.byName.get(key);
    if (!p) return undefined;
    const value = transform(p, data[key]);
    if (value === FAIL) return undefined;
    instance[key] = value;
  }
  for (const p of plan.properties) {
    const value = instance[p.name];
    if (!p.conditions.every((holds) => holds(instance, value))) continue;
    for (const check of p.checks) if (!passes(instance, value, check)) return undefined;
    // @ValidateNested: transform() built (and so validated) every object in the value; an
    // undefined value passes, anything else must be such an object or an array of them.
    if (p.nested && value !== undefined && !(p.type && typeof value === 'object' && value))
      return undefined;
  }
  return instance;
}

const FAIL = Symbol('fail');

function transform(p: PropertyPlan, value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out: unknown[] = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      const element = value[i] as unknown;
      if (p.type) {
        const built = build(p.type, element);
        if (!built) return FAIL;
        out[i] = built;
      } else {
        if (element !== null && typeof element === 'object') return FAIL;
        out[i] = element;
      }
    }
    return out;
  }
  if (!p.type) return FAIL;
  return build(p.type, value) ?? FAIL;
}

function passes(object: Record<string, unknown>, value: unknown, check: Check): boolean {
  const args: ValidationArguments = {
    targetName: object.constructor.name,
    property: check.property,
    object,
    value,
    constraints: check.constraints,
  };
  return check.each && Array.isArray(value)
    ? value.every((element) => check.validate(element, args) === true)
    : check.validate(value, args) === true;
}
