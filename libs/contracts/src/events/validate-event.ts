import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync } from 'class-validator';

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
  const instance = plainToInstance(cls, data);
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) {
    const flatten = (e: (typeof errors)[number], path: string): string[] => {
      const here = path ? `${path}.${e.property}` : e.property;
      const own = Object.values(e.constraints ?? {}).map((m) => `${here}: ${m}`);
      return [...own, ...(e.children ?? []).flatMap((c) => flatten(c, here))];
    };
    throw new EventSchemaError(eventType, errors.flatMap((e) => flatten(e, '')).slice(0, 20));
  }
  return instance;
}
