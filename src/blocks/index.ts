export * from './contracts';
export * from './network';
export * from './compute';
export * from './data';
export * from './edge';
export * from './observability';
