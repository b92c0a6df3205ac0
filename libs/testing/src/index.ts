export * from './local-kafka';
export * from './wait-for';
export * from './webhook-receiver';
export * from './stix-schemas';
export * from './mirror-maker';
