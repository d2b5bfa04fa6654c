import { IPolicyValidationContext, IPolicyValidationPlugin, PolicyValidationPluginReport, PolicyViolation } from 'aws-cdk-lib';
import { ComplianceEvaluation } from './model';

/** Where a plugin gets the evaluation of its stack (shared by the plugins of one stack). */
export interface EvaluationSource {
  evaluationForPlugin(plugin: IPolicyValidationPlugin): ComplianceEvaluation;
}

/**
 * The CDK validation plugin of one stack: it reports the unacknowledged findings of every
 * rule pack the stack is checked against (rule names keep their pack prefix). One plugin
 * per stack rather than one per pack: CDK hashes the whole cloud assembly after each
 * plugin, which costs more than the packs themselves.
 */
export class StackValidationPlugin implements IPolicyValidationPlugin {
  public readonly name: string;

  constructor(packNames: string[], stackPath: string, private readonly source: EvaluationSource) {
    this.name = `Security rule packs (${stackPath}): ${packNames.join(', ')}`;
  }

  public validate(_context: IPolicyValidationContext): PolicyValidationPluginReport {
    const evaluation = this.source.evaluationForPlugin(this);
    const byRule = new Map<string, PolicyViolation>();
    for (const f of evaluation.findings) {
      const resource = { constructPath: f.resourcePath, locations: ['Properties'] };
      const existing = byRule.get(f.ruleId);
      if (existing) {
        existing.violatingResources.push(resource);
      } else {
        byRule.set(f.ruleId, { ruleName: f.ruleId, description: f.description, fix: f.fix, severity: 'error', violatingResources: [resource] });
      }
    }
    const violations = [...byRule.values()];
    return { success: violations.length === 0, violations };
  }
}
