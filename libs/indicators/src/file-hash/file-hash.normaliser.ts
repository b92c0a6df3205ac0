import { accept, fail, type Outcome } from '../core/outcome';

const SHA256 = /^(?:sha-?256[:=\s]\s*)?([0-9a-fA-F]{64})$/i;

/** SHA-256 of a malicious file (usually an APK), lower-case hex with an algorithm prefix. */
export function normaliseFileHash(text: string, raw: string): Outcome {
  const match = SHA256.exec(text.replace(/\s+/g, ' '));
  if (!match || !match[1])
    return fail('file_hash.invalid', 'Expected a SHA-256 hash: 64 hexadecimal characters');
  const hex = match[1].toLowerCase();
  return accept('file_hash', `sha256:${hex}`, raw, { attributes: { algorithm: 'sha256', hex } });
}
