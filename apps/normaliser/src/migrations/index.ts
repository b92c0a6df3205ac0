import { Initial1795685625586 } from './1795685625586-initial';
import { ApiKeyReplicas1795687358729 } from './1795687358729-api-key-replicas';
import { IndicatorStore1795687717502 } from './1795687717502-indicator-store';
import { FalsePositiveReports1795698120730 } from './1795698120730-false-positive-reports';
import { IndicatorIdCollationC1795730000000 } from './1795730000000-indicator-id-collation-c';
import { IndicatorLastChanges1795799038832 } from './1795799038832-indicator-last-changes';

/** Every normaliser migration, in order. Generate new ones with `npm run migration:generate -- normaliser Name`. */
export const NORMALISER_MIGRATIONS = [
  Initial1795685625586,
  ApiKeyReplicas1795687358729,
  IndicatorStore1795687717502,
  FalsePositiveReports1795698120730,
  IndicatorIdCollationC1795730000000,
  IndicatorLastChanges1795799038832,
];
