// Browsers (and so phishing links) accept IPv4 hosts in octal, hex, decimal and with fewer than
// four parts ("http://3279880203/"); Safe Browsing canonicalises them to dotted decimal.

function parsePart(part: string): number | null {
  if (part === '') return null;
  if (/^0x[0-9a-f]*$/i.test(part)) return part.length === 2 ? 0 : parseInt(part.slice(2), 16);
  if (/^0[0-7]*$/.test(part)) return parseInt(part, 8);
  if (/^[1-9]\d*$/.test(part)) return Number(part);
  return null;
}

/** Dotted-decimal form of a host that browsers would read as IPv4, or null. */
export function canonicalIpv4(host: string): string | null {
  const parts = host.split('.');
  if (parts.length > 4 || parts.length === 0) return null;
  const numbers: number[] = [];
  for (const part of parts) {
    if (part.length > 12) return null;
    const value = parsePart(part);
    if (value === null || !Number.isFinite(value)) return null;
    numbers.push(value);
  }
  const last = numbers.pop() ?? 0;
  if (numbers.some((n) => n > 255)) return null;
  const remainingBytes = 4 - numbers.length;
  if (last >= 256 ** remainingBytes) return null;
  const bytes = [...numbers];
  for (let i = remainingBytes - 1; i >= 0; i--) bytes.push(Math.floor(last / 256 ** i) % 256);
  return bytes.join('.');
}
