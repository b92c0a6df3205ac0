import { Webhook } from 'standardwebhooks';
import { retryDelayMs, signWebhook, webhookSigningKey } from './webhook-signature';

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

describe('signatures during a secret rotation', () => {
  const oldSecret = `whsec_${Buffer.from('the-old-secret-of-enough-length!').toString('base64')}`;
  const newSecret = `whsec_${Buffer.from('the-new-secret-of-enough-length!').toString('base64')}`;

  it('verifies with either secret when both signatures are sent, space-separated', () => {
    const body = JSON.stringify({ hello: 'rotation' });
    const ts = Math.floor(Date.now() / 1000);
    const headers = {
      'webhook-id': 'msg_2',
      'webhook-timestamp': String(ts),
      'webhook-signature': [newSecret, oldSecret]
        .map((s) => signWebhook(webhookSigningKey(s), 'msg_2', ts, body))
        .join(' '),
    };
    expect(new Webhook(newSecret).verify(body, headers)).toEqual({ hello: 'rotation' });
    expect(new Webhook(oldSecret).verify(body, headers)).toEqual({ hello: 'rotation' });
    const stranger = `whsec_${Buffer.from('some-other-secret-of-enough-len!').toString('base64')}`;
    expect(() => new Webhook(stranger).verify(body, headers)).toThrow();
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
