export * from './enums';
export * from './types';
export * from './overrides';
export { Requirements } from './requirements';
