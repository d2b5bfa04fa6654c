import { CfnResource, IAspect, Stack } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elasticache from 'aws-cdk-lib/aws-elasticache';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { IConstruct } from 'constructs';
import { EnforcementContext } from './context';
import { enforceBucket } from './enforce-buckets';
import { enforceFunction, enforceKey, enforceSubnet } from './enforce-compute';
import { enforceDatabaseCluster, enforceDatabaseInstance, enforceReplicationGroup, enforceTable } from './enforce-databases';
import { enforceDistribution, enforceLoadBalancer } from './enforce-edge';
import { enforceLogGroup, enforceSecret } from './enforce-logs-and-secrets';
import { enforceQueue, enforceTopic } from './enforce-messaging';
import { enforceRawResource, isRawCfnResource } from './enforce-raw-resources';
import { exemptRelaxedRules } from './relaxations';
import { provisionSharedResources } from './shared-resources';
import { SecurityPolicy } from '../policy/security-policy';

/**
 * Applies the security policy to every resource of one stack, including resources added
 * by hand. Runs at mutating priority, before validation: on the stack itself it provisions
 * the shared resources (log bucket, key, backup plan) from what the stack contains; on each
 * resource it fills in what the policy asks for and the resource leaves unset. It never
 * overrides a setting a resource makes explicitly: a deliberately public bucket stays
 * public, and the packs report it. Resources of nested stacks under the stack are enforced
 * too, and raw `CfnResource`s of the types the enforcers know get the same defaults as
 * property overrides.
 */
export class SecurityPolicyAspect implements IAspect {
  private ctx?: EnforcementContext;

  constructor(private readonly policy: SecurityPolicy, private readonly stack: Stack, private readonly onSynthesis?: () => void) {}

  public visit(node: IConstruct): void {
    if (node === this.stack) {
      this.onSynthesis?.();
      this.ctx = provisionSharedResources(this.stack, this.policy);
      return;
    }
    const ctx = this.ctx;
    if (!ctx || !this.isInScope(Stack.of(node))) return;
    if (CfnResource.isCfnResource(node)) {
      exemptRelaxedRules(ctx, node);
      if (isRawCfnResource(node)) enforceRawResource(ctx, node);
    }

    if (node instanceof s3.Bucket) enforceBucket(ctx, node.node.defaultChild as s3.CfnBucket, node);
    else if (node instanceof s3.CfnBucket && !(node.node.scope instanceof s3.Bucket)) enforceBucket(ctx, node);
    else if (node instanceof logs.CfnLogGroup) enforceLogGroup(ctx, node);
    else if (node instanceof secretsmanager.CfnSecret) enforceSecret(ctx, node);
    else if (node instanceof sqs.Queue) enforceQueue(ctx, node);
    else if (node instanceof sns.Topic) enforceTopic(ctx, node);
    else if (node instanceof dynamodb.CfnTable) enforceTable(ctx, node);
    else if (node instanceof rds.CfnDBCluster) enforceDatabaseCluster(ctx, node);
    else if (node instanceof rds.CfnDBInstance) enforceDatabaseInstance(ctx, node);
    else if (node instanceof elasticache.CfnReplicationGroup) enforceReplicationGroup(ctx, node);
    else if (node instanceof elbv2.ApplicationLoadBalancer) enforceLoadBalancer(ctx, node);
    else if (node instanceof cloudfront.CfnDistribution) enforceDistribution(ctx, node);
    else if (node instanceof lambda.Function) enforceFunction(ctx, node);
    else if (node instanceof kms.CfnKey) enforceKey(ctx, node);
    else if (node instanceof ec2.CfnSubnet) enforceSubnet(ctx, node);
  }

  /** The stack itself, or a nested stack under it. */
  private isInScope(stack: Stack): boolean {
    for (let s: Stack | undefined = stack; s; s = s.nestedStackParent) if (s === this.stack) return true;
    return false;
  }
}
