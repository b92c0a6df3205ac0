import { createHmac } from 'node:crypto';
import { hashPrefix, indicatorHash, parseIndicatorHash } from './indicator-hash';

const key = { version: 3, secret: 'consortium-test-secret-0001' };

describe('indicatorHash', () => {
  it('is a versioned HMAC-SHA-256 of the indicator key', () => {
    const expected = createHmac('sha256', key.secret).update('phone:+66812345678').digest('hex');
    expect(indicatorHash(key, 'phone:+66812345678')).toBe(`v3:${expected}`);
  });

  it('differs between key versions and between indicators', () => {
    const a = indicatorHash(key, 'phone:+66812345678');
    expect(
      indicatorHash({ ...key, version: 4, secret: 'another-secret-0000000' }, 'phone:+66812345678'),
    ).not.toBe(a);
    expect(indicatorHash(key, 'phone:+66812345679')).not.toBe(a);
  });

  it('rejects weak keys', () => {
    expect(() => indicatorHash({ version: 1, secret: 'short' }, 'x')).toThrow(TypeError);
    expect(() => indicatorHash({ version: 0, secret: 'long-enough-secret-123' }, 'x')).toThrow(
      TypeError,
    );
  });
});

describe('hashPrefix', () => {
  it('keeps the version and the first N bytes', () => {
    const hash = indicatorHash(key, 'url:http://evil.example/login');
    expect(hashPrefix(hash, 4)).toBe(hash.slice(0, 3 + 8));
    expect(parseIndicatorHash(hash)?.version).toBe(3);
  });

  it('rejects malformed hashes and lengths', () => {
    expect(() => hashPrefix('nope', 4)).toThrow(TypeError);
    expect(() => hashPrefix(indicatorHash(key, 'x:y'), 0)).toThrow(RangeError);
  });
});
