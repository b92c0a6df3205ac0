/** Shared vocabularies: TLP 2.0 markings, scam typologies, organisation roles. */
export const TLP_LEVELS = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const;
export type Tlp = (typeof TLP_LEVELS)[number];

export const TYPOLOGIES = [
  'investment',
  'impersonation',
  'romance',
  'job',
  'shopping',
  'loan',
  'phishing',
  'malware_apk',
  'other',
] as const;
export type Typology = (typeof TYPOLOGIES)[number];

export const CHANNELS = [
  'phone_call',
  'sms',
  'messaging_app',
  'social_media',
  'website',
  'email',
  'other',
] as const;
export type Channel = (typeof CHANNELS)[number];

export const ROLES = ['agency', 'telco', 'bank', 'operator'] as const;
export type Role = (typeof ROLES)[number];

/** ISO 3166-1 alpha-2 codes of the eleven ASEAN members (Timor-Leste included). */
export const MEMBER_COUNTRIES = [
  'BN',
  'KH',
  'ID',
  'LA',
  'MY',
  'MM',
  'PH',
  'SG',
  'TH',
  'TL',
  'VN',
] as const;
export type MemberCountry = (typeof MEMBER_COUNTRIES)[number];
