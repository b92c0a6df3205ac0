import { readFileSync } from 'node:fs';
import { normalise } from '@wgas/indicators';
import { Warninglist, type WarninglistFile } from './warninglist';
import { parseWarninglistFile, SHIPPED_WARNINGLIST_DIR } from './warninglist-files';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const indicator = (value: string, country = 'TH', typeHint?: string) => {
  const r = normalise(value, { country, ...(typeHint ? { typeHint } : {}) });
  if (!r.ok) throw new Error(`${value}: ${r.rejection.code}`);
  return r.indicator;
};

describe('Warninglist', () => {
  const list = new Warninglist([
    {
      name: 'test',
      entries: [
        { type: 'phone', country: 'TH', value: '02-888-8888', note: 'KBank' },
        { key: 'sms_sender:TH:KBANK' },
        { domain: 'go.th' },
        { domain: 'Kasikornbank.com.' },
      ],
    },
  ]);

  it('matches a hotline however it was written', () => {
    expect(list.match(indicator('+66 2 888 8888'))).toBe('test:phone:+6628888888');
    expect(list.match(indicator('028888888'))).toBeDefined();
    expect(list.match(indicator('028888889'))).toBeUndefined();
  });

  it('matches domains and URLs on the domain or below it, never lookalikes', () => {
    expect(list.match(indicator('https://www.kasikornbank.com/th/login'))).toBe(
      'test:domain:kasikornbank.com',
    );
    expect(list.match(indicator('police.go.th', 'TH', 'domain'))).toBe('test:domain:go.th');
    expect(list.match(indicator('kasikornbank.com.evil.example', 'TH', 'domain'))).toBeUndefined();
    expect(list.match(indicator('fakekasikornbank.com', 'TH', 'domain'))).toBeUndefined();
    expect(list.match(indicator('https://notgo.th.example/x'))).toBeUndefined();
  });

  it('reports entries it cannot use instead of failing the whole list', () => {
    const bad = new Warninglist([
      {
        name: 'bad',
        entries: [
          { type: 'phone', country: 'TH', value: 'not a number' },
          { domain: 'not a domain' },
        ],
      },
    ]);
    expect(bad.size).toBe(0);
    expect(bad.problems).toHaveLength(2);
  });

  it('refuses a malformed file', () => {
    expect(() => parseWarninglistFile('x.json', '{')).toThrow(/not JSON/);
    expect(() => parseWarninglistFile('x.json', '{"name":"x","entries":[{"foo":1}]}')).toThrow(
      /entries\[0\]/,
    );
  });
});

describe('shipped warninglists', () => {
  const files: WarninglistFile[] = readdirSync(SHIPPED_WARNINGLIST_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => {
      const path = join(SHIPPED_WARNINGLIST_DIR, f);
      return parseWarninglistFile(path, readFileSync(path, 'utf8'));
    });
  const list = new Warninglist(files);

  it('load without a single unusable entry and are marked as seed data', () => {
    expect(list.problems).toEqual([]);
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const f of files) expect(f.seed).toBe(true);
  });

  it.each([
    ['02-888-8888', 'TH'],
    ['02 777 7777', 'TH'],
    ['1-300-88-6688', 'MY'],
    ['1800 111 1111', 'SG'],
  ])('covers the bank hotline %s (%s)', (value, country) => {
    expect(list.match(indicator(value, country, 'phone'))).toBeDefined();
  });

  it.each(['https://www.maybank2u.com.my/', 'https://www.dbs.com.sg/', 'https://line.me/R/ti/p/x'])(
    'covers %s',
    (url) => {
      expect(list.match(indicator(url))).toBeDefined();
    },
  );
});
