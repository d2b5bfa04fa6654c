export * from './enums';
export * from './types';
export { Requirements } from './requirements';
