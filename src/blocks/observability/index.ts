export * from './alarm-topic';
export * from './observability';
