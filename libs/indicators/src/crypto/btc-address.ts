import { bech32, bech32m, createBase58check } from '@scure/base';
import { sha256 } from '@noble/hashes/sha2';
import type { CryptoAddress, CryptoCheck } from './crypto-address';

const base58check = createBase58check(sha256);

const BASE58_VERSIONS: Readonly<Record<number, { network: string; addressType: string }>> = {
  0x00: { network: 'mainnet', addressType: 'p2pkh' },
  0x05: { network: 'mainnet', addressType: 'p2sh' },
  0x6f: { network: 'testnet', addressType: 'p2pkh' },
  0xc4: { network: 'testnet', addressType: 'p2sh' },
};
const HRP_NETWORK: Readonly<Record<string, string>> = {
  bc: 'mainnet',
  tb: 'testnet',
  bcrt: 'regtest',
};

export const BTC_BASE58_SHAPE = /^[13mn2][1-9A-HJ-NP-Za-km-z]{25,34}$/;
export const BTC_BECH32_SHAPE = /^(bc|tb|bcrt)1[02-9ac-hj-np-z]{6,87}$/i;

function base58Address(text: string): CryptoCheck {
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
  const version = BASE58_VERSIONS[payload[0] ?? -1];
  if (payload.length !== 21 || !version)
    return { ok: false, code: 'crypto.invalid_length', message: 'Not a Bitcoin address payload' };
  return { ok: true, address: { chain: 'btc', address: text, ...version } };
}

function witnessType(version: number, programLength: number): string | null {
  if (version === 0) return programLength === 20 ? 'p2wpkh' : programLength === 32 ? 'p2wsh' : null;
  if (version === 1 && programLength === 32) return 'p2tr';
  return version <= 16 && programLength >= 2 && programLength <= 40 ? `witness_v${version}` : null;
}

/** BIP-173 (bech32, witness v0) and BIP-350 (bech32m, v1+) addresses. */
function segwitAddress(text: string): CryptoCheck {
  if (text !== text.toLowerCase() && text !== text.toUpperCase()) {
    return {
      ok: false,
      code: 'crypto.mixed_case',
      message: 'Bech32 addresses must not mix upper and lower case',
    };
  }
  const lower = text.toLowerCase();
  let decoded: { prefix: string; words: number[] } | null = null;
  let variant: 'bech32' | 'bech32m' = 'bech32';
  try {
    decoded = bech32.decode(lower as `${string}1${string}`, 90);
  } catch {
    try {
      decoded = bech32m.decode(lower as `${string}1${string}`, 90);
      variant = 'bech32m';
    } catch {
      return {
        ok: false,
        code: 'crypto.invalid_checksum',
        message: 'Bech32/bech32m checksum does not match',
      };
    }
  }
  const version = decoded.words[0] ?? -1;
  if ((version === 0) !== (variant === 'bech32')) {
    return {
      ok: false,
      code: 'crypto.invalid_checksum',
      message: 'Witness v0 uses bech32, v1+ uses bech32m (BIP-350)',
    };
  }
  let program: Uint8Array;
  try {
    program = (variant === 'bech32' ? bech32 : bech32m).fromWords(decoded.words.slice(1));
  } catch {
    return {
      ok: false,
      code: 'crypto.invalid_length',
      message: 'Witness program has invalid padding',
    };
  }
  const addressType = witnessType(version, program.length);
  if (!addressType)
    return { ok: false, code: 'crypto.invalid_length', message: 'Invalid witness program length' };
  const address: CryptoAddress = {
    chain: 'btc',
    address: lower,
    network: HRP_NETWORK[decoded.prefix] ?? 'unknown',
    addressType,
  };
  return { ok: true, address };
}

export function checkBtcAddress(text: string): CryptoCheck | null {
  if (BTC_BECH32_SHAPE.test(text)) return segwitAddress(text);
  if (BTC_BASE58_SHAPE.test(text)) return base58Address(text);
  return null;
}
