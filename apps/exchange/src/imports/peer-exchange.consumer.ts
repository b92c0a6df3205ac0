import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { CloudEvent } from '@wgas/contracts';
import { BATCH_HANDLER, type BatchEventContext } from '@wgas/messaging';
import { EnvelopeImportService } from './envelope-import.service';

/** Pattern bound to every peer's `<peer>.exchange.v1` (see exchange.app.ts). */
export const PEER_EXCHANGE_PATTERN = 'peer-exchange';

/** A partition batch of peers' envelopes at a time, imported set-based. */
@Controller()
export class PeerExchangeConsumer {
  constructor(private readonly imports: EnvelopeImportService) {}

  @EventPattern(PEER_EXCHANGE_PATTERN, BATCH_HANDLER)
  async onEnvelopes(@Payload() events: CloudEvent[], @Ctx() ctx: BatchEventContext): Promise<void> {
    await this.imports.applyMany(events, ctx.manager);
  }
}
