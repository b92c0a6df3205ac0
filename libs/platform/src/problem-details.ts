import { HttpException, HttpStatus } from '@nestjs/common';

/** RFC 9457 problem details, plus a stable `code` and the offending fields. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  errors?: FieldError[];
}

export interface FieldError {
  /** Dotted path of the offending field, e.g. `indicators.0.value`. */
  field: string;
  /** The rule that failed, e.g. `maxLength`, `isIn`, `whitelistValidation`. */
  rule: string;
  message: string;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
const TYPE_BASE = 'https://aseanwgas.org/problems/';

/** An error a client should see. Domains throw it with their own stable codes. */
export class ProblemException extends HttpException {
  constructor(
    status: HttpStatus,
    readonly code: string,
    detail: string,
    readonly errors?: FieldError[],
  ) {
    super(detail, status);
  }

  toProblem(instance?: string): ProblemDetails {
    const status = this.getStatus();
    return {
      type: `${TYPE_BASE}${this.code}`,
      title: titleFor(status),
      status,
      detail: this.message,
      code: this.code,
      ...(instance ? { instance } : {}),
      ...(this.errors ? { errors: this.errors } : {}),
    };
  }
}

export function titleFor(status: number): string {
  const name = HttpStatus[status];
  if (!name) return 'Error';
  return name
    .toLowerCase()
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

export function problem(
  status: number,
  code: string,
  detail: string,
  instance?: string,
): ProblemDetails {
  return {
    type: `${TYPE_BASE}${code}`,
    title: titleFor(status),
    status,
    detail,
    code,
    ...(instance ? { instance } : {}),
  };
}
