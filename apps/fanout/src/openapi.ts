import type { ApiInfo } from '@wgas/platform';

export const FANOUT_API: ApiInfo = {
  title: 'WG-AS Exchange fan-out API',
  description:
    "Telcos, banks and agencies subscribe to the node's alerts (signed webhook, Kafka topic or pull feed), read their pull feed in JSON, CSV or STIX 2.1, follow each alert's delivery state and report what they did about it; operators read every subscription and alert. Subscriptions belong to the caller's organisation. Errors are RFC 9457 application/problem+json with a stable `code`.",
};

export const INVALID_BODY =
  '`validation.failed` (each failed rule in `errors`, unknown fields refused) or `request.malformed_json`';
export const INVALID_UUID = '`http.400`: the id is not a UUID v4';
