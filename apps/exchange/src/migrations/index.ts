import { Initial1795690352275 } from './1795690352275-initial';
import { PeerIndicatorState1795695812335 } from './1795695812335-peer-indicator-state';
import { PeerIndicatorReport1795740000000 } from './1795740000000-peer-indicator-report';

/** Every exchange migration, in order. Generate new ones with `npm run migration:generate -- exchange Name`. */
export const EXCHANGE_MIGRATIONS = [
  Initial1795690352275,
  PeerIndicatorState1795695812335,
  PeerIndicatorReport1795740000000,
];
