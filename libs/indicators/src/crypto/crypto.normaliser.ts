import { accept, fail, warning, type Outcome } from '../core/outcome';
import type { IndicatorWarning } from '../types';
import { checkBtcAddress } from './btc-address';
import type { CryptoCheck } from './crypto-address';
import { checkEvmAddress } from './evm-address';
import { checkTronAddress } from './tron-address';

type Checker = (text: string) => CryptoCheck | null;
const CHECKERS: Readonly<Record<string, Checker>> = {
  btc: checkBtcAddress,
  evm: checkEvmAddress,
  tron: checkTronAddress,
};

export function looksLikeCryptoAddress(text: string): boolean {
  return Object.values(CHECKERS).some((check) => check(text) !== null);
}

function check(text: string, provider: string | undefined): CryptoCheck | null {
  const checker = provider ? CHECKERS[provider] : undefined;
  if (checker) return checker(text);
  for (const candidate of Object.values(CHECKERS)) {
    const result = candidate(text);
    if (result) return result;
  }
  return null;
}

/** `<chain>:<address>`: bech32 lower-cased, EVM in EIP-55 case, base58 as is (it is case-sensitive). */
export function normaliseCrypto(text: string, raw: string, provider: string | undefined): Outcome {
  const value = text.replace(/^(bitcoin|ethereum|tron):/i, '').replace(/\?.*$/, '');
  const result = check(value, provider);
  if (!result)
    return fail('crypto.unrecognised', 'Not a Bitcoin, EVM (Ethereum/BSC/Polygon) or TRON address');
  if (!result.ok) return fail(result.code, result.message);
  const { address } = result;
  const warnings: IndicatorWarning[] = [];
  if (address.network !== 'mainnet')
    warnings.push(
      warning('crypto.testnet', `A ${address.network} address; it holds no real funds`),
    );
  if (result.unverified)
    warnings.push(
      warning('crypto.no_checksum', 'All one case: the EIP-55 checksum could not be verified'),
    );
  return accept('crypto', `${address.chain}:${address.address}`, raw, {
    display: address.address,
    attributes: {
      chain: address.chain,
      address: address.address,
      network: address.network,
      addressType: address.addressType,
      evmHex: address.evmHex ?? null,
    },
    warnings,
  });
}
