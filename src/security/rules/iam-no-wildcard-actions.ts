import { CfnResource, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';

/**
 * IAM identity policies allow no wildcard actions (`s3:*`, `s3:Get*`, `*`) and use no
 * `NotAction` in an Allow. One finding per wildcard action (`Action::s3:Get*`). Deny
 * statements are not checked: a broad deny only narrows access.
 */
export function IAMNoWildcardActions(node: CfnResource): NagRuleResult {
  const stack = Stack.of(node);
  let documents: unknown[];
  if (node instanceof iam.CfnPolicy || node instanceof iam.CfnManagedPolicy) {
    documents = [node.policyDocument];
  } else if (node instanceof iam.CfnRole || node instanceof iam.CfnUser || node instanceof iam.CfnGroup) {
    const inline = stack.resolve(node.policies) as Array<{ policyDocument?: unknown; PolicyDocument?: unknown }> | undefined;
    documents = (inline ?? []).map((p) => p.policyDocument ?? p.PolicyDocument);
  } else {
    return NagRuleCompliance.NOT_APPLICABLE;
  }
  const findings = new Set<string>();
  for (const document of documents) {
    const resolved = stack.resolve(document) as { Statement?: Array<Record<string, unknown>> } | undefined;
    for (const statement of resolved?.Statement ?? []) {
      if (statement.Effect !== 'Allow') continue;
      if (statement.NotAction !== undefined) findings.add('NotAction');
      for (const action of ([] as unknown[]).concat(statement.Action ?? [])) {
        if (typeof action === 'string' && action.includes('*')) findings.add(`Action::${action}`);
      }
    }
  }
  return findings.size > 0 ? [...findings] : NagRuleCompliance.COMPLIANT;
}
