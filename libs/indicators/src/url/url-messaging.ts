import { buildIndicator } from '../core/outcome';
import { normaliseAccount, type MessagingPlatform } from '../messaging/messaging-platforms';
import type { CanonicalIndicator } from '../types';

// Links that are really a messaging account: t.me/<user>, wa.me/<phone>, line.me/ti/p/~<id>,
// facebook.com/<user>. The URL stays the indicator; the account comes along as `related`.
const FACEBOOK_RESERVED = new Set([
  'groups',
  'pages',
  'events',
  'share',
  'sharer',
  'watch',
  'marketplace',
  'login',
  'story.php',
  'photo.php',
  'reel',
  'permalink.php',
  'help',
  'policies',
  'privacy',
  'hashtag',
  'gaming',
  'settings',
  'home.php',
  'l.php',
  'dialog',
  'plugins',
  'tr',
]);
const TELEGRAM_RESERVED = new Set(['s', 'joinchat', 'share', 'addstickers', 'proxy', 'iv', 'c']);

function queryParam(query: string | null, name: string): string | null {
  if (!query) return null;
  for (const pair of query.split('&')) {
    const [key, value] = pair.split('=', 2);
    if (key === name && value) return value;
  }
  return null;
}

function accountFromUrl(
  host: string,
  path: string,
  query: string | null,
): { platform: MessagingPlatform; value: string } | null {
  const bare = host.replace(/^(www|m|mobile|web)\./, '');
  const segments = path.split('/').filter((s) => s !== '');
  const first = segments[0] ?? '';
  if (bare === 't.me' || bare === 'telegram.me') {
    const user = first === 's' ? segments[1] : first;
    return user && !TELEGRAM_RESERVED.has(user) && !user.startsWith('+')
      ? { platform: 'telegram', value: user }
      : null;
  }
  if (bare === 'wa.me')
    return /^\d{6,15}$/.test(first) ? { platform: 'whatsapp', value: `+${first}` } : null;
  if (bare === 'api.whatsapp.com' || bare === 'whatsapp.com') {
    const phone = queryParam(query, 'phone');
    return phone && /^\+?\d{6,15}$/.test(phone)
      ? { platform: 'whatsapp', value: `+${phone.replace(/^\+/, '')}` }
      : null;
  }
  if (bare === 'chat.whatsapp.com')
    return first ? { platform: 'whatsapp', value: `group:${first}` } : null;
  if (bare === 'line.me') {
    const id = segments[segments.length - 1] ?? '';
    if (segments.includes('p') && id) return { platform: 'line', value: id.replace(/^~/, '') };
    return null;
  }
  if (bare === 'zalo.me')
    return /^\+?\d{8,15}$/.test(first)
      ? {
          platform: 'zalo',
          value: first.startsWith('0') || first.startsWith('+') ? first : `+${first}`,
        }
      : null;
  if (bare === 'facebook.com' || bare === 'fb.com' || bare === 'fb.me') {
    if (first === 'profile.php') {
      const id = queryParam(query, 'id');
      return id ? { platform: 'facebook', value: `id:${id}` } : null;
    }
    if (first === 'groups' && segments[1])
      return { platform: 'facebook', value: `group:${segments[1]}` };
    return first && !FACEBOOK_RESERVED.has(first) ? { platform: 'facebook', value: first } : null;
  }
  if (bare === 'instagram.com')
    return first && !['p', 'reel', 'stories', 'explore', 'accounts'].includes(first)
      ? { platform: 'instagram', value: first }
      : null;
  return null;
}

export function messagingFromUrl(
  host: string,
  path: string,
  query: string | null,
  raw: string,
): CanonicalIndicator | null {
  const found = accountFromUrl(host, path, query);
  if (!found) return null;
  // zalo.me links carry Vietnamese national numbers; the others carry international ones.
  const account = normaliseAccount(
    found.platform,
    found.value,
    found.platform === 'zalo' ? 'VN' : 'ZZ',
  );
  if (!account.ok) return null;
  const canonical = `${found.platform}:${account.id}`;
  return buildIndicator('messaging', canonical, raw, {
    display: `${found.platform} ${account.id}`,
    attributes: { platform: found.platform, account: account.id, ...account.attributes },
  });
}
