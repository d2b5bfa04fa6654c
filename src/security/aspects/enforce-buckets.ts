import { Stack } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { EnforcementContext } from './context';
import { deniesInsecureTransport, denyInsecureTransport } from './tls';
import { SecurityRule } from '../policy/security-rule';

/**
 * S3 buckets: block public access, encryption at rest (SSE-KMS with the stack's key when
 * the policy asks for customer managed keys), TLS-only bucket policy, server access logs to
 * the log bucket, versioning. Settings the bucket already has are kept: a bucket that asks
 * for public access, or a website bucket, stays as it is and the packs report it.
 */
export function enforceBucket(ctx: EnforcementContext, cfn: s3.CfnBucket, bucket?: s3.Bucket): void {
  if (ctx.ownResources.has(bucket ?? cfn)) return;
  const stack = Stack.of(cfn);
  const id = stack.resolve(cfn.logicalId) as string;
  const is = (rule: SecurityRule) => ctx.policy.isEnforced(rule);

  if (is(SecurityRule.BLOCK_PUBLIC_ACCESS) && cfn.publicAccessBlockConfiguration === undefined) {
    cfn.publicAccessBlockConfiguration = { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true };
  }

  const useKey = ctx.key && is(SecurityRule.CUSTOMER_MANAGED_KEYS) && !ctx.logTargets.has(id);
  const kms = (): s3.CfnBucket.BucketEncryptionProperty => ({
    serverSideEncryptionConfiguration: [{
      serverSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: ctx.key!.keyArn },
      bucketKeyEnabled: true,
    }],
  });
  if (is(SecurityRule.ENCRYPTION_AT_REST) && cfn.bucketEncryption === undefined) {
    cfn.bucketEncryption = useKey ? kms()
      : { serverSideEncryptionConfiguration: [{ serverSideEncryptionByDefault: { sseAlgorithm: 'AES256' } }] };
  } else if (useKey && algorithmOf(stack, cfn) === 'AES256') {
    // SSE-S3 to SSE-KMS is transparent to principals of the account: the key lets them in through S3.
    cfn.bucketEncryption = kms();
  }

  const website = cfn.websiteConfiguration !== undefined;
  if (is(SecurityRule.TLS_ONLY) && bucket && !website && !deniesInsecureTransport(bucket)) {
    bucket.addToResourcePolicy(denyInsecureTransport(['s3:*'], [bucket.bucketArn, bucket.arnForObjects('*')]));
  }

  if (is(SecurityRule.ACCESS_LOGS) && ctx.logBucket && cfn.loggingConfiguration === undefined) {
    cfn.loggingConfiguration = { destinationBucketName: ctx.logBucket.bucketName, logFilePrefix: `s3/${id}/` };
  }

  if (is(SecurityRule.BACKUPS) && cfn.versioningConfiguration === undefined) {
    cfn.versioningConfiguration = { status: 'Enabled' };
  }
}

function algorithmOf(stack: Stack, cfn: s3.CfnBucket): string | undefined {
  const encryption = stack.resolve(cfn.bucketEncryption) as
    { serverSideEncryptionConfiguration?: Array<{ serverSideEncryptionByDefault?: { sseAlgorithm?: string } }> } | undefined;
  return encryption?.serverSideEncryptionConfiguration?.[0]?.serverSideEncryptionByDefault?.sseAlgorithm;
}
