import { Initial1795685389102 } from './1795685389102-initial';
import { IssueFourIntakeApi1795687160679 } from './1795687160679-issue-four-intake-api';
import { ReportActions1795689365604 } from './1795689365604-report-actions';
import { RawIndicatorsByIndicator1795780596234 } from './1795780596234-raw-indicators-by-indicator';

/** Every intake migration, in order. Generate new ones with `npm run migration:generate -- intake Name`. */
export const INTAKE_MIGRATIONS = [
  Initial1795685389102,
  IssueFourIntakeApi1795687160679,
  ReportActions1795689365604,
  RawIndicatorsByIndicator1795780596234,
];
