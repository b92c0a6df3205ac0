import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { TOPIC_SUFFIX, type CloudEvent } from '@wgas/contracts';
import type { EventContext } from '@wgas/messaging';
import { AlertDecisionService } from './alert-decision.service';

/** Kafka handler for `<node>.indicators.v1`. */
@Controller()
export class IndicatorsConsumer {
  constructor(private readonly decisions: AlertDecisionService) {}

  @EventPattern(TOPIC_SUFFIX.indicators)
  async onIndicator(@Payload() event: CloudEvent, @Ctx() ctx: EventContext): Promise<void> {
    await this.decisions.apply(event, ctx.manager);
  }
}
