import { subscriberName } from './subscriber-name';

describe('subscriberName', () => {
  it.each([
    ['th-telco-1', 'th-telco-1'],
    ['TH.Bank/One', 'th-bank-one'],
    ['..', 'subscriber'],
    ['x'.repeat(300), 'x'.repeat(100)],
  ])('%s -> %s', (org, name) => expect(subscriberName(org)).toBe(name));
});
