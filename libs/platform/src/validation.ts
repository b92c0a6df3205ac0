import { HttpStatus, ValidationPipe, type ValidationError } from '@nestjs/common';
import { ProblemException, type FieldError } from './problem-details';

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([rule, message]) => ({
      field,
      rule,
      message,
    }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** class-validator pipe: unknown fields rejected, every failure named by field and rule. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fields = flatten(errors).slice(0, 50);
      const first = fields[0];
      const detail = first ? `${first.field}: ${first.message}` : 'request body is invalid';
      return new ProblemException(HttpStatus.BAD_REQUEST, 'validation.failed', detail, fields);
    },
  });
}
