export * from './function-defaults';
export * from './function-service';
export * from './container-service-props';
export * from './container-service';
export * from './queue-worker';
export * from './scheduled-job';
