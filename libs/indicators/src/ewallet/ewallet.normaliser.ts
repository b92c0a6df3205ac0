import { accept, fail, type Outcome } from '../core/outcome';
import { normalisePhone } from '../phone/phone.normaliser';
import { findEwalletProvider, type EwalletProvider } from './ewallet-providers';

// "gcash:0917 123 4567", "TrueMoney 081-234-5678"
const PREFIXED = /^([\p{L}' !-]{2,30}?)\s*[:\s]\s*([+\d][\d\s\-().]{2,})$/u;

function split(
  text: string,
  provider: string | undefined,
): { provider: EwalletProvider | null; value: string; named: string | null } {
  const match = PREFIXED.exec(text);
  const fromText = match?.[1] ? findEwalletProvider(match[1]) : null;
  if (fromText && match?.[2])
    return { provider: fromText, value: match[2], named: match[1] ?? null };
  return {
    provider: provider ? findEwalletProvider(provider) : null,
    value: text,
    named: provider ?? null,
  };
}

/** `<provider>:<E.164 mobile>` for wallets keyed by phone number. */
export function normaliseEwallet(
  text: string,
  raw: string,
  country: string | null,
  provider: string | undefined,
): Outcome {
  const parts = split(text, provider);
  if (!parts.provider) {
    return parts.named
      ? fail('ewallet.unknown_provider', `Unknown e-wallet '${parts.named}'`)
      : fail(
          'ewallet.provider_required',
          'Say which e-wallet (e.g. gcash:0917..., truemoney:08...)',
        );
  }
  const home = parts.provider.country ?? country ?? 'ZZ';
  const phone = normalisePhone(parts.value, parts.value, home);
  if (!phone.ok || phone.indicator.type !== 'phone')
    return fail(
      'ewallet.invalid_id',
      `${parts.provider.name} accounts are mobile numbers; this one is not valid`,
    );
  const id = phone.indicator.canonical;
  return accept('ewallet', `${parts.provider.id}:${id}`, raw, {
    display: `${parts.provider.name} ${phone.indicator.display}`,
    attributes: {
      provider: parts.provider.id,
      providerName: parts.provider.name,
      country: parts.provider.country,
      phone: id,
    },
  });
}
