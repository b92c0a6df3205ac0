/**
 * The `<subscriber>` part of `<ns>.alerts.<subscriber>.v1`: the organisation id in the
 * characters Kafka allows, without dots (they separate the topic's parts).
 */
export function subscriberName(organisationId: string): string {
  const name = organisationId
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100);
  return name || 'subscriber';
}
