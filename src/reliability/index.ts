export * from './assess';
export * from './contributor';
export * from './slas';
export * from './request-path';
