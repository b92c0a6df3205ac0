export * from './local-kafka';
export * from './wait-for';
export * from './webhook-receiver';
export * from './mirror-maker';
