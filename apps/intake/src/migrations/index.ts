import { Initial1795685389102 } from './1795685389102-initial';

/** Every intake migration, in order. Generate new ones with `npm run migration:generate -- intake Name`. */
export const INTAKE_MIGRATIONS = [Initial1795685389102];
