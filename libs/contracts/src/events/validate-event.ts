import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { acceptEventData } from './event-data-plan';

export class EventSchemaError extends Error {
  constructor(
    readonly eventType: string,
    readonly violations: string[],
  ) {
    super(`${eventType} failed schema validation: ${violations.join('; ')}`);
    this.name = 'EventSchemaError';
  }
}

/** What plain JSON data is to a class: its instance, the rules it breaks, or unreadable. */
export type PlainVerdict<T> =
  { instance: T } | { errors: ValidationError[] } | { unreadable: string };

/**
 * class-transformer's `plainToInstance` and class-validator's `validateSync`, unknown fields
 * refused. class-transformer throws on some shapes (`{"x": [{"constructor": 1}]}` for one):
 * that is bad data too, `unreadable`, not a failure a retry could fix.
 */
export function validateWithLibraries<T extends object>(
  cls: ClassConstructor<T>,
  data: unknown,
): PlainVerdict<T> {
  try {
    const instance = plainToInstance(cls, data);
    const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true });
    return errors.length > 0 ? { errors } : { instance };
  } catch (e) {
    return { unreadable: String(e).slice(0, 200) };
  }
}

/**
 * The same verdict, valid data (nearly all of it) taking the planned fast path (ADR 0020);
 * the rest is decided, and its errors worded, by the libraries themselves.
 */
export function validatePlain<T extends object>(
  cls: ClassConstructor<T>,
  data: unknown,
): PlainVerdict<T> {
  const accepted = acceptEventData(cls, data);
  return accepted ? { instance: accepted } : validateWithLibraries(cls, data);
}

/** Validates an event's `data` against its contract class; unknown fields are rejected. */
export function validateEventData<T extends object>(
  cls: ClassConstructor<T>,
  eventType: string,
  data: unknown,
): T {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new EventSchemaError(eventType, ['data must be a JSON object']);
  }
  const verdict = validatePlain(cls, data);
  if ('instance' in verdict) return verdict.instance;
  if ('unreadable' in verdict)
    throw new EventSchemaError(eventType, [`data cannot be read: ${verdict.unreadable}`]);
  const flatten = (e: ValidationError, path: string): string[] => {
    const here = path ? `${path}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((m) => `${here}: ${m}`);
    return [...own, ...(e.children ?? []).flatMap((c) => flatten(c, here))];
  };
  throw new EventSchemaError(eventType, verdict.errors.flatMap((e) => flatten(e, '')).slice(0, 50));
}
