// Public API of '@wgas/indicators': pure functions, no I/O, no framework. See README.md.
export * from './types';
export { normalise } from './normalise';
export { detect } from './detect/detect';
export { extract, MAX_TEXT_LENGTH } from './extract/text-extractor';
export {
  indicatorHash,
  hashPrefix,
  parseIndicatorHash,
  type ConsortiumKey,
} from './hash/indicator-hash';
export {
  REJECTION_CODES,
  WARNING_CODES,
  type RejectionCode,
  type WarningCode,
} from './core/rejection-codes';
export { MAX_INPUT_LENGTH } from './core/input-sanitiser';
export { canonicaliseSafeBrowsing, type SafeBrowsingUrl } from './url/safe-browsing-canonicaliser';
export { skeleton as confusableSkeleton } from './domain/confusable-skeleton';
export { PROTECTED_BRANDS, type ProtectedBrand } from './domain/protected-brands';
export { BANK_REGISTRY, type BankEntry } from './bank/bank-registry.data';
