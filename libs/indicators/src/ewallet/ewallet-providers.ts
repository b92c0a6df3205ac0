// E-wallets that identify accounts by the holder's mobile number. `country` is the home market
// (its numbering plan parses national numbers); null means multi-country (use the report's).
export interface EwalletProvider {
  id: string;
  name: string;
  country: string | null;
  aliases: string[];
}

export const EWALLET_PROVIDERS: readonly EwalletProvider[] = [
  {
    id: 'truemoney',
    name: 'TrueMoney Wallet',
    country: 'TH',
    aliases: ['true money', 'truemoney wallet', 'ทรูมันนี่'],
  },
  { id: 'gcash', name: 'GCash', country: 'PH', aliases: [] },
  { id: 'maya', name: 'Maya (PayMaya)', country: 'PH', aliases: ['paymaya'] },
  {
    id: 'tng',
    name: "Touch 'n Go eWallet",
    country: 'MY',
    aliases: ['touchngo', "touch 'n go", 'touch n go', 'tngo'],
  },
  { id: 'boost', name: 'Boost', country: 'MY', aliases: [] },
  { id: 'paylah', name: 'DBS PayLah!', country: 'SG', aliases: ['paylah!'] },
  { id: 'ovo', name: 'OVO', country: 'ID', aliases: [] },
  { id: 'dana', name: 'DANA', country: 'ID', aliases: [] },
  { id: 'gopay', name: 'GoPay', country: 'ID', aliases: ['go-pay'] },
  { id: 'linkaja', name: 'LinkAja', country: 'ID', aliases: [] },
  { id: 'momo', name: 'MoMo', country: 'VN', aliases: [] },
  { id: 'zalopay', name: 'ZaloPay', country: 'VN', aliases: [] },
  { id: 'viettelmoney', name: 'Viettel Money', country: 'VN', aliases: ['viettelpay'] },
  { id: 'wing', name: 'Wing', country: 'KH', aliases: [] },
  { id: 'kbzpay', name: 'KBZPay', country: 'MM', aliases: [] },
  { id: 'wavepay', name: 'WavePay', country: 'MM', aliases: ['wave money'] },
  { id: 'mmoney', name: 'M-Money', country: 'LA', aliases: [] },
  { id: 'grabpay', name: 'GrabPay', country: null, aliases: ['grab pay'] },
  { id: 'shopeepay', name: 'ShopeePay', country: null, aliases: ['shopee pay'] },
];

const BY_NAME = new Map<string, EwalletProvider>();
for (const provider of EWALLET_PROVIDERS) {
  for (const name of [provider.id, provider.name, ...provider.aliases])
    BY_NAME.set(name.toLowerCase().replace(/\s+/g, ' '), provider);
}

export function findEwalletProvider(name: string): EwalletProvider | null {
  return BY_NAME.get(name.trim().toLowerCase().replace(/\s+/g, ' ')) ?? null;
}
