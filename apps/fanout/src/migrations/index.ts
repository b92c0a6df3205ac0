import { Initial1795685626799 } from './1795685626799-initial';

/** Every fan-out migration, in order. Generate new ones with `npm run migration:generate -- fanout Name`. */
export const FANOUT_MIGRATIONS = [Initial1795685626799];
