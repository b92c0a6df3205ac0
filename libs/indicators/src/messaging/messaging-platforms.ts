import { foldDigits } from '../core/digit-folding';
import { normalisePhone } from '../phone/phone.normaliser';

// Account identifiers per platform, each reduced to the form the platform itself treats as the
// same account (case, Facebook's ignored dots, phone numbers to E.164).
export type MessagingPlatform =
  'line' | 'telegram' | 'whatsapp' | 'facebook' | 'zalo' | 'instagram';

export const MESSAGING_PLATFORMS: readonly MessagingPlatform[] = [
  'line',
  'telegram',
  'whatsapp',
  'facebook',
  'zalo',
  'instagram',
];

export type AccountResult =
  { ok: true; id: string; attributes: Record<string, string> } | { ok: false; message: string };

const LINE_ID = /^@?[a-z0-9._-]{3,20}$/;
const TELEGRAM_USERNAME = /^[a-z][a-z0-9_]{3,31}$/;
const FACEBOOK_USERNAME = /^[a-z0-9.]{5,50}$/;
const INSTAGRAM_USERNAME = /^[a-z0-9._]{1,30}$/;

function phoneAccount(value: string, country: string): AccountResult {
  const phone = normalisePhone(value, value, country);
  if (!phone.ok || phone.indicator.type !== 'phone')
    return { ok: false, message: 'Account is identified by a valid phone number' };
  return {
    ok: true,
    id: phone.indicator.canonical,
    attributes: { phone: phone.indicator.canonical },
  };
}

function lineAccount(value: string): AccountResult {
  const id = value.toLowerCase();
  if (!LINE_ID.test(id))
    return {
      ok: false,
      message: 'LINE IDs are 4-20 letters, digits, . _ - (official accounts start with @)',
    };
  return {
    ok: true,
    id,
    attributes: { accountKind: id.startsWith('@') ? 'official' : 'personal' },
  };
}

function telegramAccount(value: string): AccountResult {
  const id = value.replace(/^@/, '').toLowerCase();
  if (!TELEGRAM_USERNAME.test(id))
    return {
      ok: false,
      message: 'Telegram usernames are 5-32 letters, digits or _ and start with a letter',
    };
  return { ok: true, id, attributes: {} };
}

function facebookAccount(value: string): AccountResult {
  const numeric = foldDigits(value).replace(/^id:/i, '');
  if (/^\d{5,20}$/.test(numeric))
    return { ok: true, id: `id:${numeric}`, attributes: { accountKind: 'numeric_id' } };
  const group = /^group:(.+)$/i.exec(value);
  if (group && group[1] && /^[A-Za-z0-9.]{1,80}$/.test(group[1]))
    return {
      ok: true,
      id: `group:${group[1].toLowerCase()}`,
      attributes: { accountKind: 'group' },
    };
  // Facebook ignores dots and case in usernames: john.smith and JohnSmith are one profile. So
  // the five-character minimum counts letters and digits only, and a username needs a letter
  // (all digits is a numeric profile id): otherwise the canonical form would not read back.
  const id = value.replace(/^@/, '').toLowerCase();
  const compact = id.replace(/\./g, '');
  if (!FACEBOOK_USERNAME.test(id) || compact.length < 5 || /^\d+$/.test(compact))
    return {
      ok: false,
      message: 'Facebook usernames are 5-50 letters and digits (dots ignored), at least one letter',
    };
  return {
    ok: true,
    id: compact,
    attributes: { accountKind: 'username', username: id },
  };
}

function instagramAccount(value: string): AccountResult {
  const id = value.replace(/^@/, '').toLowerCase();
  if (!INSTAGRAM_USERNAME.test(id) || id.startsWith('.') || id.endsWith('.')) {
    return { ok: false, message: 'Instagram usernames are up to 30 letters, digits, . or _' };
  }
  return { ok: true, id, attributes: {} };
}

function whatsappAccount(value: string, country: string): AccountResult {
  const group = /^group:([A-Za-z0-9]{10,40})$/.exec(value);
  if (group && group[1])
    return { ok: true, id: `group:${group[1]}`, attributes: { accountKind: 'group_invite' } };
  return phoneAccount(value, country);
}

export function normaliseAccount(
  platform: MessagingPlatform,
  value: string,
  country: string,
): AccountResult {
  switch (platform) {
    case 'line':
      return lineAccount(value);
    case 'telegram':
      return telegramAccount(value);
    case 'whatsapp':
      return whatsappAccount(value, country);
    case 'zalo':
      return phoneAccount(value, country);
    case 'facebook':
      return facebookAccount(value);
    case 'instagram':
      return instagramAccount(value);
  }
}
