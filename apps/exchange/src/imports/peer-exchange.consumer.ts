import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { CloudEvent } from '@wgas/contracts';
import type { EventContext } from '@wgas/messaging';
import { EnvelopeImportService } from './envelope-import.service';

/** Pattern bound to every peer's `<peer>.exchange.v1` (see exchange.app.ts). */
export const PEER_EXCHANGE_PATTERN = 'peer-exchange';

@Controller()
export class PeerExchangeConsumer {
  constructor(private readonly imports: EnvelopeImportService) {}

  @EventPattern(PEER_EXCHANGE_PATTERN)
  async onEnvelope(@Payload() event: CloudEvent, @Ctx() ctx: EventContext): Promise<void> {
    await this.imports.apply(event, ctx.manager);
  }
}
