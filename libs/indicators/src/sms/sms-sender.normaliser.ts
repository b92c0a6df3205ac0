import { hostSkeleton } from '../domain/confusable-skeleton';
import { PROTECTED_BRANDS } from '../domain/protected-brands';
import { splitCountryPrefix } from '../core/country';
import { accept, fail, warning, type Outcome } from '../core/outcome';
import type { IndicatorWarning } from '../types';

// Alphanumeric SMS sender IDs (GSM 03.38 TP-OA): at most 11 characters. Operators and the
// registries (NBTC, MCMC, IMDA SSIR) match them case-insensitively, so the canonical form is
// upper case; the identity is per country because each country keeps its own registry.
const MAX_SENDER_LENGTH = 11;
const ALLOWED = /^[A-Za-z0-9 ._&+\-!'@#$%*()/:?,]+$/;

// Senders that compress to a registered brand sender once look-alikes are folded ("KBANK" vs "K8ANK").
const BRAND_SENDERS = new Map<string, { sender: string; brand: string }>();
for (const brand of PROTECTED_BRANDS) {
  for (const sender of brand.senders ?? [])
    BRAND_SENDERS.set(compress(sender), { sender, brand: brand.name });
}

function compress(sender: string): string {
  return hostSkeleton(sender.replace(/[^A-Za-z0-9]/g, '')).replace(/[^a-z0-9]/g, '');
}

function lookalikeWarning(canonical: string): IndicatorWarning[] {
  const match = BRAND_SENDERS.get(compress(canonical));
  if (!match || match.sender === canonical) return [];
  return [
    warning(
      'sms_sender.brand_lookalike',
      `looks like the registered sender ${match.sender} of ${match.brand}`,
    ),
  ];
}

export function normaliseSmsSender(text: string, raw: string, reportCountry: string): Outcome {
  const { country, value } = splitCountryPrefix(text, reportCountry);
  const sender = value.normalize('NFKC').replace(/\s+/g, ' ').trim();
  if (!ALLOWED.test(sender))
    return fail(
      'sms_sender.invalid_characters',
      'Sender IDs use Latin letters, digits, spaces and simple punctuation',
    );
  if (sender.length > MAX_SENDER_LENGTH)
    return fail(
      'sms_sender.too_long',
      `Alphanumeric sender IDs are at most ${MAX_SENDER_LENGTH} characters`,
    );
  if (!/[A-Za-z]/.test(sender))
    return fail(
      'sms_sender.no_letters',
      'A sender ID without letters is a phone number or a short code',
    );
  const canonical = sender.toUpperCase();
  return accept('sms_sender', `${country}:${canonical}`, raw, {
    display: `${sender} (${country})`,
    attributes: { country, id: canonical },
    warnings: lookalikeWarning(canonical),
  });
}
