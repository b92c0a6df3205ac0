import type { Subscription } from './subscription.entity';

export interface SubscriptionView {
  id: string;
  organisationId: string;
  role: string;
  name: string | null;
  channel: string;
  webhookUrl: string | null;
  kafkaTopic: string | null;
  feedUrl: string;
  types: string[] | null;
  originCountries: string[] | null;
  minConfidence: number | null;
  typologies: string[] | null;
  createdAt: string;
  updatedAt: string;
}

/** What the API shows of a subscription: never the secret (returned once, on its own). */
export function toSubscriptionView(s: Subscription): SubscriptionView {
  return {
    id: s.id,
    organisationId: s.organisationId,
    role: s.role,
    name: s.name,
    channel: s.channel,
    webhookUrl: s.webhookUrl,
    kafkaTopic: s.kafkaTopic,
    feedUrl: `/v1/feeds/${s.id}`,
    types: s.types,
    originCountries: s.originCountries,
    minConfidence: s.minConfidence,
    typologies: s.typologies,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}
