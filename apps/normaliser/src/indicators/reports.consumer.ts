import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { EVENT_TYPES, TOPIC_SUFFIX, type CloudEvent } from '@wgas/contracts';
import { BATCH_HANDLER, UnknownEventTypeError, type BatchEventContext } from '@wgas/messaging';
import { ReportNormalisationService } from './report-normalisation.service';
import { IndicatorWriteGate } from './indicator-write-gate';
import { ReportRetractionService } from './report-retraction.service';

/**
 * Kafka handler for `<node>.reports.v1`, a partition batch at a time: consecutive
 * submissions go to the normaliser together (set-based writes), a retraction is applied
 * where it stands, so a report's submission and retraction keep their order.
 */
@Controller()
export class ReportsConsumer {
  constructor(
    private readonly normalisation: ReportNormalisationService,
    private readonly retraction: ReportRetractionService,
    private readonly gate: IndicatorWriteGate,
  ) {}

  @EventPattern(TOPIC_SUFFIX.reports, BATCH_HANDLER)
  async onReportEvents(
    @Payload() events: CloudEvent[],
    @Ctx() ctx: BatchEventContext,
  ): Promise<void> {
    // Entered at most once per transaction, and held until it ends (IndicatorWriteGate).
    let entered: Promise<void> | undefined;
    const enterGate = () =>
      (entered ??= this.gate.acquire().then((release) => ctx.afterTransaction(release)));
    let submitted: CloudEvent[] = [];
    const flush = async () => {
      if (submitted.length > 0)
        await this.normalisation.applyMany(submitted, ctx.manager, enterGate);
      submitted = [];
    };
    for (const event of events) {
      switch (event.type) {
        case EVENT_TYPES.reportSubmitted:
          submitted.push(event);
          break;
        case EVENT_TYPES.reportRetracted:
          await flush();
          await this.retraction.apply(event, ctx.manager);
          break;
        default:
          throw new UnknownEventTypeError(event.type);
      }
    }
    await flush();
  }
}
