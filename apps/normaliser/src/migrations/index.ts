import { Initial1795685625586 } from './1795685625586-initial';

/** Every normaliser migration, in order. Generate new ones with `npm run migration:generate -- normaliser Name`. */
export const NORMALISER_MIGRATIONS = [Initial1795685625586];
