import { CfnResource, CustomResourceProviderBase, Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { SERVICE_MODULES } from './service-modules';
import { exempt } from '../exemptions';
import { logicalIdOf } from '../logical-id';

const HANDLER_REASON = 'CDK deployment machinery: this function serves CloudFormation custom resources and runs only while the stack '
  + 'deploys, with the code, runtime, network and permissions CDK gives it; a failure fails the deployment itself.';

/** Rules about an application function that do not fit a deployment-time handler. */
const HANDLER_FUNCTION_RULES = [
  'LambdaInsideVPC', 'LambdaConcurrency', 'LambdaDLQ', 'LambdaLatestVersion', 'LambdaAsyncFailureDestination',
  'LambdaDefaultMemorySize', 'LambdaDefaultTimeout',
];
/** Rules about the permissions CDK writes for a handler's role. */
const HANDLER_ROLE_RULES = ['IAMNoManagedPolicies', 'IAMNoInlinePolicy', 'IAMNoWildcardPermissions', 'IAMNoWildcardActions', 'LambdaStarPermissions'];

/** Stack-level singletons CDK creates for its own handlers: construct id and the CDK class that creates it. */
const CDK_SINGLETONS: Record<string, string> = {
  LogRetentionaae0aa3c5b4d4f87b02d85b201efdd8a: 'LogRetentionFunction',
  BucketNotificationsHandler050a0587b7544547bf325f094a3db834: 'NotificationsResourceHandler',
};

/**
 * Finds the Lambda functions that serve custom resources (named by a custom resource's
 * ServiceToken) and that CDK itself created: a `CustomResourceProvider`, the function of a
 * `SingletonFunction` (which CDK's own constructs use), the provider framework's functions,
 * CDK's log retention and bucket notification handlers. Exempts them, and their roles, from
 * the rules that are about application functions. Any other function used as a service
 * token is an application function and is checked like one. Returns their logical IDs.
 */
export function exemptCustomResourceHandlers(stack: Stack, all: CfnResource[]): Set<string> {
  const customResources = all.filter((r) => r.cfnResourceType.startsWith('Custom::') || r.cfnResourceType === 'AWS::CloudFormation::CustomResource');
  const handlers = new Set<string>();
  if (customResources.length === 0) return handlers;
  // Logical IDs (an MD5 of the path each) of the functions and roles only: what service tokens and handlers point at.
  const byId = new Map(all.filter((r) => r.cfnResourceType === 'AWS::Lambda::Function' || r.cfnResourceType === 'AWS::IAM::Role')
    .map((r) => [logicalIdOf(r), r]));
  const singletons = singletonFunctions(stack);
  for (const r of customResources) {
    for (const id of getAttIds(propertyOf(stack, r, 'ServiceToken'))) {
      const fn = byId.get(id);
      if (fn?.cfnResourceType === 'AWS::Lambda::Function' && isCreatedByCdk(fn, singletons)) handlers.add(id);
    }
  }
  const handlerRoles = new Set<string>();
  for (const id of handlers) {
    const fn = byId.get(id)!;
    exempt(ownerOf(fn), HANDLER_FUNCTION_RULES, HANDLER_REASON);
    for (const roleId of getAttIds(propertyOf(stack, fn, 'Role'))) {
      const role = byId.get(roleId);
      if (role) {
        exempt(ownerOf(role), HANDLER_ROLE_RULES, HANDLER_REASON);
        handlerRoles.add(roleId);
      }
    }
  }
  // Policies CDK writes beside a handler's role (an AwsCustomResource's per-call `CustomResourcePolicy`).
  if (handlerRoles.size) {
    for (const r of all) {
      // The tree test first: rendering a policy resolves its whole document.
      if (r.cfnResourceType !== 'AWS::IAM::Policy' || !isCreatedByCdkHandlerPolicy(r)) continue;
      const roles = refIds(propertyOf(stack, r, 'Roles'));
      if (roles.length && roles.every((id) => handlerRoles.has(id))) {
        exempt(ownerOf(r), HANDLER_ROLE_RULES, HANDLER_REASON);
      }
    }
  }
  return handlers;
}

/** Whether CDK's own code made this function (it, or a construct owning it below the stack, is CDK's handler machinery). */
export function isCreatedByCdk(fn: CfnResource, singletons: ReadonlySet<IConstruct>): boolean {
  const { Provider } = SERVICE_MODULES.customResources();
  for (let c: IConstruct | undefined = fn; c && !Stack.isStack(c); c = c.node.scope) {
    if (c instanceof CustomResourceProviderBase || singletons.has(c) || c instanceof Provider) return true;
    if (CDK_SINGLETONS[c.node.id] !== undefined && CDK_SINGLETONS[c.node.id] === c.constructor.name) return true;
  }
  return false;
}

/** The functions behind the stack's `SingletonFunction`s. */
export function singletonFunctions(stack: Stack): Set<IConstruct> {
  const out = new Set<IConstruct>();
  const { SingletonFunction } = SERVICE_MODULES.lambda();
  for (const c of stack.node.findAll()) {
    if (c instanceof SingletonFunction) {
      const fn = (c as unknown as { lambdaFunction?: IConstruct }).lambdaFunction;
      if (fn) out.add(fn);
    }
  }
  return out;
}

/**
 * One property of a resource as the template will have it, resolving that property only (a
 * custom resource's or a function's other properties are large and full of tokens). A resource
 * with any raw override is rendered whole, overrides merged, as the template will be.
 */
export function propertyOf(stack: Stack, r: CfnResource, name: string): unknown {
  const cfn = r as unknown as {
    rawOverrides?: Record<string, unknown>;
    cfnProperties: Record<string, unknown>;
    renderProperties(props: Record<string, unknown>): Record<string, unknown> | undefined;
  };
  if (cfn.rawOverrides && Object.keys(cfn.rawOverrides).length > 0) return propertiesOf(stack, r)[name];
  return stack.resolve(cfn.renderProperties(cfn.cfnProperties)?.[name]);
}

function propertiesOf(stack: Stack, r: CfnResource): Record<string, unknown> {
  const rendered = stack.resolve((r as unknown as { _toCloudFormation(): unknown })._toCloudFormation()) as
    { Resources?: Record<string, { Properties?: Record<string, unknown> }> };
  return Object.values(rendered.Resources ?? {})[0]?.Properties ?? {};
}

function refIds(value: unknown): string[] {
  return [...JSON.stringify(value ?? null).matchAll(/"Ref":"([A-Za-z0-9]+)"/g)].map((m) => m[1]);
}

/** A policy an `AwsCustomResource` of aws-cdk-lib wrote for its calls (the statements its props give). */
function isCreatedByCdkHandlerPolicy(policy: CfnResource): boolean {
  const { AwsCustomResource } = SERVICE_MODULES.customResources();
  for (let c: IConstruct | undefined = policy; c && !Stack.isStack(c); c = c.node.scope) {
    if (c instanceof AwsCustomResource) return true;
  }
  return false;
}

function getAttIds(value: unknown): string[] {
  return [...JSON.stringify(value ?? null).matchAll(/"Fn::GetAtt":\["([A-Za-z0-9]+)"/g)].map((m) => m[1]);
}

/** The L2 owning a default `Resource` child (so exemptions cover its other children), else the resource. */
function ownerOf(r: CfnResource): IConstruct {
  return r.node.id === 'Resource' && r.node.scope && !Stack.isStack(r.node.scope) ? r.node.scope : r;
}
