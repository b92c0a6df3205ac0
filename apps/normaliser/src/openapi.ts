import type { ApiInfo } from '@wgas/platform';

/** Names the lookup API in apps/normaliser/openapi.json and at /docs/openapi.json. */
export const NORMALISER_API: ApiInfo = {
  title: 'WG-AS Exchange indicator lookup API',
  description:
    "Banks, telcos and agencies check phone numbers, URLs, accounts and other scam indicators against this node's store: by value, by consortium hash, or by hash prefix (k-anonymity: the node does not learn which value was checked); agencies also search. What an answer reveals depends on the caller's role and the indicator's TLP. Authenticate with an API key as a bearer token. Errors are RFC 9457 application/problem+json with a stable `code`.",
};
