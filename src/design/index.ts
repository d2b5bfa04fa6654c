export * from './model';
export * from './pins';
export * from './infrastructure-design';
