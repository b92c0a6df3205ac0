import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { topicName } from '@wgas/contracts';
import { EXCHANGE_EVENT_TYPE, signEnvelope } from '@wgas/federation';
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

  /** Takes consecutive sequence numbers for all of them with one statement, then signs each. */
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
    return items.map(({ kind, payload, key }, i) => {
      const event = newEvent(this.config.eventSource, EXCHANGE_EVENT_TYPE, null, key);
      const signed = signEnvelope(
        {
          origin: this.identity.node,
          eventId: event.id,
          sequence: first + i,
          timestamp: event.time,
          keyId: this.identity.keyId,
          kind,
          payload,
        },
        this.identity.privateKey,
      );
      this.metrics.exported.inc({ kind });
      return { topic, key, event: { ...event, data: signed } };
    });
  }
}
