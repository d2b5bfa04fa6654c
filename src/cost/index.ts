export * from './model';
export { CostEstimator } from './cost-estimator';
export * from './budget';
