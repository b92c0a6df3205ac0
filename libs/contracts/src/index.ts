import 'reflect-metadata';
export * from './cloud-event';
export * from './topics';
export * from './vocabulary';
export * from './events/event-types';
export * from './events/report-submitted.v1';
export * from './events/indicator-upserted.v1';
export * from './events/validate-event';
