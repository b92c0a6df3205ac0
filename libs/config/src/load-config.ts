import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync } from 'class-validator';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Builds and validates an app's config class from environment variables. Unknown
 * WGAS-looking variables are not an error (the environment is shared), but every
 * declared one is type-converted and validated, and defaults come from the class.
 */
export function loadConfig<T extends object>(
  cls: ClassConstructor<T>,
  env: NodeJS.ProcessEnv = process.env,
): T {
  const defaults = new cls();
  const known = Object.keys(defaults) as (keyof T & string)[];
  const plain: Record<string, unknown> = { ...(defaults as Record<string, unknown>) };
  for (const name of known) {
    const value = env[name];
    if (value !== undefined && value !== '') plain[name] = coerce(value, plain[name]);
  }
  const instance = plainToInstance(cls, plain, { exposeDefaultValues: true });
  const errors = validateSync(instance, { forbidUnknownValues: false });
  if (errors.length > 0) {
    throw new ConfigError(
      errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join(', ')}`),
    );
  }
  return instance;
}

/** Env values are strings; convert to the type of the property's default. */
function coerce(value: string, defaultValue: unknown): unknown {
  if (typeof defaultValue === 'number') return value.trim() === '' ? NaN : Number(value);
  if (typeof defaultValue === 'boolean')
    return value === 'true' ? true : value === 'false' ? false : value;
  return value;
}

/** The variable names a config class accepts (used to check docker-compose and docs). */
export function configVariables<T extends object>(cls: ClassConstructor<T>): string[] {
  return Object.keys(new cls()).sort();
}
