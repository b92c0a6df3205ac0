export * from './database-admin';
export * from './service-data-source';
export * from './after-commit';
