import { Aws, CfnCondition, CfnMapping, Fn, Stack, Token } from 'aws-cdk-lib';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { SERVICE_MODULES } from './service-modules';

/** Key prefix of load balancer access logs in the log bucket. */
export const LOAD_BALANCER_LOG_PREFIX = 'alb';

/**
 * Lets Elastic Load Balancing deliver access logs under `alb/` of the log bucket, in any
 * region. Regions launched before August 2022 deliver as a regional ELB account; newer
 * ones as the `logdelivery.elasticloadbalancing.amazonaws.com` service. For a stack
 * pinned to a region this is CDK's own choice; for an environment-agnostic stack a mapping
 * of every known region picks the principal at deploy time (CDK's `logAccessLogs` refuses
 * environment-agnostic stacks).
 */
export function allowLoadBalancerLogDelivery(scope: Construct, bucket: s3.IBucket): void {
  if (scope.node.tryFindChild('ElbLogDelivery')) return;
  const iam = SERVICE_MODULES.iam();
  const { FactName, RegionInfo } = SERVICE_MODULES.regionInfo();
  const marker = new Construct(scope, 'ElbLogDelivery');
  const stack = Stack.of(scope);
  const objects = bucket.arnForObjects(`${LOAD_BALANCER_LOG_PREFIX}/*`);
  bucket.addToResourcePolicy(new iam.PolicyStatement({
    sid: 'AllowElbLogDeliveryService',
    principals: [new iam.ServicePrincipal('logdelivery.elasticloadbalancing.amazonaws.com')],
    actions: ['s3:PutObject'],
    resources: [objects],
  }));
  let legacyPrincipal: string;
  if (!Token.isUnresolved(stack.region)) {
    const account = RegionInfo.get(stack.region).elbv2Account;
    legacyPrincipal = `arn:${Aws.PARTITION}:iam::${account ?? Aws.ACCOUNT_ID}:root`;
  } else {
    const accounts = RegionInfo.regionMap(FactName.ELBV2_ACCOUNT);
    const mapping = new CfnMapping(marker, 'Accounts', {
      mapping: Object.fromEntries(RegionInfo.regions.map((r) => [r.name, { account: accounts[r.name] ?? 'none' }])),
    });
    const account = mapping.findInMap(Aws.REGION, 'account');
    const legacy = new CfnCondition(marker, 'LegacyRegion', { expression: Fn.conditionNot(Fn.conditionEquals(account, 'none')) });
    // In newer regions the statement names this account's root, which adds no access.
    legacyPrincipal = Fn.conditionIf(legacy.logicalId,
      `arn:${Aws.PARTITION}:iam::${account}:root`, `arn:${Aws.PARTITION}:iam::${Aws.ACCOUNT_ID}:root`).toString();
  }
  bucket.addToResourcePolicy(new iam.PolicyStatement({
    sid: 'AllowElbLogDeliveryAccount',
    principals: [new iam.ArnPrincipal(legacyPrincipal)],
    actions: ['s3:PutObject'],
    resources: [objects],
  }));
}
