import type { EntityManager } from 'typeorm';
import type { CloudEvent } from '@wgas/contracts';

/** What a handler gets besides the event: the transaction its writes must use. */
export interface EventContext {
  event: CloudEvent;
  /** The transaction that also records the event in the inbox; write through it. */
  manager: EntityManager;
  topic: string;
  partition: number;
  offset: string;
}

/**
 * What a batch handler gets, declared with `@EventPattern(suffix, BATCH_HANDLER)`: the events
 * of one partition batch that the inbox has not seen, in offset order, and the transaction
 * that records them all. If it throws, each event is retried alone (as a batch of one).
 */
export interface BatchEventContext {
  events: CloudEvent[];
  manager: EntityManager;
  topic: string;
  partition: number;
  /**
   * Runs `fn` once the transaction has committed or rolled back (e.g. to release an
   * in-process lock that must be held until the rows it guards are committed).
   */
  afterTransaction(fn: () => void): void;
}

/** `@EventPattern` extras that make a handler receive `CloudEvent[]` and a BatchEventContext. */
export const BATCH_HANDLER = { batch: true } as const;

/**
 * `BATCH_HANDLER` with a filter: events for which `relevant` returns false are neither
 * recorded in the inbox nor handed to the handler (it must be certain they would have no
 * effect, so idempotency does not need them). A batch of only such events opens no
 * transaction. It sees the event as parsed, before any schema validation.
 */
export function batchHandler(o: { relevant: (event: CloudEvent) => boolean }) {
  return { batch: true, relevant: o.relevant } as const;
}

/** Errors that no retry can fix: the message goes straight to the dead-letter topic. */
export const NON_RETRYABLE_ERRORS = new Set([
  'CloudEventParseError',
  'EventSchemaError',
  'UnknownEventTypeError',
]);

export class UnknownEventTypeError extends Error {
  constructor(type: string) {
    super(`unknown event type ${type}`);
    this.name = 'UnknownEventTypeError';
  }
}
