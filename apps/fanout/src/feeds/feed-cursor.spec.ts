import { decodeCursor, encodeCursor } from './feed-cursor';

describe('feed cursor', () => {
  it('round-trips a sequence and starts from 0 without one', () => {
    expect(decodeCursor(encodeCursor('12345'))).toBe('12345');
    expect(decodeCursor(undefined)).toBe('0');
    expect(decodeCursor('')).toBe('0');
  });

  it('rejects what it did not issue', () => {
    expect(decodeCursor('garbage')).toBeUndefined();
    expect(decodeCursor(Buffer.from('v1:-1').toString('base64url'))).toBeUndefined();
    expect(decodeCursor(Buffer.from('v1:1 OR 1=1').toString('base64url'))).toBeUndefined();
  });
});
