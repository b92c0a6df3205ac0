import type { ClassConstructor } from 'class-transformer';
import { IndicatorExpiredV1 } from './indicator-expired.v1';
import { IndicatorFalsePositiveV1 } from './indicator-false-positive.v1';
import { IndicatorRetractedV1 } from './indicator-retracted.v1';
import { IndicatorUpsertedV1 } from './indicator-upserted.v1';
import { EventSchemaError, validateEventData } from './validate-event';

/** The fields the indicator events inherit from IndicatorEventSubject are still checked. */
const EVENTS: ClassConstructor<object>[] = [
  IndicatorUpsertedV1,
  IndicatorExpiredV1,
  IndicatorRetractedV1,
  IndicatorFalsePositiveV1,
];

describe.each(EVENTS)('%p inherits the subject rules', (cls) => {
  const violations = (data: object): string[] => {
    try {
      validateEventData(cls, 'test', data);
      return [];
    } catch (e) {
      return (e as EventSchemaError).violations;
    }
  };

  it('requires the indicator id and type, and bounds the canonical value', () => {
    const found = violations({ canonical: 'x'.repeat(4097) });
    expect(found).toEqual(expect.arrayContaining([expect.stringMatching(/^indicatorId: /)]));
    expect(found).toEqual(expect.arrayContaining([expect.stringMatching(/^type: /)]));
    expect(found).toEqual(
      expect.arrayContaining([
        'canonical: canonical must be shorter than or equal to 4096 characters',
      ]),
    );
  });

  it('bounds the indicator id and still refuses unknown fields', () => {
    const found = violations({ indicatorId: 'v'.repeat(81), unexpected: true });
    expect(found).toEqual(
      expect.arrayContaining([
        'indicatorId: indicatorId must be shorter than or equal to 80 characters',
        'unexpected: property unexpected should not exist',
      ]),
    );
  });
});
