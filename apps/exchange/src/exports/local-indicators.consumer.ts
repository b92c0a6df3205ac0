import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { TOPIC_SUFFIX, type CloudEvent } from '@wgas/contracts';
import { batchHandler, type BatchEventContext } from '@wgas/messaging';
import { mayBeExported } from './export-policy';
import { IndicatorExportService } from './indicator-export.service';

/**
 * Our own `<ns>.indicators.v1`, a partition batch at a time: what may be shared goes to
 * `<ns>.exchange.v1`. Events that can never be exported (imported indicators, RED,
 * retractions) skip the inbox and validation.
 */
@Controller()
export class LocalIndicatorsConsumer {
  constructor(private readonly exports: IndicatorExportService) {}

  @EventPattern(TOPIC_SUFFIX.indicators, batchHandler({ relevant: mayBeExported }))
  async onIndicators(
    @Payload() events: CloudEvent[],
    @Ctx() ctx: BatchEventContext,
  ): Promise<void> {
    await this.exports.applyMany(events, ctx.manager);
  }
}
