import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { TOPIC_SUFFIX, type CloudEvent } from '@wgas/contracts';
import type { EventContext } from '@wgas/messaging';
import { IndicatorExportService } from './indicator-export.service';

/** Our own `<ns>.indicators.v1`: what may be shared goes to `<ns>.exchange.v1`. */
@Controller()
export class LocalIndicatorsConsumer {
  constructor(private readonly exports: IndicatorExportService) {}

  @EventPattern(TOPIC_SUFFIX.indicators)
  async onIndicator(@Payload() event: CloudEvent, @Ctx() ctx: EventContext): Promise<void> {
    await this.exports.apply(event, ctx.manager);
  }
}
