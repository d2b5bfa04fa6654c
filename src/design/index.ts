export * from './model';
export * from './infrastructure-design';
