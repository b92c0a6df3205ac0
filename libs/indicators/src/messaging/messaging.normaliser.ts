import { accept, fail, type Outcome } from '../core/outcome';
import {
  MESSAGING_PLATFORMS,
  normaliseAccount,
  type MessagingPlatform,
} from './messaging-platforms';

const PLATFORM_ALIASES: Readonly<Record<string, MessagingPlatform>> = {
  line: 'line',
  'line id': 'line',
  lineid: 'line',
  ไลน์: 'line',
  telegram: 'telegram',
  tg: 'telegram',
  whatsapp: 'whatsapp',
  wa: 'whatsapp',
  facebook: 'facebook',
  fb: 'facebook',
  messenger: 'facebook',
  zalo: 'zalo',
  instagram: 'instagram',
  ig: 'instagram',
};

// "LINE ID: scam123", "telegram: @scam", "line:@kbank_support"
const PREFIXED = /^([\p{L}\p{M} ]{2,12}?)\s*(?:id)?\s*[:：]\s*(.+)$/iu;

export function platformFromName(name: string | undefined): MessagingPlatform | null {
  if (!name) return null;
  return PLATFORM_ALIASES[name.trim().toLowerCase()] ?? null;
}

export function isMessagingPlatform(value: string): value is MessagingPlatform {
  return (MESSAGING_PLATFORMS as readonly string[]).includes(value);
}

function splitPlatform(
  text: string,
  hinted: MessagingPlatform | null,
): { platform: MessagingPlatform | null; value: string } {
  const prefixed = PREFIXED.exec(text);
  const named = prefixed ? platformFromName(prefixed[1]) : null;
  if (named && prefixed && prefixed[2] !== undefined)
    return { platform: named, value: prefixed[2].trim() };
  return { platform: hinted, value: text };
}

/** `messaging:<platform>:<account>`; the platform comes from the hint, the provider or a prefix in the value. */
export function normaliseMessaging(
  text: string,
  raw: string,
  country: string,
  platformHint: string | undefined,
): Outcome {
  const hinted = platformFromName(platformHint);
  if (platformHint && !hinted && platformHint !== 'messaging') {
    return fail('messaging.unknown_platform', `Unknown messaging platform '${platformHint}'`);
  }
  const { platform, value } = splitPlatform(text, hinted);
  if (!platform)
    return fail(
      'messaging.platform_required',
      'Say which platform (line:, telegram:, whatsapp:, facebook:, zalo:, instagram:)',
    );
  const account = normaliseAccount(platform, value, country);
  if (!account.ok) return fail('messaging.invalid_id', account.message);
  return accept('messaging', `${platform}:${account.id}`, raw, {
    display: `${platform} ${account.id}`,
    attributes: { platform, account: account.id, ...account.attributes },
  });
}
