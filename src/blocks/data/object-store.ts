import { Duration, Names, RemovalPolicy } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { acknowledgeRules, inCompliancePacks, wildcardResourceFinding } from '../acknowledge';
import { IDataStoreBlock } from '../contracts';
import { ManagedPolicyRole } from '../iam/managed-policy-role';

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

  private readonly removalPolicy: RemovalPolicy;
  private readonly createdBucket: boolean;
  private readonly noncurrentVersionExpirationDays: number;

  constructor(scope: Construct, id: string, props: ObjectStoreProps = {}) {
    super(scope, id);
    this.removalPolicy = props.removalPolicy ?? OBJECT_STORE_DEFAULTS.removalPolicy;
    this.noncurrentVersionExpirationDays = props.noncurrentVersionExpirationDays ?? OBJECT_STORE_DEFAULTS.noncurrentVersionExpirationDays;
    this.createdBucket = props.existingBucket === undefined;
    this.bucket = props.existingBucket ?? this.createBucket(props);
    this.connectionEnvironment = { BUCKET_NAME: this.bucket.bucketName };
  }

  /** Read objects and list keys: s3:GetObject, s3:ListBucket (and kms:Decrypt with a key). */
  public grantRead(grantee: iam.IGrantable): void {
    this.grantObjects(grantee, ['s3:GetObject'], ['kms:Decrypt']);
  }

  /**
   * Read, write and delete objects: s3:GetObject, s3:PutObject, s3:DeleteObject,
   * s3:AbortMultipartUpload, s3:ListBucket (and the kms actions they need with a key).
   */
  public grantReadWrite(grantee: iam.IGrantable): void {
    this.grantObjects(grantee, ['s3:GetObject', 's3:PutObject', 's3:DeleteObject', 's3:AbortMultipartUpload'],
      ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey']);
  }

  /**
   * Replicates every object (and delete marker) to a replica bucket in this stack, kept in
   * S3 Standard-IA: a second copy under its own access, recovering objects deleted or
   * overwritten in the source, at about half the source's storage price. Turns on
   * versioning, which replication needs. Objects encrypted with `encryptionKey` are
   * replicated too. Only for a bucket this block created.
   *
   * Construct ids (contract): 'Replica', 'ReplicationRole'.
   * @param encryptionKey the KMS key the buckets are (or will be) encrypted with
   * @returns the replica bucket
   */
  public addReplica(encryptionKey?: kms.IKey): s3.IBucket {
    const existing = this.node.tryFindChild('Replica') as s3.Bucket | undefined;
    if (existing) return existing;
    const source = this.bucket.node.defaultChild;
    if (!this.createdBucket || !(source instanceof s3.CfnBucket)) {
      throw new Error(`${this.node.path}: addReplica needs a bucket this ObjectStore created, not an existing one`);
    }
    const replica = new s3.Bucket(this, 'Replica', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      encryption: encryptionKey ? s3.BucketEncryption.KMS : s3.BucketEncryption.S3_MANAGED,
      encryptionKey,
      bucketKeyEnabled: encryptionKey ? true : undefined,
      enforceSSL: true,
      minimumTLSVersion: OBJECT_STORE_DEFAULTS.minimumTlsVersion,
      versioned: true,
      removalPolicy: this.removalPolicy,
      autoDeleteObjects: this.removalPolicy === RemovalPolicy.DESTROY,
      lifecycleRules: [{
        id: 'AbortIncompleteUploadsAndExpireOldVersions',
        abortIncompleteMultipartUploadAfter: Duration.days(OBJECT_STORE_DEFAULTS.abortIncompleteMultipartUploadDays),
        noncurrentVersionExpiration: Duration.days(this.noncurrentVersionExpirationDays),
      }],
    });
    acknowledgeRules(replica, inCompliancePacks('S3BucketReplicationEnabled'),
      `Replica of ${this.node.path}: it is the second copy; replicating it again would chain copies without adding a recovery point.`);

    const role = new ManagedPolicyRole(this, 'ReplicationRole', { assumedBy: new iam.ServicePrincipal('s3.amazonaws.com') });
    role.addToPrincipalPolicy(new iam.PolicyStatement({
      actions: ['s3:GetReplicationConfiguration', 's3:ListBucket'],
      resources: [this.bucket.bucketArn],
    }));
    role.addToPrincipalPolicy(new iam.PolicyStatement({
      actions: ['s3:GetObjectVersionForReplication', 's3:GetObjectVersionAcl', 's3:GetObjectVersionTagging'],
      resources: [this.bucket.arnForObjects('*')],
    }));
    role.addToPrincipalPolicy(new iam.PolicyStatement({
      actions: ['s3:ReplicateObject', 's3:ReplicateDelete', 's3:ReplicateTags'],
      resources: [replica.arnForObjects('*')],
    }));
    acknowledgeRules(role, [wildcardResourceFinding(this, this.bucket.arnForObjects('*')), wildcardResourceFinding(this, replica.arnForObjects('*'))],
      'Replication reads every object version of the source bucket and writes every object of its replica: the objects are the grant.');

    source.versioningConfiguration = { status: 'Enabled' };
    source.replicationConfiguration = {
      role: role.roleArn,
      rules: [{
        id: 'ReplicateEverything',
        status: 'Enabled',
        priority: 1,
        filter: { prefix: '' },
        deleteMarkerReplication: { status: 'Enabled' },
        sourceSelectionCriteria: encryptionKey ? { sseKmsEncryptedObjects: { status: 'Enabled' } } : undefined,
        destination: {
          bucket: replica.bucketArn,
          storageClass: 'STANDARD_IA',
          encryptionConfiguration: encryptionKey ? { replicaKmsKeyId: encryptionKey.keyArn } : undefined,
        },
      }],
    };
    return replica;
  }

  private grantObjects(grantee: iam.IGrantable, objectActions: string[], keyActions: string[]): void {
    iam.Grant.addToPrincipal({ grantee, actions: ['s3:ListBucket'], resourceArns: [this.bucket.bucketArn] });
    const objects = this.bucket.arnForObjects('*');
    iam.Grant.addToPrincipal({ grantee, actions: objectActions, resourceArns: [objects] });
    if (this.bucket.encryptionKey) {
      iam.Grant.addToPrincipal({ grantee, actions: keyActions, resourceArns: [this.bucket.encryptionKey.keyArn] });
    }
    const principal = grantee.grantPrincipal;
    if (principal instanceof Construct) {
      acknowledgeRules(principal, [wildcardResourceFinding(this, objects)],
        `Access to the objects of ${this.node.path}: object keys are the application's data, so the grant names every object of this one bucket.`);
    }
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
      // A bucket destroyed with its stack is emptied first, or CloudFormation cannot delete it.
      autoDeleteObjects: (props.removalPolicy ?? d.removalPolicy) === RemovalPolicy.DESTROY,
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
