import type { FanoutConfig } from '../fanout.config';
import { WebhookSecretCipher } from '../subscriptions/webhook-secret.cipher';
import { signWebhook } from './webhook-signature';
import { WebhookTargets, type WebhookSubscriptionRef } from './webhook-targets';

const KEY = 'k'.repeat(32);
const secretA = `whsec_${Buffer.from('secret-a-of-enough-length-000000').toString('base64')}`;
const secretB = `whsec_${Buffer.from('secret-b-of-enough-length-000000').toString('base64')}`;
const cipher = new WebhookSecretCipher(KEY);

function config(over: Partial<FanoutConfig> = {}): FanoutConfig {
  return {
    SUBSCRIPTION_SECRETS_KEY: KEY,
    WEBHOOK_URL: 'http://10.0.0.5/node-hook',
    WEBHOOK_SECRET: secretA,
    allowedWebhookHosts: ['hooks.internal'],
    ...over,
  } as FanoutConfig;
}

function sub(over: Partial<WebhookSubscriptionRef> = {}): WebhookSubscriptionRef {
  return {
    id: 's1',
    webhookUrl: 'https://telco.example/hook',
    webhookSecret: cipher.seal(secretA),
    isStatic: false,
    deletedAt: null,
    previousWebhookSecret: null,
    previousSecretExpiresAt: null,
    ...over,
  };
}

describe('WebhookTargets', () => {
  it('derives the key once and reuses it while URL and secret stay the same', () => {
    const targets = new WebhookTargets(config());
    const s = sub();
    const first = targets.of(s);
    expect(first).toMatchObject({ ok: true, trusted: false });
    expect(targets.of({ ...s })).toBe(first);
  });

  it('rebuilds the target when the secret is rotated or the URL changes', () => {
    const targets = new WebhookTargets(config());
    const s = sub();
    const first = targets.of(s);
    const rotated = targets.of({ ...s, webhookSecret: cipher.seal(secretB) });
    expect(rotated).not.toBe(first);
    if (!first.ok || !rotated.ok) throw new Error('expected targets');
    expect(rotated.keys[0]!.export().equals(first.keys[0]!.export())).toBe(false);
    const moved = targets.of({ ...s, webhookUrl: 'https://hooks.internal/x' });
    expect(moved).toMatchObject({ ok: true, trusted: true });
  });

  it('signs with the previous secret too until the rotation overlap ends', () => {
    const targets = new WebhookTargets(config());
    const rotated = sub({
      webhookSecret: cipher.seal(secretB),
      previousWebhookSecret: cipher.seal(secretA),
      previousSecretExpiresAt: new Date(Date.now() + 60_000),
    });
    const during = targets.of(rotated);
    if (!during.ok) throw new Error('expected a target');
    expect(during.keys).toHaveLength(2);
    const signature = signWebhook(during.keys[1]!, 'msg_1', 1, '{}');
    expect(signature).toBe(signWebhook(secretA, 'msg_1', 1, '{}'));
    const after = targets.of({ ...rotated, previousSecretExpiresAt: new Date(Date.now() - 1) });
    if (!after.ok) throw new Error('expected a target');
    expect(after.keys).toHaveLength(1);
    expect(signWebhook(after.keys[0]!, 'msg_1', 1, '{}')).toBe(
      signWebhook(secretB, 'msg_1', 1, '{}'),
    );
  });

  it('trusts the static subscription with the configured URL and secret', () => {
    const target = new WebhookTargets(config()).of(
      sub({ id: 'static', isStatic: true, webhookUrl: 'ignored', webhookSecret: null }),
    );
    expect(target).toMatchObject({ ok: true, trusted: true });
    if (target.ok) expect(target.url.href).toBe('http://10.0.0.5/node-hook');
  });

  it('reports deleted subscriptions and secrets it cannot open', () => {
    const targets = new WebhookTargets(config());
    expect(targets.of(sub({ deletedAt: new Date() }))).toEqual({
      ok: false,
      error: 'subscription deleted',
      deleted: true,
    });
    expect(targets.of(sub({ id: 's2', webhookSecret: 'v1:bad' }))).toMatchObject({
      ok: false,
      deleted: false,
    });
  });
});
