import { costHeadline, usd } from './estimator/headline';
import { CostEstimate, ResourceCostStatus } from './model';

/** A monthly budget to check an estimate against. */
export interface CostBudget {
  /** Monthly budget in USD. */
  readonly monthlyUsd: number;
  /**
   * What exceeding it does: `warn` or `fail-synth` (the values of `BudgetEnforcement`).
   * @default 'warn'
   */
  readonly enforcement?: string;
  /**
   * Name of what is budgeted, used in the message.
   * @default 'the stack'
   */
  readonly name?: string;
}

/** One of the resources driving an estimate. */
export interface CostDriver {
  /** Logical ID of the resource. */
  readonly logicalId: string;
  /** CloudFormation type of the resource. */
  readonly type: string;
  /** Expected USD a month. */
  readonly monthlyCost: number;
}

/** The outcome of checking an estimate against a budget. */
export interface BudgetEvaluation {
  /** True when the expected monthly cost (before the free tier) is above the budget. */
  readonly exceeded: boolean;
  /** True when exceeded and the enforcement is `fail-synth`. */
  readonly failsSynth: boolean;
  /** The budget, USD a month. */
  readonly budgetUsd: number;
  /** The estimate compared with it: expected USD a month before the free tier. */
  readonly expectedMonthlyUsd: number;
  /** The three most expensive resources. */
  readonly topDrivers: CostDriver[];
  /**
   * True when resources are unpriced: their cost is not in `expectedMonthlyUsd`, so the check
   * is incomplete (a budget "met" may not be).
   */
  readonly incomplete: boolean;
  /** Names the budget, the estimate (with what it leaves out) and the top three cost drivers. */
  readonly message: string;
  /**
   * What to do about an exceeded budget, for the enforcement in force (never suggests the
   * enforcement already set).
   */
  readonly remedy: string;
}

/** Checks cost estimates against budgets. Pure. */
export class BudgetGuard {
  /**
   * Compares the expected monthly cost before the free tier (the free tier is per account and
   * may be used up by other workloads) with the budget.
   */
  public static evaluate(estimate: CostEstimate, budget: CostBudget): BudgetEvaluation {
    if (!budget || typeof budget.monthlyUsd !== 'number' || !Number.isFinite(budget.monthlyUsd) || budget.monthlyUsd < 0) {
      throw new Error(`budget.monthlyUsd must be a number >= 0, got ${JSON.stringify(budget?.monthlyUsd)}`);
    }
    const enforcement = budget.enforcement ?? 'warn';
    const expected = estimate.monthlyCost.expected;
    const exceeded = expected > budget.monthlyUsd;
    const topDrivers = [...estimate.resources]
      .sort((a, b) => b.monthlyCost.expected - a.monthlyCost.expected)
      .slice(0, 3)
      .filter((r) => r.monthlyCost.expected > 0)
      .map((r) => ({ logicalId: r.logicalId, type: r.type, monthlyCost: r.monthlyCost.expected }));
    const name = budget.name ?? 'the stack';
    const range = `range ${usd(estimate.monthlyCost.low)}-${usd(estimate.monthlyCost.high)}`;
    const drivers = topDrivers.length > 0 ? topDrivers.map((d) => `${d.logicalId} (${d.type}) ${usd(d.monthlyCost)}`).join(', ') : 'none';
    const verdict = exceeded
      ? `exceeds the monthly budget of ${usd(budget.monthlyUsd)} by ${usd(expected - budget.monthlyUsd)}`
      : `is within the monthly budget of ${usd(budget.monthlyUsd)}`;
    const unpriced = estimate.resources.filter((r) => r.status === ResourceCostStatus.UNPRICED);
    const incomplete = unpriced.length > 0;
    const caveat = incomplete
      ? ` The check is incomplete: ${unpriced.length} unpriced resource(s) are not in the figure (${unpriced.slice(0, 5).map((r) => `${r.logicalId} (${r.type})`).join(', ')}${unpriced.length > 5 ? ', ...' : ''}); see the report's unpriced list.`
      : '';
    const headline = costHeadline(expected, unpriced);
    const message = `Estimated monthly cost of ${name}: ${headline} (expected, before a free-tier deduction of ${usd(estimate.freeTierDeduction)}; ${range}), ${verdict} (enforcement: ${enforcement}). Top cost drivers: ${drivers}.${caveat}`;
    const lower = 'Lower the usage or the architecture\'s cost (see the design report\'s cost table) or raise requirements.budget.monthlyUsd';
    const remedy = enforcement === 'fail-synth' ? `${lower}, or set requirements.budget.enforcement to BudgetEnforcement.WARN.` : `${lower}.`;
    return {
      exceeded, failsSynth: exceeded && enforcement === 'fail-synth', budgetUsd: budget.monthlyUsd, expectedMonthlyUsd: expected, topDrivers, incomplete, message, remedy,
    };
  }

  private constructor() {}
}
