// What tests and tools may use of fan-out: the app factory, config and schema.
export { createFanoutApp } from './fanout.app';
export { FanoutConfig } from './fanout.config';
export { FANOUT_ENTITIES, FANOUT_SCHEMA } from './fanout.module';
export { FANOUT_MIGRATIONS } from './migrations';
