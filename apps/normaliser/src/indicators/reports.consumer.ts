import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { EVENT_TYPES, TOPIC_SUFFIX, type CloudEvent } from '@wgas/contracts';
import { UnknownEventTypeError, type EventContext } from '@wgas/messaging';
import { ReportNormalisationService } from './report-normalisation.service';
import { ReportRetractionService } from './report-retraction.service';

/** Kafka handler for `<node>.reports.v1`: route by event type to one use case. */
@Controller()
export class ReportsConsumer {
  constructor(
    private readonly normalisation: ReportNormalisationService,
    private readonly retraction: ReportRetractionService,
  ) {}

  @EventPattern(TOPIC_SUFFIX.reports)
  async onReportEvent(@Payload() event: CloudEvent, @Ctx() ctx: EventContext): Promise<void> {
    switch (event.type) {
      case EVENT_TYPES.reportSubmitted:
        return this.normalisation.apply(event, ctx.manager);
      case EVENT_TYPES.reportRetracted:
        return this.retraction.apply(event, ctx.manager);
      default:
        throw new UnknownEventTypeError(event.type);
    }
  }
}
