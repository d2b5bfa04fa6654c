export * from './assess';
export * from './contributor';
export * from './slas';
