import { CfnResource, Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { exempt } from '../exemptions';

const HANDLER_REASON = 'CDK deployment machinery: this function serves CloudFormation custom resources and runs only while the stack '
  + 'deploys, with the code, runtime, network and permissions CDK gives it; a failure fails the deployment itself.';

/** Rules about an application function that do not fit a deployment-time handler. */
const HANDLER_FUNCTION_RULES = [
  'LambdaInsideVPC', 'LambdaConcurrency', 'LambdaDLQ', 'LambdaLatestVersion', 'LambdaAsyncFailureDestination',
  'LambdaDefaultMemorySize', 'LambdaDefaultTimeout',
];
/** Rules about the permissions CDK writes for a handler's role. */
const HANDLER_ROLE_RULES = ['IAMNoManagedPolicies', 'IAMNoInlinePolicy', 'IAMNoWildcardPermissions', 'IAMNoWildcardActions', 'LambdaStarPermissions'];

/**
 * Finds the Lambda functions that serve custom resources (named by a custom resource's
 * ServiceToken) and exempts them, and their roles, from the rules that are about
 * application functions. Returns their logical IDs.
 */
export function exemptCustomResourceHandlers(stack: Stack, all: CfnResource[]): Set<string> {
  const byId = new Map(all.map((r) => [stack.resolve(r.logicalId) as string, r]));
  const handlers = new Set<string>();
  for (const r of all) {
    if (!r.cfnResourceType.startsWith('Custom::') && r.cfnResourceType !== 'AWS::CloudFormation::CustomResource') continue;
    for (const id of getAttIds(propertiesOf(stack, r).ServiceToken)) {
      if (byId.get(id)?.cfnResourceType === 'AWS::Lambda::Function') handlers.add(id);
    }
  }
  for (const id of handlers) {
    const fn = byId.get(id)!;
    exempt(ownerOf(fn), HANDLER_FUNCTION_RULES, HANDLER_REASON);
    for (const roleId of getAttIds(propertiesOf(stack, fn).Role)) {
      const role = byId.get(roleId);
      if (role) exempt(ownerOf(role), HANDLER_ROLE_RULES, HANDLER_REASON);
    }
  }
  return handlers;
}

function propertiesOf(stack: Stack, r: CfnResource): Record<string, unknown> {
  const rendered = stack.resolve((r as unknown as { _toCloudFormation(): unknown })._toCloudFormation()) as
    { Resources?: Record<string, { Properties?: Record<string, unknown> }> };
  return Object.values(rendered.Resources ?? {})[0]?.Properties ?? {};
}

function getAttIds(value: unknown): string[] {
  return [...JSON.stringify(value ?? null).matchAll(/"Fn::GetAtt":\["([A-Za-z0-9]+)"/g)].map((m) => m[1]);
}

/** The L2 owning a default `Resource` child (so exemptions cover its other children), else the resource. */
function ownerOf(r: CfnResource): IConstruct {
  return r.node.id === 'Resource' && r.node.scope ? r.node.scope : r;
}
