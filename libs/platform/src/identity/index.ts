export * from './api-key-format';
export * from './api-key-replica.entity';
export * from './replicated-api-key.verifier';
export * from './identity.consumer';
export * from './identity-replica.module';
