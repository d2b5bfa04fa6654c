export * from './key-value-table';
export * from './relational-database';
export * from './object-store';
export * from './message-queue';
export * from './cache-cluster';
