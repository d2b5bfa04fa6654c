export { AlarmGrouping } from './alarm-grouping';
export * from './alarm-topic';
export * from './observability';
