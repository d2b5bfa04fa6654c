import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { IConstruct } from 'constructs';
import { SecurityPolicy } from '../policy/security-policy';

/** What every enforcer gets: the policy and the stack's shared security resources. */
export interface EnforcementContext {
  readonly policy: SecurityPolicy;
  /** The stack's access-log bucket, when something logs to S3. */
  readonly logBucket?: s3.IBucket;
  /** The stack's customer managed key, when the policy asks for one. */
  readonly key?: kms.IKey;
  /** Adds a resource ARN to the stack's AWS Backup selection, when there is one. */
  readonly addToBackup?: (arn: string) => void;
  /** Logical IDs of Lambda functions that serve CloudFormation custom resources. */
  readonly customResourceHandlers: ReadonlySet<string>;
  /** Logical IDs of buckets that receive access logs (they must keep SSE-S3). */
  readonly logTargets: ReadonlySet<string>;
  /** Buckets the security resources created (the aspects leave their settings alone). */
  readonly ownResources: ReadonlySet<IConstruct>;
}

/** A load balancer attribute as resolved (L1 casing, or template casing from an override). */
export interface LoadBalancerAttribute {
  readonly key?: string;
  readonly Key?: string;
  readonly value?: unknown;
  readonly Value?: unknown;
}
