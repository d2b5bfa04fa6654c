export * from './enums';
export * from './types';
export { ValidationProblem } from './problem';
export { Requirements } from './requirements';
