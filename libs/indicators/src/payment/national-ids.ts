// Checksums of the national identifiers that double as payment proxies.

/** Thai 13-digit citizen / juristic ID: weighted mod-11 check digit. */
export function isValidThaiId(id: string): boolean {
  if (!/^\d{13}$/.test(id)) return false;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(id[i]) * (13 - i);
  return (11 - (sum % 11)) % 10 === Number(id[12]);
}

const NRIC_WEIGHTS = [2, 7, 6, 5, 4, 3, 2];
const NRIC_LETTERS: Readonly<Record<string, { offset: number; letters: string }>> = {
  S: { offset: 0, letters: 'JZIHGFEDCBA' },
  T: { offset: 4, letters: 'JZIHGFEDCBA' },
  F: { offset: 0, letters: 'XWUTRQPNMLK' },
  G: { offset: 4, letters: 'XWUTRQPNMLK' },
};

/** Singapore NRIC/FIN check letter. M-series FINs (2022+) use an unpublished variant: 'unverified'. */
export function checkSingaporeNric(id: string): 'valid' | 'invalid' | 'unverified' {
  if (!/^[STFGM]\d{7}[A-Z]$/.test(id)) return 'invalid';
  const prefix = id[0] ?? '';
  const scheme = NRIC_LETTERS[prefix];
  if (!scheme) return 'unverified';
  let sum = scheme.offset;
  for (let i = 0; i < 7; i++) sum += Number(id[i + 1]) * (NRIC_WEIGHTS[i] ?? 0);
  return scheme.letters[sum % 11] === id[8] ? 'valid' : 'invalid';
}

/** Singapore UEN shapes (business 8 digits + letter, local company YYYY + 5 digits + letter, other entities T/S/R...). */
export function isSingaporeUenShape(uen: string): boolean {
  return (
    /^\d{8}[A-Z]$/.test(uen) ||
    /^(19|20)\d{2}\d{5}[A-Z]$/.test(uen) ||
    /^[TSR]\d{2}[A-Z]{2}\d{4}[A-Z]$/.test(uen)
  );
}

/** Malaysian MyKad number: YYMMDD + 2-digit place of birth + 4 digits. */
export function isPlausibleMyKad(id: string): boolean {
  if (!/^\d{12}$/.test(id)) return false;
  const month = Number(id.slice(2, 4));
  const day = Number(id.slice(4, 6));
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** Malaysian business registration number, 2019+ format: YYYY + entity type (01-06) + 6 digits. */
export function isMalaysianBrn(id: string): boolean {
  return /^(19|20)\d{2}0[1-6]\d{6}$/.test(id);
}
