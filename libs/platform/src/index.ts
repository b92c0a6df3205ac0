export * from './problem-details';
export * from './problem-details.filter';
export * from './validation';
export * from './observability';
export * from './http-app';
export * from './auth';
export * from './node-infrastructure.module';
export * from './event-consumer';
