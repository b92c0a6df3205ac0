// Threat-intel sources "defang" links so nobody clicks them: hxxp://evil[.]com, evil(.)com,
// evil[dot]com. We restore them, and say so in a warning.
const DEFANGED = /hxxps?|\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\)|\[:\]|\[\/\]/i;

export function refang(text: string): { text: string; changed: boolean } {
  if (!DEFANGED.test(text)) return { text, changed: false };
  const restored = text
    .replace(/^hxxp(s?)/i, 'http$1')
    .replace(/\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\)/gi, '.')
    .replace(/\[:\]/g, ':')
    .replace(/\[\/\]/g, '/');
  return { text: restored, changed: restored !== text };
}
