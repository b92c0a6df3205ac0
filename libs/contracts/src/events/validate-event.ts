import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync } from 'class-validator';
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

/** Validates an event's `data` against its contract class; unknown fields are rejected. */
export function validateEventData<T extends object>(
  cls: ClassConstructor<T>,
  eventType: string,
  data: unknown,
): T {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new EventSchemaError(eventType, ['data must be a JSON object']);
  }
  // Valid data, nearly all of it, is accepted by the planned fast path; the rest is
  // decided (and its errors worded) by class-transformer and class-validator themselves.
  const accepted = acceptEventData(cls, data);
  if (accepted) return accepted;
  let instance: T;
  let errors: ReturnType<typeof validateSync>;
  try {
    instance = plainToInstance(cls, data);
    errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true });
  } catch (e) {
    // class-transformer throws on some shapes ({"x": [{"constructor": 1}]} for one): that is
    // bad data too, not a failure a retry could fix.
    throw new EventSchemaError(eventType, [`data cannot be read: ${String(e).slice(0, 200)}`]);
  }
  if (errors.length > 0) {
    const flatten = (e: (typeof errors)[number], path: string): string[] => {
      const here = path ? `${path}.${e.property}` : e.property;
      const own = Object.values(e.constraints ?? {}).map((m) => `${here}: ${m}`);
      return [...own, ...(e.children ?? []).flatMap((c) => flatten(c, here))];
    };
    throw new EventSchemaError(eventType, errors.flatMap((e) => flatten(e, '')).slice(0, 50));
  }
  return instance;
}
