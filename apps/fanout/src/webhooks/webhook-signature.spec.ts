import { Webhook } from 'standardwebhooks';
import { retryDelayMs, signWebhook } from './webhook-signature';

describe('signWebhook', () => {
  const secret = `whsec_${Buffer.from('a-test-secret-of-enough-length!!').toString('base64')}`;

  it('produces a signature the standardwebhooks library verifies', () => {
    const body = JSON.stringify({ hello: 'world' });
    const ts = Math.floor(Date.now() / 1000);
    const headers = {
      'webhook-id': 'msg_1',
      'webhook-timestamp': String(ts),
      'webhook-signature': signWebhook(secret, 'msg_1', ts, body),
    };
    expect(new Webhook(secret).verify(body, headers)).toEqual({ hello: 'world' });
  });

  it('does not verify a tampered body', () => {
    const ts = Math.floor(Date.now() / 1000);
    const headers = {
      'webhook-id': 'msg_1',
      'webhook-timestamp': String(ts),
      'webhook-signature': signWebhook(secret, 'msg_1', ts, '{"a":1}'),
    };
    expect(() => new Webhook(secret).verify('{"a":2}', headers)).toThrow();
  });
});

describe('retryDelayMs', () => {
  it('grows exponentially within jitter bounds and caps at one hour', () => {
    expect(retryDelayMs(1, () => 0)).toBe(500);
    expect(retryDelayMs(1, () => 1)).toBe(1000);
    expect(retryDelayMs(4, () => 1)).toBe(8000);
    expect(retryDelayMs(40, () => 1)).toBe(3600_000);
    expect(retryDelayMs(3, () => 1, 10)).toBe(40);
  });
});
