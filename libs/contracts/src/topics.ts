/**
 * Topic names. Every topic is namespaced by the node (`th.reports.v1`); tests use a
 * unique namespace per test so they never see each other's messages.
 */
export const TOPIC_SUFFIX = {
  reports: 'reports.v1',
  indicators: 'indicators.v1',
  actions: 'actions.v1',
  exchange: 'exchange.v1',
  reportOutcomes: 'report-outcomes.v1',
  identity: 'identity.v1',
} as const;

export type TopicName = keyof typeof TOPIC_SUFFIX;

/** Topics that keep only the latest record per key (Kafka log compaction). */
export const COMPACTED_TOPIC_SUFFIXES: ReadonlySet<string> = new Set([
  TOPIC_SUFFIX.identity,
  TOPIC_SUFFIX.exchange, // the latest signed state of each shared indicator (ADR 0008)
]);

export function isCompactedTopic(topic: string): boolean {
  return [...COMPACTED_TOPIC_SUFFIXES].some((suffix) => topic.endsWith(`.${suffix}`));
}

export function topicName(namespace: string, name: TopicName): string {
  return `${namespace}.${TOPIC_SUFFIX[name]}`;
}

export function alertsTopic(namespace: string, subscriber: string): string {
  return `${namespace}.alerts.${subscriber}.v1`;
}

export function deadLetterTopic(topic: string): string {
  return `${topic}.dlq`;
}

/** Topics a node creates at start-up. */
export function nodeTopics(namespace: string): string[] {
  const base = (Object.keys(TOPIC_SUFFIX) as TopicName[]).map((n) => topicName(namespace, n));
  return [...base, ...base.map(deadLetterTopic)];
}

export const NAMESPACE_PATTERN = /^[a-z0-9][a-z0-9._-]{0,62}$/;
