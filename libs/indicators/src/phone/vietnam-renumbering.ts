// Vietnam moved 11-digit mobile numbers (0 + 1xx + 7 digits) to 10 digits in Sept-Nov 2018
// (MIC Decision 798/QD-BTTTT). Reports still carry the old numbers, so we map them to the new
// ones; the old prefix is kept as an attribute.
const OLD_TO_NEW_PREFIX: Readonly<Record<string, string>> = {
  // Viettel
  '162': '32',
  '163': '33',
  '164': '34',
  '165': '35',
  '166': '36',
  '167': '37',
  '168': '38',
  '169': '39',
  // MobiFone
  '120': '70',
  '121': '79',
  '122': '77',
  '126': '76',
  '128': '78',
  // VinaPhone
  '123': '83',
  '124': '84',
  '125': '85',
  '127': '81',
  '129': '82',
  // Vietnamobile
  '186': '56',
  '188': '58',
  // Gmobile
  '199': '59',
};

/** Given a Vietnamese national significant number, returns the post-2018 one or null when it is not an old mobile number. */
export function renumberVietnamMobile(nationalSignificant: string): string | null {
  if (nationalSignificant.length !== 10 || nationalSignificant[0] !== '1') return null;
  const replacement = OLD_TO_NEW_PREFIX[nationalSignificant.slice(0, 3)];
  return replacement ? replacement + nationalSignificant.slice(3) : null;
}
