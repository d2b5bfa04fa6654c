export * from './model';
export { CostEstimator } from './cost-estimator';
export { BudgetGuard, BudgetEvaluation, CostBudget, CostDriver } from './budget';
