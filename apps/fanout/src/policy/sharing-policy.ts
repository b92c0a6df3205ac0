import type { Tlp } from '@wgas/contracts';

/**
 * TLP 2.0 sharing policy plus per-recipient type routing, as a pure function. Every
 * decision carries the rule that made it, and that rule is stored with each alert.
 */
export type RecipientRole = 'agency' | 'telco' | 'bank';

export interface PolicyIndicator {
  type: string;
  tlp: Tlp;
  /** Node whose agency reported it (lower-case node id). */
  originNode: string;
  confidence: number;
  typology: string;
  /** Countries that reported it (ISO alpha-2, upper case). */
  countries: string[];
  status?: 'active' | 'expired' | 'retracted' | 'false_positive';
  warninglisted?: boolean;
}

export interface SubscriptionFilter {
  types?: string[];
  originCountries?: string[];
  minConfidence?: number;
  typologies?: string[];
}

export interface PolicyRecipient {
  role: RecipientRole;
  /** Node the recipient belongs to. */
  node: string;
  subscription?: SubscriptionFilter;
}

export type PolicyDecision = { send: boolean; rule: string };

/** Indicator types each subscriber role acts on; agencies receive every type. */
export const ROUTED_TYPES: Record<Exclude<RecipientRole, 'agency'>, ReadonlySet<string>> = {
  telco: new Set(['phone', 'short_code', 'sms_sender', 'url', 'domain']),
  bank: new Set(['bank_account', 'payment_proxy', 'ewallet', 'crypto']),
};

/** Below this confidence an indicator is held back from subscribers unless they ask for less. */
export const DEFAULT_MIN_CONFIDENCE = 0.5;

const send = (rule: string): PolicyDecision => ({ send: true, rule });
const hold = (rule: string): PolicyDecision => ({ send: false, rule });

export function decideSharing(
  indicator: PolicyIndicator,
  recipient: PolicyRecipient,
): PolicyDecision {
  const status = indicator.status ?? 'active';
  if (status !== 'active') return hold(`status:${status}`);
  if (indicator.warninglisted) return hold('warninglisted');

  const home = recipient.node === indicator.originNode;
  const tlp = tlpDecision(indicator.tlp, recipient.role, home);
  if (!tlp.send) return tlp;

  if (recipient.role !== 'agency' && !ROUTED_TYPES[recipient.role].has(indicator.type)) {
    return hold(`routing:${indicator.type}-not-for-${recipient.role}`);
  }
  const filter = recipient.subscription ?? {};
  const minConfidence = filter.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
  if (indicator.confidence < minConfidence)
    return hold(`confidence:${indicator.confidence}<${minConfidence}`);
  if (filter.types && !filter.types.includes(indicator.type)) return hold('subscription:type');
  if (filter.typologies && !filter.typologies.includes(indicator.typology))
    return hold('subscription:typology');
  if (
    filter.originCountries &&
    !indicator.countries.some((c) => filter.originCountries!.includes(c))
  ) {
    return hold('subscription:origin-country');
  }
  return send(`${tlp.rule}+routing:${indicator.type}-to-${recipient.role}`);
}

function tlpDecision(tlp: Tlp, role: RecipientRole, home: boolean): PolicyDecision {
  switch (tlp) {
    case 'CLEAR':
      return send('tlp:clear');
    case 'GREEN':
      return send('tlp:green:member-community');
    case 'AMBER':
      return send('tlp:amber:need-to-know');
    case 'AMBER+STRICT':
      return role === 'agency'
        ? send('tlp:amber-strict:member-agency')
        : hold('tlp:amber-strict:agencies-only');
    case 'RED':
      return home && role === 'agency'
        ? send('tlp:red:origin-agency')
        : hold('tlp:red:origin-agencies-only');
  }
}
