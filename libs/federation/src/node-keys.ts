import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';

export interface NodeKeyPair {
  keyId: string;
  /** PKCS#8 PEM; stays on the node (a file readable by the fan-out service only). */
  privateKeyPem: string;
  /** Raw 32-byte Ed25519 public key, base64: what peers put in their registry. */
  publicKey: string;
}

/** A new Ed25519 key pair for a node; key ids look like `th-2026-11-26-1a2b`. */
export function generateNodeKeyPair(node: string, now = new Date()): NodeKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const suffix = publicKey.export({ format: 'der', type: 'spki' }).subarray(-2).toString('hex');
  return {
    keyId: `${node}-${now.toISOString().slice(0, 10)}-${suffix}`,
    privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    publicKey: rawPublicKey(publicKey),
  };
}

// An Ed25519 SPKI DER is a fixed 12-byte header followed by the 32-byte key.
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export function rawPublicKey(key: KeyObject): string {
  return key
    .export({ format: 'der', type: 'spki' })
    .subarray(SPKI_PREFIX.length)
    .toString('base64');
}

export function publicKeyFromRaw(base64: string): KeyObject {
  const raw = Buffer.from(base64, 'base64');
  if (raw.length !== 32) throw new Error('an Ed25519 public key is 32 bytes');
  return createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}

export function privateKeyFromPem(pem: string): KeyObject {
  const key = createPrivateKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('the node key must be Ed25519');
  return key;
}
