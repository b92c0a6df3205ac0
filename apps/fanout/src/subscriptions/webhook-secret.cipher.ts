import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** A new Standard Webhooks signing secret: `whsec_` + 32 random bytes in base64. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/**
 * Encrypts webhook secrets at rest with AES-256-GCM under a key derived from
 * SUBSCRIPTION_SECRETS_KEY. Without a key, secrets are stored as `plain:` (development).
 */
export class WebhookSecretCipher {
  private readonly key: Buffer | undefined;

  constructor(secretsKey: string) {
    this.key = secretsKey ? createHash('sha256').update(secretsKey).digest() : undefined;
  }

  get encrypts(): boolean {
    return this.key !== undefined;
  }

  seal(secret: string): string {
    if (!this.key) return `plain:${secret}`;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const ct = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return `v1:${iv.toString('base64')}:${cipher.getAuthTag().toString('base64')}:${ct.toString('base64')}`;
  }

  open(sealed: string): string {
    if (sealed.startsWith('plain:')) return sealed.slice('plain:'.length);
    const [version, iv, tag, ct] = sealed.split(':');
    if (version !== 'v1' || !iv || !tag || !ct || !this.key) {
      throw new Error('webhook secret cannot be decrypted with the configured key');
    }
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(ct, 'base64')), decipher.final()]).toString(
      'utf8',
    );
  }
}
