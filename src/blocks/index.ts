export * from './contracts';
export * from './network';
export { SubnetCidrLayout } from './subnet-cidrs';
export * from './context-keys';
export * from './compute';
export * from './data';
export * from './edge';
export * from './observability';
