import { Initial1795685626799 } from './1795685626799-initial';
import { ApiKeyReplicas1795687360605 } from './1795687360605-api-key-replicas';
import { Subscriptions1795687748376 } from './1795687748376-subscriptions';
import { WebhookSecretRotation1795698794776 } from './1795698794776-webhook-secret-rotation';
import { OrganisationSuppressions1795699991677 } from './1795699991677-organisation-suppressions';

/** Every fan-out migration, in order. Generate new ones with `npm run migration:generate -- fanout Name`. */
export const FANOUT_MIGRATIONS = [
  Initial1795685626799,
  ApiKeyReplicas1795687360605,
  Subscriptions1795687748376,
  WebhookSecretRotation1795698794776,
  OrganisationSuppressions1795699991677,
];
