import { createBase58check } from '@scure/base';
import { sha256 } from '@noble/hashes/sha2';
import type { CryptoCheck } from './crypto-address';
import { toChecksumAddress } from './evm-address';

const base58check = createBase58check(sha256);
const TRON_VERSION = 0x41;
export const TRON_SHAPE = /^T[1-9A-HJ-NP-Za-km-z]{33}$/;

/** TRON base58check address (version 0x41); USDT-TRC20 is the most reported scam rail. */
export function checkTronAddress(text: string): CryptoCheck | null {
  if (!TRON_SHAPE.test(text)) return null;
  let payload: Uint8Array;
  try {
    payload = base58check.decode(text);
  } catch {
    return {
      ok: false,
      code: 'crypto.invalid_checksum',
      message: 'Base58Check checksum does not match',
    };
  }
  if (payload.length !== 21 || payload[0] !== TRON_VERSION)
    return { ok: false, code: 'crypto.invalid_length', message: 'Not a TRON address payload' };
  // The same 20 bytes as an EVM address lets analysts link a TRON wallet to its EVM twin.
  const evmHex = toChecksumAddress(Buffer.from(payload.slice(1)).toString('hex'));
  return {
    ok: true,
    address: { chain: 'tron', address: text, network: 'mainnet', addressType: 'account', evmHex },
  };
}
