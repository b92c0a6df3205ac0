import { applyDecorators } from '@nestjs/common';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';

// Postgres text cannot hold U+0000; refusing it here keeps a hostile string a 400, not a 500.
const NO_NUL = /^[^\u0000]*$/;

/** A bounded string without NUL characters. */
export function SafeText(max: number, min = 0): PropertyDecorator {
  return applyDecorators(
    IsString(),
    MaxLength(max),
    ...(min > 0 ? [MinLength(min)] : []),
    Matches(NO_NUL, { message: '$property must not contain NUL characters' }),
  );
}
