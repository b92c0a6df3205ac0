import { checkEventDataPlan } from '@wgas/contracts';
import { SubmitReportDto } from './submit-report.dto';

// The bulk import takes valid lines through the fast path (ADR 0020): it must agree with
// class-validator on this DTO as it does on the event contracts.
describe('SubmitReportDto on the fast validation path', () => {
  it('never accepts what class-validator refuses, and builds what plainToInstance builds', () => {
    const report = checkEventDataPlan(SubmitReportDto, [
      {
        typology: 'investment',
        tlp: 'GREEN',
        indicators: [{ value: '081-234-5678', type: 'phone' }, { value: 'scam.example' }],
      },
      {
        typology: 'romance',
        tlp: 'AMBER+STRICT',
        channel: 'messaging_app',
        occurredAt: '2026-11-20T08:00:00Z',
        lossAmount: '1500.00',
        lossCurrency: 'THB',
        narrative: 'Met online, asked for money.',
        indicators: [{ value: 'TH:KBANK:1234567890', type: 'bank_account' }],
      },
    ]);
    expect(report.mismatches).toEqual([]);
    expect(report.samplesNotFast).toEqual([]);
    expect(report.valid).toBeGreaterThan(2);
  });
});
