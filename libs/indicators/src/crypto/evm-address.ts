import { keccak_256 } from '@noble/hashes/sha3';
import type { CryptoCheck } from './crypto-address';

export const EVM_SHAPE = /^0x[0-9a-fA-F]{40}$/;

/** EIP-55 mixed-case checksum encoding of a 20-byte address. */
export function toChecksumAddress(hex40: string): string {
  const lower = hex40.toLowerCase();
  const hash = Buffer.from(keccak_256(lower)).toString('hex');
  let out = '0x';
  for (let i = 0; i < lower.length; i++) {
    const ch = lower[i] ?? '';
    out += parseInt(hash[i] ?? '0', 16) >= 8 ? ch.toUpperCase() : ch;
  }
  return out;
}

export function checkEvmAddress(text: string): CryptoCheck | null {
  if (!EVM_SHAPE.test(text)) return null;
  const hex = text.slice(2);
  const checksummed = toChecksumAddress(hex);
  const hasChecksum = hex !== hex.toLowerCase() && hex !== hex.toUpperCase();
  if (hasChecksum && checksummed !== text)
    return {
      ok: false,
      code: 'crypto.invalid_checksum',
      message: 'EIP-55 checksum (letter case) does not match',
    };
  return {
    ok: true,
    address: { chain: 'evm', address: checksummed, network: 'mainnet', addressType: 'account' },
    unverified: !hasChecksum,
  };
}
