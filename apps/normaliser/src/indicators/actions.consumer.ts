import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { ALERT_ACTION_V1, TOPIC_SUFFIX, type CloudEvent } from '@wgas/contracts';
import { UnknownEventTypeError, type EventContext } from '@wgas/messaging';
import { FalsePositiveService } from './false-positive.service';

/** Kafka handler for `<node>.actions.v1`: subscribers' feedback on alerts. */
@Controller()
export class ActionsConsumer {
  constructor(private readonly falsePositives: FalsePositiveService) {}

  @EventPattern(TOPIC_SUFFIX.actions)
  async onAction(@Payload() event: CloudEvent, @Ctx() ctx: EventContext): Promise<void> {
    if (event.type !== ALERT_ACTION_V1) throw new UnknownEventTypeError(event.type);
    await this.falsePositives.apply(event, ctx.manager);
  }
}
