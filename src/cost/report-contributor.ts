import { BudgetGuard, BudgetEvaluation } from './budget';
import { CostEstimator } from './cost-estimator';
import { CostEstimate, ResourceCostEstimate, ResourceUsage } from './model';
import { CloudFormationTemplate, DesignReport, ReportContributor } from '../report/model';

/** Options of the cost section writer. */
export interface CostReportOptions {
  /** Usage by logical ID or construct path (see `ResourceUsage`), computed at synth. */
  readonly usage?: () => { [key: string]: ResourceUsage };
  /** Sentences saying where usage figures came from, added to the report's assumptions. */
  readonly usageExplanations?: () => string[];
  /** Called with the estimate and the budget verdict after each synth (for the budget plugin). */
  readonly onEstimate?: (estimate: CostEstimate, budget?: BudgetEvaluation) => void;
}

/** Where each synthesized template was read from, so nested stacks' templates can be found beside it. */
const ASSEMBLY_DIRECTORY = new WeakMap<object, string>();

/**
 * Says which cloud assembly directory a template object was read from; the cost section then
 * prices the stack's nested stacks from their templates there.
 */
export function readFromAssembly<T extends object>(template: T, directory: string): T {
  ASSEMBLY_DIRECTORY.set(template, directory);
  return template;
}

/**
 * Fills the design report's cost fields from the synthesized template: catalog date, monthly
 * cost range, free-tier deduction, each resource's status and cost, and the budget verdict.
 * Internal (not in the jsii API): the report model's types are TypeScript-only.
 */
export function costReportContributor(options: CostReportOptions = {}): ReportContributor {
  return {
    section: 'cost',
    contribute(report: DesignReport, template: CloudFormationTemplate): DesignReport {
      const estimate = CostEstimator.estimateTemplate({
        template,
        region: report.regionAssumed ? undefined : report.region,
        usage: options.usage?.(),
        assemblyDirectory: ASSEMBLY_DIRECTORY.get(template),
      });
      const budget = report.budget
        ? BudgetGuard.evaluate(estimate, { monthlyUsd: report.budget.monthlyUsd, enforcement: report.budget.enforcement, name: report.stackName })
        : undefined;
      options.onEstimate?.(estimate, budget);
      const region = estimate.regionAssumed ? undefined : estimate.region;
      const byId = new Map(estimate.resources.filter((r) => !r.nestedStack).map((r) => [r.logicalId, r]));
      const nested = estimate.resources.filter((r) => r.nestedStack);
      return {
        ...report,
        pricingCatalogDate: estimate.pricingCatalogDate,
        monthlyCost: estimate.monthlyCost,
        freeTierDeduction: estimate.freeTierDeduction,
        costHeadline: estimate.headline,
        unpricedResources: estimate.unpricedResources,
        excludedResources: estimate.excludedResources,
        budget: report.budget && budget
          ? { ...report.budget, withinBudget: !budget.exceeded, message: budget.message, incomplete: budget.incomplete }
          : report.budget,
        decisions: (report.decisions ?? []).map((d) => ({
          ...d,
          ...(d.choicePricedAs ? { choiceEstimatedMonthlyUsd: priceAlternative(d.choicePricedAs, region) } : {}),
          alternatives: d.alternatives.map((a) => (a.pricedAs ? { ...a, estimatedMonthlyUsd: priceAlternative(a.pricedAs, region) } : a)),
        })),
        costAssumptions: [...estimate.assumptions, ...(options.usageExplanations?.() ?? []).map((e) => `usage from the requirements: ${e}`)],
        resources: [
          ...report.resources.map((r) => {
            const e = byId.get(r.logicalId);
            return e ? { ...r, ...costFields(e) } : r;
          }),
          ...nested.map((e) => ({
            logicalId: e.logicalId, type: e.type, ...(e.path ? { path: e.path } : {}), nestedStack: e.nestedStack, ...costFields(e),
          })),
        ],
      };
    },
  };
}

function costFields(e: ResourceCostEstimate) {
  return {
    status: e.status,
    monthlyCost: e.monthlyCost,
    lineItems: e.lineItems.map(({ description, unit, quantity, unitPrice, monthlyCost }) => (
      { description, unit, quantity, unitPrice, monthlyCost })),
    assumptions: e.assumptions,
    ...(e.reason ? { reason: e.reason } : {}),
  };
}

/** What a decision's alternative would deploy (a report type). */
type AlternativeResources = NonNullable<DesignReport['decisions'][number]['alternatives'][number]['pricedAs']>;

/** The expected monthly cost of what an alternative would deploy, priced like the stack itself. */
function priceAlternative(alternative: AlternativeResources, region?: string): number {
  const estimate = CostEstimator.estimateTemplate({ template: { Resources: alternative.resources }, region, usage: alternative.usage });
  return Math.round(estimate.monthlyCost.expected * 100) / 100;
}
