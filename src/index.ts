export * from './requirements';
export * from './design';
export * from './blocks';
export * from './app';
export * from './cost';
export * from './security';
