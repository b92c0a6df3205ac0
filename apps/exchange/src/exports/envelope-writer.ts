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

/** Numbers, signs and wraps one envelope for `<ns>.exchange.v1`, inside the caller's transaction. */
@Injectable()
export class EnvelopeWriter {
  constructor(
    @Inject(NODE_CONFIG) private readonly config: ExchangeConfig,
    private readonly identity: FederationIdentity,
    private readonly metrics: ExchangeMetrics,
  ) {}

  async seal(m: EntityManager, kind: string, payload: object, key: string): Promise<OutgoingEvent> {
    const [seq] = await queryRows<{ value: string }>(
      m,
      `INSERT INTO exchange.export_sequence (id, value) VALUES (1, 1)
       ON CONFLICT (id) DO UPDATE SET value = exchange.export_sequence.value + 1 RETURNING value`,
    );
    const event = newEvent(this.config.eventSource, EXCHANGE_EVENT_TYPE, null, key);
    const signed = signEnvelope(
      {
        origin: this.identity.node,
        eventId: event.id,
        sequence: Number(seq?.value ?? 0),
        timestamp: event.time,
        keyId: this.identity.keyId,
        kind,
        payload,
      },
      this.identity.privateKey,
    );
    this.metrics.exported.inc({ kind });
    return {
      topic: topicName(this.config.namespace, 'exchange'),
      key,
      event: { ...event, data: signed },
    };
  }
}
