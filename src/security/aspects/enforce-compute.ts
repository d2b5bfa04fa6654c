import { Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { EnforcementContext } from './context';
import { SecurityRule } from '../policy/security-rule';

/**
 * Lambda functions: active X-Ray tracing (with the permission to send traces) when the
 * function does not set a tracing mode.
 */
export function enforceFunction(ctx: EnforcementContext, fn: lambda.Function): void {
  const cfn = fn.node.defaultChild as lambda.CfnFunction;
  if (!ctx.policy.isEnforced(SecurityRule.COMPUTE_HARDENING) || cfn.tracingConfig !== undefined) return;
  cfn.tracingConfig = { mode: lambda.Tracing.ACTIVE };
  fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], resources: ['*'] }));
}

/** KMS keys: yearly rotation for symmetric keys that do not set it. */
export function enforceKey(ctx: EnforcementContext, cfn: kms.CfnKey): void {
  const spec = Stack.of(cfn).resolve(cfn.keySpec);
  if (ctx.policy.isEnforced(SecurityRule.ENCRYPTION_AT_REST) && cfn.enableKeyRotation === undefined && (spec === undefined || spec === 'SYMMETRIC_DEFAULT')) {
    cfn.enableKeyRotation = true;
  }
}

/** Subnets: no public IP on launch unless the subnet says so. */
export function enforceSubnet(ctx: EnforcementContext, cfn: ec2.CfnSubnet): void {
  if (ctx.policy.isEnforced(SecurityRule.COMPUTE_HARDENING) && cfn.mapPublicIpOnLaunch === undefined) cfn.mapPublicIpOnLaunch = false;
}
