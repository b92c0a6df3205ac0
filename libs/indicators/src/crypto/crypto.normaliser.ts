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

// URI schemes (BIP-21 `bitcoin:`, EIP-681 `ethereum:`, `tron:`) and our own canonical chain
// prefixes (`btc:`, `evm:`), so a canonical `evm:0x…` normalises to itself.
const CHAIN_PREFIX = /^(bitcoin|btc|ethereum|evm|tron):/i;
const PREFIX_CHAIN: Readonly<Record<string, string>> = {
  bitcoin: 'btc',
  btc: 'btc',
  ethereum: 'evm',
  evm: 'evm',
  tron: 'tron',
};

function check(text: string, chain: string | undefined): CryptoCheck | null {
  const checker = chain ? CHECKERS[chain] : undefined;
  if (checker) return checker(text);
  for (const candidate of Object.values(CHECKERS)) {
    const result = candidate(text);
    if (result) return result;
  }
  return null;
}

function splitChain(text: string): { chain: string | undefined; value: string } {
  const prefix = CHAIN_PREFIX.exec(text);
  const value = (prefix ? text.slice(prefix[0].length) : text).replace(/\?.*$/, '');
  return { chain: prefix?.[1] ? PREFIX_CHAIN[prefix[1].toLowerCase()] : undefined, value };
}

/** `<chain>:<address>`: bech32 lower-cased, EVM in EIP-55 case, base58 as is (it is case-sensitive). */
export function normaliseCrypto(text: string, raw: string, provider: string | undefined): Outcome {
  const { chain, value } = splitChain(text);
  // A hinted chain ('btc', 'tron') and a prefix naming another chain cannot both be right.
  if (chain && provider && CHECKERS[provider] && provider !== chain)
    return fail('crypto.unrecognised', `A ${chain} prefix on a value declared as ${provider}`);
  const result = check(value, chain ?? provider);
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
