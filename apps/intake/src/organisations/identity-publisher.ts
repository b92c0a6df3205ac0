import { API_KEY_CHANGED_V1, topicName, type ApiKeyChangedV1 } from '@wgas/contracts';
import { enqueueEvents, newEvent } from '@wgas/messaging';
import type { EntityManager } from 'typeorm';

interface KeyState {
  id: string;
  organisation_id: string;
  role: ApiKeyChangedV1['role'];
  country: string;
  secret_sha256: string;
  expires_at: Date | null;
  revoked_at: Date | null;
}

/**
 * Queues the current state of an API key on `<ns>.identity.v1`, in the caller's
 * transaction, so the node's other services can authenticate with it (see
 * libs/platform/src/identity). Call after every change to a key.
 */
export async function publishKeyState(
  m: EntityManager,
  node: { namespace: string; eventSource: string },
  keyId: string,
): Promise<void> {
  const [k] = (await m.query(
    `SELECT k.id, k.organisation_id, o.role, o.country, k.secret_sha256, k.expires_at, k.revoked_at
       FROM intake.api_keys k JOIN intake.organisations o ON o.id = k.organisation_id WHERE k.id = $1`,
    [keyId],
  )) as KeyState[];
  if (!k) throw new Error(`API key ${keyId} not found`);
  const data: ApiKeyChangedV1 = {
    keyId: k.id,
    organisationId: k.organisation_id,
    role: k.role,
    country: k.country,
    secretSha256: k.secret_sha256,
    expiresAt: k.expires_at?.toISOString() ?? null,
    revokedAt: k.revoked_at?.toISOString() ?? null,
    changedAt: new Date().toISOString(),
  };
  await enqueueEvents(m, [
    {
      topic: topicName(node.namespace, 'identity'),
      key: k.id,
      event: newEvent(node.eventSource, API_KEY_CHANGED_V1, data, k.id),
    },
  ]);
}
