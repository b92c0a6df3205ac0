import type { AlertV1 } from '@wgas/contracts';
import { csvField, toCsv } from './csv-feed.mapper';

describe('csv feed', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","x")', `"'=HYPERLINK(""http://evil.example"",""x"")"`],
    ['+66812345678', `"'+66812345678"`],
    ['-1+2', `"'-1+2"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\tcmd', `"'\tcmd"`],
    ['\rcmd', `"'\rcmd"`],
  ])('puts an apostrophe before a cell that starts like a formula: %j', (value, cell) => {
    expect(csvField(value)).toBe(cell);
  });

  it.each([
    ['scam.example', '"scam.example"'],
    ['a=b', '"a=b"'],
    [0.5, '"0.5"'],
    [undefined, '""'],
    ['say "hi"', '"say ""hi"""'],
  ])('leaves other cells as they are: %j', (value, cell) => {
    expect(csvField(value)).toBe(cell);
  });

  it('escapes formula-like values in whole rows', () => {
    const alert = {
      alertId: 'a1',
      subscriptionId: 's1',
      action: 'block',
      rule: 'tlp:green',
      origin: 'th',
      createdAt: '2026-11-26T00:00:00.000Z',
      indicator: {
        id: 'i1',
        type: 'url',
        value: '=cmd|/c calc!A1',
        display: '=cmd|/c calc!A1',
        confidence: 0.5,
        countries: ['TH'],
        typology: 'investment',
        tlp: 'GREEN',
        firstSeen: '2026-11-26T00:00:00.000Z',
        lastSeen: '2026-11-26T00:00:00.000Z',
      },
    } as unknown as AlertV1;
    const [, row] = toCsv([alert]).split('\r\n');
    expect(row).toContain(`"'=cmd|/c calc!A1"`);
    expect(row).not.toContain(`,"=cmd`);
  });
});
