import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { TOPIC_SUFFIX, type CloudEvent } from '@wgas/contracts';
import type { EventContext } from '@wgas/messaging';
import { ReportNormalisationService } from './report-normalisation.service';

/** Kafka handler for `<node>.reports.v1`: parse, call the use case, nothing else. */
@Controller()
export class ReportsConsumer {
  constructor(private readonly normalisation: ReportNormalisationService) {}

  @EventPattern(TOPIC_SUFFIX.reports)
  async onReport(@Payload() event: CloudEvent, @Ctx() ctx: EventContext): Promise<void> {
    await this.normalisation.apply(event, ctx.manager);
  }
}
