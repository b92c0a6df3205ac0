export * from './load-config';
export * from './node-config';
