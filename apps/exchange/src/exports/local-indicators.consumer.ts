import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { TOPIC_SUFFIX, type CloudEvent } from '@wgas/contracts';
import { BATCH_HANDLER, type BatchEventContext } from '@wgas/messaging';
import { IndicatorExportService } from './indicator-export.service';

/** Our own `<ns>.indicators.v1`, a partition batch at a time: what may be shared goes to `<ns>.exchange.v1`. */
@Controller()
export class LocalIndicatorsConsumer {
  constructor(private readonly exports: IndicatorExportService) {}

  @EventPattern(TOPIC_SUFFIX.indicators, BATCH_HANDLER)
  async onIndicators(
    @Payload() events: CloudEvent[],
    @Ctx() ctx: BatchEventContext,
  ): Promise<void> {
    await this.exports.applyMany(events, ctx.manager);
  }
}
