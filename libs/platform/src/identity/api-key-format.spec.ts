import { keyUsable, parseApiKey, secretMatches, sha256Hex } from './api-key-format';

describe('api key format', () => {
  const secret = 'A'.repeat(43);
  const key = `wgas_0123456789abcdef_${secret}`;

  it('parses well-formed keys only', () => {
    expect(parseApiKey(key)).toEqual({ keyId: '0123456789abcdef', secret });
    expect(parseApiKey(`${key}x`)).toBeUndefined();
    expect(parseApiKey('wgas_0123_abc')).toBeUndefined();
    expect(parseApiKey(`Bearer ${key}`)).toBeUndefined();
  });

  it('matches a secret against its stored hash', () => {
    expect(secretMatches(sha256Hex(secret), secret)).toBe(true);
    expect(secretMatches(sha256Hex(secret), 'B'.repeat(43))).toBe(false);
    expect(secretMatches('not-hex', secret)).toBe(false);
  });

  it('refuses revoked and expired keys', () => {
    const now = Date.parse('2026-11-26T00:00:00Z');
    expect(keyUsable({ revokedAt: null, expiresAt: null }, now)).toBe(true);
    expect(keyUsable({ revokedAt: new Date(now - 1), expiresAt: null }, now)).toBe(false);
    expect(keyUsable({ revokedAt: null, expiresAt: new Date(now) }, now)).toBe(false);
    expect(keyUsable({ revokedAt: null, expiresAt: new Date(now + 1000) }, now)).toBe(true);
  });
});
