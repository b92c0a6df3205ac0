import { generateWebhookSecret, WebhookSecretCipher } from './webhook-secret.cipher';

describe('WebhookSecretCipher', () => {
  const secret = generateWebhookSecret();

  it('generates whsec_ secrets of 32 random bytes', () => {
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(generateWebhookSecret()).not.toBe(secret);
  });

  it('round-trips under a key and never stores the secret in clear', () => {
    const cipher = new WebhookSecretCipher('k'.repeat(32));
    const sealed = cipher.seal(secret);
    expect(sealed).not.toContain(secret.slice(6));
    expect(cipher.open(sealed)).toBe(secret);
  });

  it('refuses to open under another key', () => {
    const sealed = new WebhookSecretCipher('k'.repeat(32)).seal(secret);
    expect(() => new WebhookSecretCipher('x'.repeat(32)).open(sealed)).toThrow();
  });
});
