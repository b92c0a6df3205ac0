import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { TOPIC_SUFFIX, type CloudEvent } from '@wgas/contracts';
import { BATCH_HANDLER, type BatchEventContext } from '@wgas/messaging';
import { AlertDecisionService } from './alert-decision.service';

/**
 * Kafka handler for `<node>.indicators.v1`, a partition batch at a time (set-based reads
 * and writes; if the batch fails, the transport retries each event alone).
 */
@Controller()
export class IndicatorsConsumer {
  constructor(private readonly decisions: AlertDecisionService) {}

  @EventPattern(TOPIC_SUFFIX.indicators, BATCH_HANDLER)
  async onIndicators(
    @Payload() events: CloudEvent[],
    @Ctx() ctx: BatchEventContext,
  ): Promise<void> {
    await this.decisions.applyMany(events, ctx.manager);
  }
}
