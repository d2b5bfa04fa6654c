import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { acknowledgeRules } from '../acknowledge';

/**
 * Actions that AWS services need on `*` because they do not support resource-level
 * permissions (or, for Lambda's VPC networking, because Lambda requires `*`).
 */
const UNSCOPABLE_ACTIONS = new Set([
  'xray:PutTraceSegments', 'xray:PutTelemetryRecords', 'xray:GetSamplingRules', 'xray:GetSamplingTargets',
  'ec2:CreateNetworkInterface', 'ec2:DescribeNetworkInterfaces', 'ec2:DescribeSubnets', 'ec2:DeleteNetworkInterface',
  'ec2:AssignPrivateIpAddresses', 'ec2:UnassignPrivateIpAddresses', 'ecr:GetAuthorizationToken',
]);

/**
 * A role whose permissions live in customer managed policies instead of an inline default
 * policy (compliance packs forbid inline policies), and which gets no AWS managed policy.
 * Statements that can only be granted on `*` (X-Ray, Lambda's VPC networking, ECR login)
 * go to a separate `UnscopablePolicy`, acknowledged for exactly those actions; everything
 * else goes to `Policy`.
 *
 * Internal to the blocks; not exported from the package.
 */
export class ManagedPolicyRole extends iam.Role {
  private policy?: iam.ManagedPolicy;
  private unscopablePolicy?: iam.ManagedPolicy;

  constructor(scope: Construct, id: string, props: iam.RoleProps) {
    super(scope, id, props);
  }

  public addToPrincipalPolicy(statement: iam.PolicyStatement): iam.AddToPrincipalPolicyResult {
    const policy = isUnscopable(statement) ? this.unscopable() : this.scoped();
    policy.addStatements(statement);
    return { statementAdded: true, policyDependable: policy };
  }

  private scoped(): iam.ManagedPolicy {
    this.policy ??= new iam.ManagedPolicy(this, 'Policy', { roles: [this] });
    return this.policy;
  }

  private unscopable(): iam.ManagedPolicy {
    if (!this.unscopablePolicy) {
      this.unscopablePolicy = new iam.ManagedPolicy(this, 'UnscopablePolicy', { roles: [this] });
      acknowledgeRules(this.unscopablePolicy, ['AwsSolutions-IAM5[Resource::*]'],
        `Holds only actions that AWS grants on '*' alone (${[...UNSCOPABLE_ACTIONS].join(', ')}): X-Ray, Lambda's VPC networking `
        + 'and ECR login do not support resource-level permissions.');
    }
    return this.unscopablePolicy;
  }
}

function isUnscopable(statement: iam.PolicyStatement): boolean {
  const json = statement.toStatementJson() as { Effect?: string; Resource?: unknown; Action?: unknown; Condition?: unknown };
  const resources = ([] as unknown[]).concat(json.Resource ?? []);
  const actions = ([] as unknown[]).concat(json.Action ?? []);
  return json.Effect === 'Allow' && resources.length === 1 && resources[0] === '*' && actions.length > 0
    && actions.every((a) => typeof a === 'string' && UNSCOPABLE_ACTIONS.has(a));
}
