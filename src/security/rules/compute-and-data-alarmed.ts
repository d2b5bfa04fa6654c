import { CfnResource } from 'aws-cdk-lib';
import * as rds from 'aws-cdk-lib/aws-rds';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { logicalIdOf, stackIndexOf } from './stack-index';

/**
 * Compute and data resources whose failure or backlog an alarm can see. S3 buckets are
 * not among them: without paid request metrics they expose no failure signal, and they are
 * protected by versioning, replication and access logs instead.
 */
const MONITORED_TYPES: ReadonlySet<string> = new Set([
  'AWS::Lambda::Function', 'AWS::ECS::Service', 'AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable', 'AWS::SQS::Queue',
  'AWS::RDS::DBCluster', 'AWS::RDS::DBInstance', 'AWS::ElastiCache::ReplicationGroup', 'AWS::ElastiCache::CacheCluster',
  'AWS::Kinesis::Stream',
]);

/**
 * Every compute and data resource has at least one CloudWatch alarm in its stack that
 * refers to it. Not applicable to: Lambda functions that serve CloudFormation custom
 * resources (they run only during deployments, whose failure is itself the signal), Aurora
 * instances (alarmed through their cluster).
 */
export function ComputeAndDataAlarmed(node: CfnResource): NagRuleResult {
  if (!MONITORED_TYPES.has(node.cfnResourceType)) return NagRuleCompliance.NOT_APPLICABLE;
  if (node instanceof rds.CfnDBInstance && node.dbClusterIdentifier !== undefined) return NagRuleCompliance.NOT_APPLICABLE;
  const index = stackIndexOf(node);
  const id = logicalIdOf(node);
  if (node.cfnResourceType === 'AWS::Lambda::Function' && index.customResourceHandlers.has(id)) return NagRuleCompliance.NOT_APPLICABLE;
  return index.alarmed.has(id) ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
