import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { TOPIC_SUFFIX, type CloudEvent } from '@wgas/contracts';
import type { EventContext } from '@wgas/messaging';
import { ReportOutcomesService } from './report-outcomes.service';

/** Kafka handler for `<node>.report-outcomes.v1`: parse, call the use case, nothing else. */
@Controller()
export class ReportOutcomesConsumer {
  constructor(private readonly outcomes: ReportOutcomesService) {}

  @EventPattern(TOPIC_SUFFIX.reportOutcomes)
  async onOutcome(@Payload() event: CloudEvent, @Ctx() ctx: EventContext): Promise<void> {
    await this.outcomes.apply(event, ctx.manager);
  }
}
