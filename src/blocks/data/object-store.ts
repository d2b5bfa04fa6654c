import { Duration, Names, RemovalPolicy } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { IDataStoreBlock } from '../contracts';

/** Properties for an `ObjectStore`. */
export interface ObjectStoreProps {
  /**
   * KMS key for server-side encryption (SSE-KMS with a bucket key).
   * @default - S3 managed encryption (SSE-S3)
   */
  readonly encryptionKey?: kms.IKey;
  /**
   * Keep every version of every object.
   * @default true
   */
  readonly versioned?: boolean;
  /**
   * Days after which noncurrent object versions are deleted.
   * @default 90
   */
  readonly noncurrentVersionExpirationDays?: number;
  /**
   * What happens to the bucket when it leaves the stack. A bucket that still holds objects
   * cannot be deleted by CloudFormation.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * Bucket that receives server access logs.
   * @default - no server access logging
   */
  readonly serverAccessLogsBucket?: s3.IBucket;
  /**
   * Key prefix for server access logs in `serverAccessLogsBucket`.
   * @default - this construct's unique id followed by '/'
   */
  readonly serverAccessLogsPrefix?: string;
  /**
   * Use this bucket instead of creating one; every other prop is then ignored.
   * @default - a new bucket is created
   */
  readonly existingBucket?: s3.IBucket;
}

/**
 * Secure defaults. Rule: user props win, except blocking all public access, encryption at
 * rest and a TLS 1.2+ only bucket policy, which are always on.
 */
const OBJECT_STORE_DEFAULTS = {
  versioned: true,
  noncurrentVersionExpirationDays: 90,
  abortIncompleteMultipartUploadDays: 7,
  removalPolicy: RemovalPolicy.RETAIN,
  minimumTlsVersion: 1.2,
};

/**
 * A private, encrypted, versioned S3 bucket that only accepts TLS requests.
 */
export class ObjectStore extends Construct implements IDataStoreBlock {
  /** The bucket (created or given). */
  public readonly bucket: s3.IBucket;
  /** Environment variables that locate the bucket: `BUCKET_NAME`. */
  public readonly connectionEnvironment: { [key: string]: string };

  constructor(scope: Construct, id: string, props: ObjectStoreProps = {}) {
    super(scope, id);
    this.bucket = props.existingBucket ?? this.createBucket(props);
    this.connectionEnvironment = { BUCKET_NAME: this.bucket.bucketName };
  }

  /** Read objects (s3:GetObject*, s3:List*). */
  public grantRead(grantee: iam.IGrantable): void {
    this.bucket.grantRead(grantee);
  }

  /** Read, write and delete objects. */
  public grantReadWrite(grantee: iam.IGrantable): void {
    this.bucket.grantReadWrite(grantee);
  }

  /** No-op: S3 is reached through the AWS API, not the VPC network. */
  public allowConnectionsFrom(peer: ec2.IConnectable): void {
    void peer;
  }

  private createBucket(props: ObjectStoreProps): s3.Bucket {
    const d = OBJECT_STORE_DEFAULTS;
    const logsBucket = props.serverAccessLogsBucket;

    // Construct id 'Bucket' is a contract: it fixes the logical ID across library versions.
    return new s3.Bucket(this, 'Bucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      encryption: props.encryptionKey ? s3.BucketEncryption.KMS : s3.BucketEncryption.S3_MANAGED,
      encryptionKey: props.encryptionKey,
      bucketKeyEnabled: props.encryptionKey ? true : undefined,
      enforceSSL: true,
      minimumTLSVersion: d.minimumTlsVersion,
      versioned: props.versioned ?? d.versioned,
      removalPolicy: props.removalPolicy ?? d.removalPolicy,
      serverAccessLogsBucket: logsBucket,
      serverAccessLogsPrefix: logsBucket ? props.serverAccessLogsPrefix ?? `${Names.uniqueId(this)}/` : undefined,
      lifecycleRules: [{
        id: 'AbortIncompleteUploadsAndExpireOldVersions',
        abortIncompleteMultipartUploadAfter: Duration.days(d.abortIncompleteMultipartUploadDays),
        noncurrentVersionExpiration: Duration.days(props.noncurrentVersionExpirationDays ?? d.noncurrentVersionExpirationDays),
      }],
    });
  }
}
