import { HttpStatus } from '@nestjs/common';
import { ProblemException } from '@wgas/platform';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Another organisation's report answers exactly like a missing one: no existence leak. */
export function reportNotFound(id: string): ProblemException {
  return new ProblemException(
    HttpStatus.NOT_FOUND,
    'report.not_found',
    `No report "${id.slice(0, 64)}" of yours.`,
  );
}

/** Path ids are checked before they reach a uuid column (Postgres would raise, i.e. a 500). */
export function assertUuid(id: string, notFound: (id: string) => ProblemException): string {
  if (!UUID.test(id)) throw notFound(id);
  return id.toLowerCase();
}
