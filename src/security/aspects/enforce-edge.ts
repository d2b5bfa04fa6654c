import { Names, Stack, Token } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { EnforcementContext, LoadBalancerAttribute } from './context';
import { LOAD_BALANCER_LOG_PREFIX } from './load-balancer-log-delivery';
import { SecurityRule } from '../policy/security-rule';

/**
 * Application load balancers: access logs to the log bucket, dropping invalid header
 * fields, and deletion protection where the policy enforces it; attributes already set are
 * kept.
 */
export function enforceLoadBalancer(ctx: EnforcementContext, alb: elbv2.ApplicationLoadBalancer): void {
  const attributes = attributesOf(alb);
  if (ctx.policy.isEnforced(SecurityRule.ACCESS_LOGS) && ctx.logBucket && attributes.get('access_logs.s3.enabled') === undefined) {
    alb.setAttribute('access_logs.s3.enabled', 'true');
    alb.setAttribute('access_logs.s3.bucket', ctx.logBucket.bucketName);
    alb.setAttribute('access_logs.s3.prefix', `${LOAD_BALANCER_LOG_PREFIX}/${Names.uniqueId(alb)}`);
    // The bucket policy must allow delivery before the load balancer is configured to log.
    const bucketPolicy = ctx.logBucket.policy?.node.defaultChild;
    if (bucketPolicy) alb.node.addDependency(bucketPolicy);
  }
  if (attributes.get('routing.http.drop_invalid_header_fields.enabled') === undefined) {
    alb.setAttribute('routing.http.drop_invalid_header_fields.enabled', 'true');
  }
  // The L2 writes 'false' when deletionProtection is not given, so 'false' cannot tell an
  // explicit choice from the default: the policy decides (relax it to keep a load balancer unprotected).
  if (ctx.policy.isEnforced(SecurityRule.DELETION_PROTECTION) && attributes.get('deletion_protection.enabled') !== 'true') {
    alb.setAttribute('deletion_protection.enabled', 'true');
  }
}

/** CloudFront distributions: standard access logs to the log bucket. */
export function enforceDistribution(ctx: EnforcementContext, cfn: cloudfront.CfnDistribution): void {
  if (!ctx.policy.isEnforced(SecurityRule.ACCESS_LOGS) || !ctx.logBucket) return;
  const current = cfn.distributionConfig;
  if (Token.isUnresolved(current)) return;
  const config = current as cloudfront.CfnDistribution.DistributionConfigProperty;
  if (config.logging !== undefined) return;
  cfn.distributionConfig = {
    ...config,
    logging: { bucket: ctx.logBucket.bucketRegionalDomainName, includeCookies: false, prefix: `cloudfront/${Stack.of(cfn).resolve(cfn.logicalId)}/` },
  };
}

function attributesOf(alb: elbv2.ApplicationLoadBalancer): Map<string, unknown> {
  const cfn = alb.node.defaultChild as elbv2.CfnLoadBalancer;
  const resolved = Stack.of(alb).resolve(cfn.loadBalancerAttributes) as LoadBalancerAttribute[] | undefined;
  return new Map((resolved ?? []).map((a) => [String(a.key ?? a.Key), a.value ?? a.Value]));
}
