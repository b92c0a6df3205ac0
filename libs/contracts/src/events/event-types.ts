/** CloudEvents `type` values. The version suffix changes only on a breaking change. */
export const EVENT_TYPES = {
  reportSubmitted: 'org.aseanwgas.report.submitted.v1',
  indicatorUpserted: 'org.aseanwgas.indicator.upserted.v1',
  reportNormalised: 'org.aseanwgas.report.normalised.v1',
  reportRetracted: 'org.aseanwgas.report.retracted.v1',
} as const;

export type EventType = (typeof EVENT_TYPES)[keyof typeof EVENT_TYPES];
