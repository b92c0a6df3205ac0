// International exit codes seen in ASEAN reports: plain 00 everywhere, and carrier-selection
// codes (001, 007, 008, 009 in TH; 001, 007, 008, 017 in ID; 001 in KH...) that look like 00 + digit.
const ASEAN_CALLING_CODES = ['673', '855', '62', '856', '60', '95', '63', '65', '66', '670', '84'];
const CARRIER_EXIT_CODES = ['001', '007', '008', '009', '017', '018', '019'];

function startsWithAseanCode(digits: string): boolean {
  return ASEAN_CALLING_CODES.some((code) => digits.startsWith(code));
}

/** International candidates (without '+') for a number dialled with an exit code, most likely first. */
export function exitCodeCandidates(digits: string): string[] {
  if (!digits.startsWith('00') && !digits.startsWith('01')) return [];
  const candidates: string[] = [];
  for (const code of CARRIER_EXIT_CODES) {
    const rest = digits.slice(code.length);
    if (digits.startsWith(code) && startsWithAseanCode(rest)) candidates.push(rest);
  }
  if (digits.startsWith('00')) candidates.push(digits.slice(2));
  return candidates;
}
