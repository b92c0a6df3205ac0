import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { topicName } from '@wgas/contracts';
import { EXCHANGE_EVENT_TYPE, signEnvelopes, type ExchangeEnvelope } from '@wgas/federation';
import { newEvent, type OutgoingEvent } from '@wgas/messaging';
import { queryRows } from '@wgas/persistence';
import { NODE_CONFIG } from '@wgas/platform';
import type { ExchangeConfig } from '../exchange.config';
import { ExchangeMetrics } from '../exchange.metrics';
import { FederationIdentity } from '../federation-identity';

export interface EnvelopeToSeal {
  kind: string;
  payload: object;
  /** Kafka key: the indicator id (compaction keeps its latest state) or `action:<id>`. */
  key: string;
}

/** Numbers, signs and wraps envelopes for `<ns>.exchange.v1`, inside the caller's transaction. */
@Injectable()
export class EnvelopeWriter {
  constructor(
    @Inject(NODE_CONFIG) private readonly config: ExchangeConfig,
    private readonly identity: FederationIdentity,
    private readonly metrics: ExchangeMetrics,
  ) {}

  /**
   * Takes consecutive sequence numbers for all of them with one statement, then signs them
   * in batches: one Ed25519 signature per MAX_BATCH_LEAVES envelopes (ADR 0014).
   */
  async sealMany(m: EntityManager, items: EnvelopeToSeal[]): Promise<OutgoingEvent[]> {
    if (items.length === 0) return [];
    const [last] = await queryRows<{ value: string }>(
      m,
      `INSERT INTO exchange.export_sequence (id, value) VALUES (1, $1)
       ON CONFLICT (id) DO UPDATE SET value = exchange.export_sequence.value + $1 RETURNING value`,
      [items.length],
    );
    const first = Number(last?.value ?? 0) - items.length + 1;
    const topic = topicName(this.config.namespace, 'exchange');
    const events = items.map(({ key }) =>
      newEvent(this.config.eventSource, EXCHANGE_EVENT_TYPE, null, key),
    );
    const envelopes = items.map(({ kind, payload }, i): ExchangeEnvelope => ({
      origin: this.identity.node,
      eventId: events[i]!.id,
      sequence: first + i,
      timestamp: events[i]!.time,
      keyId: this.identity.keyId,
      kind,
      payload,
    }));
    const signed = signEnvelopes(envelopes, this.identity.privateKey);
    return items.map(({ kind, key }, i) => {
      this.metrics.exported.inc({ kind });
      return { topic, key, event: { ...events[i]!, data: signed[i] } };
    });
  }
}
