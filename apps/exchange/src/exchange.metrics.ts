import { Injectable } from '@nestjs/common';
import { Counter, Registry } from 'prom-client';

/** Envelopes in and out, by outcome: the security-relevant numbers of federation. */
@Injectable()
export class ExchangeMetrics {
  readonly registry = new Registry();
  readonly imported = new Counter({
    name: 'wgas_exchange_envelopes_imported_total',
    help: 'Envelopes read from peers, by origin and result (accepted or the reason for refusal)',
    labelNames: ['origin', 'result'],
    registers: [this.registry],
  });
  readonly exported = new Counter({
    name: 'wgas_exchange_envelopes_exported_total',
    help: 'Envelopes signed and queued for peers, by kind',
    labelNames: ['kind'],
    registers: [this.registry],
  });
}
