export * from './node-keys';
export * from './peer-registry';
export * from './signed-envelope';
export * from './exchange-payloads';
