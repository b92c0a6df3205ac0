import {
  acceptEventData,
  AlertActionV1,
  AlertV1,
  ApiKeyChangedV1,
  checkEventDataPlan,
  EventSchemaError,
  IndicatorExpiredV1,
  IndicatorFalsePositiveV1,
  IndicatorRetractedV1,
  IndicatorUpsertedV1,
  RawIndicatorV1,
  ReportNormalisedV1,
  ReportRetractedV1,
  ReportSubmittedV1,
  validateEventData,
} from '../index';

const UUID = '0b9d6f1e-2c3a-4b5d-8e7f-0123456789ab';
const UUID2 = '01936c7e-8f2a-7b3c-9d4e-5f6a7b8c9d0e';
const AT = '2026-11-27T10:00:00.000Z';
const SUBJECT = { indicatorId: 'v1:abc', type: 'phone', canonical: '+66812345678' };

/** Valid data for every event contract, with and without its optional fields. */
const SAMPLES: [new () => object, Record<string, unknown>[]][] = [
  [
    ReportSubmittedV1,
    [
      {
        reportId: UUID,
        organisationId: 'th-tcsd',
        country: 'TH',
        typology: 'investment',
        tlp: 'GREEN',
        submittedAt: AT,
        indicators: [
          { rawIndicatorId: UUID2, value: '081-234-5678', typeHint: 'phone' },
          { rawIndicatorId: UUID, value: 'https://scam.example/x' },
        ],
      },
      {
        reportId: UUID,
        organisationId: 'my-nfcc',
        country: 'MY',
        typology: 'romance',
        tlp: 'AMBER+STRICT',
        submittedAt: AT,
        originNode: 'th',
        originReportId: UUID2,
        indicators: [{ rawIndicatorId: UUID2, value: '+60 12-345 6789' }],
      },
    ],
  ],
  [
    ReportNormalisedV1,
    [
      {
        reportId: UUID,
        outcomes: [
          { rawIndicatorId: UUID, ok: true, type: 'phone', canonical: '+66', indicatorId: 'v1:a' },
          { rawIndicatorId: UUID2, ok: false, rejectionCode: 'bad', rejectionMessage: 'no' },
        ],
      },
      { reportId: UUID, outcomes: [] },
    ],
  ],
  [
    ReportRetractedV1,
    [{ reportId: UUID, organisationId: 'th', country: 'TH', reason: 'mistake', retractedAt: AT }],
  ],
  [
    ApiKeyChangedV1,
    [
      {
        keyId: 'a'.repeat(16),
        organisationId: 'th-ais',
        role: 'telco',
        country: 'TH',
        secretSha256: 'f'.repeat(64),
        expiresAt: null,
        revokedAt: AT,
        changedAt: AT,
      },
    ],
  ],
  [
    IndicatorUpsertedV1,
    [
      {
        ...SUBJECT,
        change: 'updated',
        display: '081-234-5678',
        reportId: UUID,
        reportCountry: 'TH',
        typology: 'investment',
        tlp: 'CLEAR',
        reportCount: 2,
        countries: ['TH', 'MY'],
        confidence: 0.6,
        firstSeen: AT,
        lastSeen: AT,
        changes: ['report', 'country'],
        originNode: 'sg',
      },
      {
        ...SUBJECT,
        change: 'created',
        display: '081',
        reportId: UUID,
        reportCountry: 'TH',
        typology: 'investment',
        tlp: 'RED',
        reportCount: 1,
        countries: [],
        confidence: 1,
        firstSeen: AT,
        lastSeen: AT,
      },
    ],
  ],
  [
    IndicatorExpiredV1,
    [
      {
        ...SUBJECT,
        tlp: 'GREEN',
        countries: ['TH'],
        reportCount: 0,
        confidence: 0,
        lastSeen: AT,
        expiredAt: AT,
        lifetimeSeconds: 86400,
      },
    ],
  ],
  [
    IndicatorRetractedV1,
    [{ ...SUBJECT, reportId: UUID, remainingReports: 0, confidence: 0.2, status: 'retracted' }],
  ],
  [
    IndicatorFalsePositiveV1,
    [
      { ...SUBJECT, falsePositiveReports: 1, confidence: 0.1, status: 'false_positive' },
      {
        ...SUBJECT,
        falsePositiveReports: 3,
        confidence: 0,
        status: 'active',
        confirmedBy: 'th-tcsd',
      },
    ],
  ],
  [
    AlertV1,
    [
      {
        alertId: UUID,
        subscriptionId: UUID2,
        action: 'unblock',
        rule: 'tlp:GREEN',
        reason: 'expired',
        indicator: {
          id: 'v1:a',
          type: 'phone',
          value: '+66812345678',
          display: '081',
          confidence: 0.5,
          countries: ['TH'],
          typology: 'investment',
          tlp: 'GREEN',
          firstSeen: AT,
          lastSeen: AT,
        },
        origin: 'th',
        createdAt: AT,
        expiresAt: AT,
      },
      {
        alertId: UUID,
        subscriptionId: UUID2,
        action: 'block',
        rule: 'r',
        indicator: { id: 'i', type: 't', value: 'v', confidence: 1, countries: [] },
        origin: 'th',
        createdAt: AT,
      },
    ],
  ],
  [
    AlertActionV1,
    [
      {
        actionId: UUID,
        alertId: UUID2,
        indicatorId: 'v1:a',
        indicatorType: 'phone',
        canonical: '+66812345678',
        reportIds: [UUID, UUID2],
        action: 'rejected',
        reason: 'not ours',
        note: 'n',
        organisationId: 'my-maxis',
        role: 'telco',
        country: 'MY',
        node: 'my',
        actedAt: AT,
      },
      {
        actionId: UUID,
        alertId: UUID2,
        indicatorId: 'v1:a',
        indicatorType: 'phone',
        canonical: '+66812345678',
        action: 'blocked',
        organisationId: 'my-maxis',
        role: 'telco',
        country: 'MY',
        node: 'my',
        actedAt: AT,
      },
    ],
  ],
];

describe('acceptEventData (the fast path of validateEventData)', () => {
  it.each(SAMPLES.map(([cls, samples]) => [cls.name, cls, samples] as const))(
    '%s: never accepts what class-validator refuses, and builds what plainToInstance builds',
    (_name, cls, samples) => {
      const report = checkEventDataPlan(cls, samples);
      expect(report.mismatches).toEqual([]);
      // It must take every valid sample, or it saves nothing.
      expect(report.samplesNotFast).toEqual([]);
      // The mutations reach both sides: most inputs are invalid, some valid ones are not samples.
      expect(report.valid).toBeGreaterThan(samples.length);
      expect(report.inputs - report.valid).toBeGreaterThan(report.inputs / 2);
    },
  );

  it('returns class instances, nested ones included', () => {
    const [, [sample]] = SAMPLES[0]!;
    const report = acceptEventData(ReportSubmittedV1, structuredClone(sample));
    expect(report).toBeInstanceOf(ReportSubmittedV1);
    expect(report!.indicators[0]).toBeInstanceOf(RawIndicatorV1);
    expect(report!.indicators.map((i) => i.value)).toEqual([
      '081-234-5678',
      'https://scam.example/x',
    ]);
  });

  it('leaves invalid data to class-validator, which names the field and the rule', () => {
    const [, [sample]] = SAMPLES[0]!;
    const bad = { ...structuredClone(sample!), tlp: 'PURPLE', extra: 1 };
    expect(acceptEventData(ReportSubmittedV1, bad)).toBeUndefined();
    expect(() => validateEventData(ReportSubmittedV1, 'report.submitted', bad)).toThrow(
      EventSchemaError,
    );
    try {
      validateEventData(ReportSubmittedV1, 'report.submitted', bad);
    } catch (e) {
      expect((e as EventSchemaError).violations).toEqual(
        expect.arrayContaining([
          'extra: property extra should not exist',
          expect.stringMatching(/^tlp: tlp must be one of the following values/),
        ]),
      );
    }
  });

  it('refuses data class-transformer cannot read as a schema error, not a crash', () => {
    const [, [sample]] = SAMPLES[0]!;
    const bad = { ...structuredClone(sample!), reportId: [{ constructor: 1 }] };
    expect(() => validateEventData(ReportSubmittedV1, 'report.submitted', bad)).toThrow(
      EventSchemaError,
    );
  });

  it('refuses an array where a nested object belongs (@ValidateNested alone lets it through)', () => {
    const [, [report]] = SAMPLES[0]!;
    const [, [outcome]] = SAMPLES[1]!;
    const [, [alert]] = SAMPLES.find(([cls]) => cls === AlertV1)!;
    const refused = [
      [ReportSubmittedV1, { ...report!, indicators: [[]] }],
      [ReportSubmittedV1, { ...report!, indicators: [[(report!.indicators as unknown[])[0]]] }],
      [ReportNormalisedV1, { ...outcome!, outcomes: [[]] }],
      [AlertV1, { ...alert!, indicator: [] }],
    ] as const;
    for (const [cls, data] of refused) {
      expect(acceptEventData(cls as new () => object, structuredClone(data))).toBeUndefined();
      expect(() => validateEventData(cls as new () => object, 't', structuredClone(data))).toThrow(
        /must be an object/,
      );
    }
  });

  it('refuses a lone value where a list belongs (`each` alone checks the value itself)', () => {
    const [, [action]] = SAMPLES.find(([cls]) => cls === AlertActionV1)!;
    const [, [expired]] = SAMPLES.find(([cls]) => cls === IndicatorExpiredV1)!;
    const [, [upserted]] = SAMPLES.find(([cls]) => cls === IndicatorUpsertedV1)!;
    const refused = [
      [AlertActionV1, { ...action!, reportIds: UUID }],
      [IndicatorExpiredV1, { ...expired!, countries: 'TH' }],
      [IndicatorUpsertedV1, { ...upserted!, countries: 'TH' }],
      [IndicatorUpsertedV1, { ...upserted!, changes: 'report' }],
    ] as const;
    for (const [cls, data] of refused)
      expect(() => validateEventData(cls as new () => object, 't', structuredClone(data))).toThrow(
        /must be an array/,
      );
  });

  it('does not plan a class that class-validator knows nothing about', () => {
    class Undecorated {
      a?: string;
    }
    expect(acceptEventData(Undecorated, { a: 'x' })).toBeUndefined();
    expect(() => validateEventData(Undecorated, 't', { a: 'x' })).toThrow(EventSchemaError);
  });
});
