// What tests and tools may use of the normaliser: the app factory, config and schema.
export { createNormaliserApp } from './normaliser.app';
export { NormaliserConfig } from './normaliser.config';
export { NORMALISER_ENTITIES, NORMALISER_SCHEMA } from './normaliser.module';
export { NORMALISER_MIGRATIONS } from './migrations';
export { NormaliserThread } from './indicators/normaliser-thread';
export { WarninglistService } from './warninglists/warninglist.service';
export {
  IndicatorStoreRepository,
  type SightingInput,
} from './indicators/indicator-store.repository';
