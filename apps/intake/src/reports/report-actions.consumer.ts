import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { TOPIC_SUFFIX, type CloudEvent } from '@wgas/contracts';
import type { EventContext } from '@wgas/messaging';
import { ReportActionsService } from './report-actions.service';

/** Kafka handler for `<node>.actions.v1`. */
@Controller()
export class ReportActionsConsumer {
  constructor(private readonly actions: ReportActionsService) {}

  @EventPattern(TOPIC_SUFFIX.actions)
  async onAction(@Payload() event: CloudEvent, @Ctx() ctx: EventContext): Promise<void> {
    await this.actions.apply(event, ctx.manager);
  }
}
