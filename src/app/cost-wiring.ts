import * as fs from 'fs';
import * as path from 'path';
import { IPolicyValidationContext, IPolicyValidationPlugin, PolicyValidationPluginReport, Stack, Stage, Token } from 'aws-cdk-lib';
import { BudgetGuard, CostEstimate, CostEstimator, ResourceUsage } from '../cost';
import { BudgetPlan } from '../design/model';
import { SynthGate } from '../security';

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
 * A validation plugin that compares each application stack's expected monthly cost with its
 * budget: a FAIL_SYNTH budget fails synth, a WARN budget reports a warning. It reads the
 * synthesized templates and runs through the security gate, so a synth with nothing to report
 * prints nothing (CDK's own plugin mechanism prints a banner on every synth).
 */
export class BudgetValidationPlugin implements IPolicyValidationPlugin {
  /** The plugin registered on a stage, created on first use. */
  public static of(stage: Stage): BudgetValidationPlugin {
    const existing = PLUGINS.get(stage);
    if (existing) return existing;
    const plugin = new BudgetValidationPlugin();
    PLUGINS.set(stage, plugin);
    SynthGate.of(stage).addValidationPlugin(plugin);
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
        assemblyDirectory: path.dirname(templatePath),
      });
      const verdict = BudgetGuard.evaluate(estimate, { monthlyUsd: budget.monthlyUsd, enforcement: budget.enforcement, name: entry.stack.stackName });
      if (!verdict.exceeded) continue;
      if (verdict.failsSynth) success = false;
      violations.push({
        ruleName: 'BudgetExceeded',
        description: verdict.message,
        severity: verdict.failsSynth ? 'error' : 'warning',
        fix: verdict.remedy,
        // One entry: the gate reports a violation once per entry; the message names the top drivers.
        violatingResources: verdict.topDrivers.slice(0, 1).map((d) => ({ resourceLogicalId: d.logicalId, templatePath, locations: [] })),
      });
    }
    return { success, violations };
  }
}

const PLUGINS = new WeakMap<Stage, BudgetValidationPlugin>();

export function regionOf(stack: Stack): string | undefined {
  return Token.isUnresolved(stack.region) ? undefined : stack.region;
}
