import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { TOPIC_SUFFIX, type CloudEvent } from '@wgas/contracts';
import type { EventContext } from '@wgas/messaging';
import { ActionForwardService } from './action-forward.service';

/** Our own `<ns>.actions.v1`: actions on foreign indicators travel back to their origin. */
@Controller()
export class LocalActionsConsumer {
  constructor(private readonly actions: ActionForwardService) {}

  @EventPattern(TOPIC_SUFFIX.actions)
  async onAction(@Payload() event: CloudEvent, @Ctx() ctx: EventContext): Promise<void> {
    await this.actions.apply(event, ctx.manager);
  }
}
