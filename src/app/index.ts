export * from './application-stack';
export * from './application-stage';
