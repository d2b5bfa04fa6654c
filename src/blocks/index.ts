export * from './contracts';
export * from './network';
export { SubnetCidrLayout, SUBNET_CIDR_LAYOUT_CONTEXT } from './subnet-cidrs';
export * from './compute';
export * from './data';
export * from './edge';
export * from './observability';
