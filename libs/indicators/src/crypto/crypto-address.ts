import type { RejectionCode } from '../core/rejection-codes';

export interface CryptoAddress {
  chain: 'btc' | 'evm' | 'tron';
  address: string;
  network: string;
  addressType: string;
  evmHex?: string;
}

export type CryptoCheck =
  | { ok: true; address: CryptoAddress; unverified?: boolean }
  | { ok: false; code: RejectionCode; message: string };
