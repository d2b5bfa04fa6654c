import * as fs from 'fs';
import * as path from 'path';
import { IPolicyValidationContext, IPolicyValidationPlugin, PolicyValidationPluginReport, Stack, Stage, Token, Validations } from 'aws-cdk-lib';
import { BudgetGuard, CostEstimate, CostEstimator, ResourceUsage } from '../cost';
import { BudgetPlan } from '../design/model';

/** Stacks the budget plugin checks, per stage. */
interface GuardedStack {
  readonly stack: Stack;
  /** The budget to hold the stack to, if any. */
  readonly budget?: BudgetPlan;
  readonly usage: () => { [logicalId: string]: ResourceUsage };
  /**
   * Set by the report's cost section when it ran in the same synth, so the estimate is not
   * redone; consumed (cleared) by the plugin, so a later synth never sees a stale figure.
   */
  lastEstimate?: CostEstimate;
}

/**
 * A CDK validation plugin that compares each application stack's expected monthly cost with
 * its budget: a FAIL_SYNTH budget fails synth, a WARN budget reports a warning. It reads the
 * synthesized templates, as every validation plugin does.
 */
export class BudgetValidationPlugin implements IPolicyValidationPlugin {
  /** The plugin registered on a stage, created on first use. */
  public static of(stage: Stage): BudgetValidationPlugin {
    const existing = PLUGINS.get(stage);
    if (existing) return existing;
    const plugin = new BudgetValidationPlugin();
    PLUGINS.set(stage, plugin);
    Validations.of(stage).addPlugins(plugin);
    return plugin;
  }

  public readonly name = 'cdk-infra-engineer-budget';
  public readonly ruleIds = ['BudgetExceeded'];
  private readonly stacks: GuardedStack[] = [];

  public guard(entry: GuardedStack): GuardedStack {
    this.stacks.push(entry);
    return entry;
  }

  public validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    const violations = [];
    let success = true;
    for (const entry of this.stacks) {
      const budget = entry.budget;
      const templatePath = context.templatePaths.find((p) => path.basename(p) === entry.stack.templateFile);
      const cached = entry.lastEstimate;
      entry.lastEstimate = undefined;
      if (!budget || !templatePath) continue;
      const estimate = cached ?? CostEstimator.estimateTemplate({
        template: JSON.parse(fs.readFileSync(templatePath, 'utf8')),
        region: regionOf(entry.stack),
        usage: entry.usage(),
      });
      const verdict = BudgetGuard.evaluate(estimate, { monthlyUsd: budget.monthlyUsd, enforcement: budget.enforcement, name: entry.stack.stackName });
      if (!verdict.exceeded) continue;
      if (verdict.failsSynth) success = false;
      violations.push({
        ruleName: 'BudgetExceeded',
        description: verdict.message,
        severity: verdict.failsSynth ? 'error' : 'warning',
        fix: 'Lower the usage or the architecture\'s cost (see the design report\'s cost table), raise requirements.budget.monthlyUsd, '
          + 'or set requirements.budget.enforcement to BudgetEnforcement.WARN.',
        violatingResources: verdict.topDrivers.map((d) => ({ resourceLogicalId: d.logicalId, templatePath, locations: [] })),
      });
    }
    return { success, violations };
  }
}

const PLUGINS = new WeakMap<Stage, BudgetValidationPlugin>();

export function regionOf(stack: Stack): string | undefined {
  return Token.isUnresolved(stack.region) ? undefined : stack.region;
}
