import { CfnResource } from 'aws-cdk-lib';
import { EnforcementContext } from './context';
import { AcceptanceKind, exempt, relaxationReason } from '../exemptions';
import { FRAMEWORK_PACK } from '../policy/framework-rules';
import { RULE_COVERAGE } from '../policy/rule-coverage';

/**
 * For every rule the policy relaxes, exempts the resource from the pack rules that check
 * it (when any covers its type), with the relaxation's reason. The enforcers leave relaxed
 * rules alone, so the pack findings they would have prevented are acknowledged instead; a
 * relaxation that names frameworks is a waiver, scored as failed in their packs.
 */
export function exemptRelaxedRules(ctx: EnforcementContext, node: CfnResource): void {
  for (const relaxation of ctx.policy.relaxations) {
    const covered = RULE_COVERAGE[relaxation.rule][node.cfnResourceType];
    if (!covered) continue;
    const waivedIn = (relaxation.frameworks ?? []).map((f) => FRAMEWORK_PACK[f]);
    exempt(node, covered, relaxationReason(relaxation.rule, relaxation.reason),
      waivedIn.length ? AcceptanceKind.FRAMEWORK_WAIVER : AcceptanceKind.POLICY_RELAXATION, waivedIn.length ? waivedIn : undefined);
  }
}
