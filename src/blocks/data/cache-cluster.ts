import { ArnFormat, Names, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elasticache from 'aws-cdk-lib/aws-elasticache';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { acknowledgeRules } from '../acknowledge';
import { IDataStoreBlock } from '../contracts';
import { privateSubnetSelection } from './private-subnet-selection';

/** Properties for a `CacheCluster`. */
export interface CacheClusterProps {
  /** The VPC the cache lives in. */
  readonly vpc: ec2.IVpc;
  /**
   * Subnets for the cache nodes.
   * @default - private subnets with egress, else isolated subnets (never public)
   */
  readonly vpcSubnets?: ec2.SubnetSelection;
  /**
   * Node instance type.
   * @default 'cache.t4g.micro'
   */
  readonly nodeType?: string;
  /**
   * Read replicas next to the primary. With one or more, Multi-AZ and automatic failover
   * are turned on.
   * @default 0
   */
  readonly replicasPerNodeGroup?: number;
  /**
   * Redis OSS engine version (7.x).
   * @default '7.1'
   */
  readonly engineVersion?: string;
  /**
   * Days of automatic snapshots to keep (0 turns them off).
   * @default 1
   */
  readonly snapshotRetentionLimit?: number;
  /**
   * Port the cache listens on. Not Redis's well-known 6379, so that scans for open Redis
   * ports do not find it.
   * @default 6380
   */
  readonly port?: number;
  /**
   * KMS key for encryption at rest (which is always on).
   * @default - the ElastiCache service key
   */
  readonly encryptionKey?: kms.IKey;
  /**
   * What happens to the replication group (and, when retained, its subnet group and
   * security group) when it leaves the stack.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * An existing replication group to use instead of creating one: nothing is created, and
   * access is granted through its security group.
   * @default - a new replication group
   */
  readonly existingCache?: ExistingCacheAttributes;
  /**
   * How clients authenticate. IAM needs Redis OSS 7 or later.
   * @default CacheAuthentication.NETWORK_ONLY
   */
  readonly authentication?: CacheAuthentication;
  /**
   * Why clients connect without authentication (CacheAuthentication.NETWORK_ONLY): the reason
   * of the acknowledgement of the missing-authentication finding, as the report shows it.
   * @default - the block's reason: no shared AUTH token; the security groups are the only gate, over TLS
   */
  readonly networkOnlyReason?: string;
}

/** How to reach a replication group created elsewhere. */
/** How clients prove who they are to the cache. */
export enum CacheAuthentication {
  /** No Redis user: the security groups given `allowConnectionsFrom` are the only gate (always over TLS). */
  NETWORK_ONLY = 'NETWORK_ONLY',
  /**
   * Redis RBAC with IAM authentication: a user group whose only enabled user signs in with an
   * IAM token (`elasticache:Connect`, granted by `grantRead`/`grantReadWrite`); the `default`
   * user is disabled.
   */
  IAM = 'IAM',
}

export interface ExistingCacheAttributes {
  /** Replication group id. */
  readonly replicationGroupId: string;
  /** Hostname of the primary endpoint. */
  readonly endpointAddress: string;
  /** Port of the primary endpoint. */
  readonly port: number;
  /** The security group the cache's nodes use. */
  readonly securityGroup: ec2.ISecurityGroup;
  /**
   * Number of nodes (primary plus replicas), for monitoring.
   * @default 1
   */
  readonly nodeCount?: number;
}

/**
 * Secure defaults. Rule: user props win, except encryption at rest, encryption in transit
 * (clients must connect with TLS) and private subnets, which are always on.
 */
const CACHE_CLUSTER_DEFAULTS = {
  engine: 'redis',
  engineVersion: '7.1',
  nodeType: 'cache.t4g.micro',
  replicasPerNodeGroup: 0,
  snapshotRetentionLimit: 1,
  port: 6380,
  removalPolicy: RemovalPolicy.RETAIN,
};

/**
 * An ElastiCache (Redis OSS) replication group in private subnets, encrypted at rest and in
 * transit, reachable only from peers given `allowConnectionsFrom`.
 */
export class CacheCluster extends Construct implements IDataStoreBlock, ec2.IConnectable {
  /**
   * The replication group.
   * @default - none when an existing cache is used
   */
  public readonly replicationGroup?: elasticache.CfnReplicationGroup;
  /** The replication group id (for monitoring). */
  public readonly replicationGroupId: string;
  /** Number of cache nodes (primary plus replicas). */
  public readonly nodeCount: number;
  /** Hostname of the primary endpoint. */
  public readonly endpointAddress: string;
  /** Port of the primary endpoint. */
  public readonly port: number;
  /** Network access to the cache. */
  public readonly connections: ec2.Connections;
  /**
   * Environment variables: `CACHE_ENDPOINT` and `CACHE_PORT`; with CacheAuthentication.IAM also
   * `CACHE_USER` (user name and id) and `CACHE_REPLICATION_GROUP_ID`, what a client signs its token for.
   */
  public readonly connectionEnvironment: { [key: string]: string };
  /** The IAM-authenticated Redis user, with CacheAuthentication.IAM. */
  private iamUser?: elasticache.CfnUser;

  constructor(scope: Construct, id: string, props: CacheClusterProps) {
    super(scope, id);
    if (props.existingCache) {
      const existing = props.existingCache;
      this.port = existing.port;
      this.nodeCount = existing.nodeCount ?? 1;
      this.replicationGroupId = existing.replicationGroupId;
      this.endpointAddress = existing.endpointAddress;
      this.connections = new ec2.Connections({ securityGroups: [existing.securityGroup], defaultPort: ec2.Port.tcp(existing.port) });
      this.connectionEnvironment = { CACHE_ENDPOINT: existing.endpointAddress, CACHE_PORT: String(existing.port) };
      return;
    }
    const d = CACHE_CLUSTER_DEFAULTS;
    const replicas = props.replicasPerNodeGroup ?? d.replicasPerNodeGroup;
    if (!Number.isInteger(replicas) || replicas < 0 || replicas > 5) {
      throw new Error(`CacheCluster replicasPerNodeGroup must be an integer from 0 to 5, got ${replicas}`);
    }
    const removalPolicy = props.removalPolicy ?? d.removalPolicy;
    this.port = props.port ?? d.port;
    this.nodeCount = replicas + 1;

    const securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.vpc,
      description: 'ElastiCache replication group',
      allowAllOutbound: false,
    });
    this.connections = new ec2.Connections({ securityGroups: [securityGroup], defaultPort: ec2.Port.tcp(this.port) });

    const subnetGroup = new elasticache.CfnSubnetGroup(this, 'SubnetGroup', {
      description: 'Private subnets for the ElastiCache replication group',
      subnetIds: props.vpc.selectSubnets(privateSubnetSelection(props.vpc, props.vpcSubnets)).subnetIds,
    });

    // Construct id 'ReplicationGroup' is a contract: it fixes the logical ID across library versions.
    this.replicationGroup = new elasticache.CfnReplicationGroup(this, 'ReplicationGroup', {
      replicationGroupDescription: 'Redis OSS cache',
      engine: d.engine,
      engineVersion: props.engineVersion ?? d.engineVersion,
      cacheNodeType: props.nodeType ?? d.nodeType,
      numCacheClusters: this.nodeCount,
      multiAzEnabled: replicas >= 1,
      automaticFailoverEnabled: replicas >= 1,
      atRestEncryptionEnabled: true,
      kmsKeyId: props.encryptionKey?.keyArn,
      transitEncryptionEnabled: true,
      port: this.port,
      cacheSubnetGroupName: subnetGroup.ref,
      securityGroupIds: [securityGroup.securityGroupId],
      snapshotRetentionLimit: props.snapshotRetentionLimit ?? d.snapshotRetentionLimit,
      autoMinorVersionUpgrade: true,
      userGroupIds: props.authentication === CacheAuthentication.IAM ? [this.createIamUserGroup().ref] : undefined,
    });
    this.replicationGroup.applyRemovalPolicy(removalPolicy);
    // With IAM authentication the user group satisfies the authentication rules (CdkInfraEngineer-CacheAuthenticated
    // decides AwsSolutions-AEC6 from the template): nothing to acknowledge.
    if (props.authentication !== CacheAuthentication.IAM) {
      acknowledgeRules(this.replicationGroup, ['AwsSolutions-AEC6', 'CdkInfraEngineer-CacheAuthenticated'], props.networkOnlyReason
        ?? 'No shared Redis AUTH token: it would sit in every client\'s configuration and could not be rotated without a custom '
        + 'function. Only the security groups given allowConnectionsFrom reach the cache (no CIDR rules), always over TLS.');
    }
    if (replicas === 0) {
      acknowledgeRules(this.replicationGroup, ['AwsSolutions-AEC4'],
        'Single node by choice (replicasPerNodeGroup 0): a cache holds data rebuilt from its source of truth, and Multi-AZ '
        + 'would double the node cost; production designs ask for a replica.');
    }
    if (removalPolicy === RemovalPolicy.RETAIN) {
      // A retained cache still uses these; deleting them would fail the stack deletion.
      subnetGroup.applyRemovalPolicy(RemovalPolicy.RETAIN);
      securityGroup.applyRemovalPolicy(RemovalPolicy.RETAIN);
    }

    this.replicationGroupId = this.replicationGroup.ref;
    this.endpointAddress = this.replicationGroup.attrPrimaryEndPointAddress;
    this.connectionEnvironment = {
      CACHE_ENDPOINT: this.endpointAddress,
      CACHE_PORT: String(this.port),
      // An IAM token is signed for the replication group id and the user id (which equals the user name).
      ...(this.iamUser ? { CACHE_USER: this.iamUser.userName, CACHE_REPLICATION_GROUP_ID: this.replicationGroup.ref } : {}),
    };
  }

  /**
   * The user group of IAM authentication: ElastiCache requires a user named `default` in
   * every group, so it is there, switched off; the IAM user (user ID = user name) has full access.
   */
  private createIamUserGroup(): elasticache.CfnUserGroup {
    // IDs are account-wide names: 1-40 characters, a letter first.
    const base = Names.uniqueResourceName(this, { maxLength: 32, separator: '-' }).toLowerCase().replace(/[^a-z0-9-]/g, '');
    const id = /^[a-z]/.test(base) ? base : `c${base.slice(1)}`;
    const defaultUser = new elasticache.CfnUser(this, 'DefaultUser', {
      engine: 'redis',
      userId: `${id}-off`,
      userName: 'default',
      accessString: 'off -@all',
      authenticationMode: { Type: 'no-password-required' },
    });
    this.iamUser = new elasticache.CfnUser(this, 'IamUser', {
      engine: 'redis', userId: `${id}-iam`, userName: `${id}-iam`, accessString: 'on ~* +@all', authenticationMode: { Type: 'iam' },
    });
    const group = new elasticache.CfnUserGroup(this, 'UserGroup', { engine: 'redis', userGroupId: id, userIds: [defaultUser.ref, this.iamUser.ref] });
    group.addDependency(defaultUser);
    group.addDependency(this.iamUser);
    return group;
  }

  /** With CacheAuthentication.IAM, lets the grantee sign in as the IAM user; otherwise a no-op (the network is the gate). */
  public grantRead(grantee: iam.IGrantable): void {
    this.grantConnect(grantee);
  }

  /** Same as `grantRead`: Redis access control is per user, not per operation. */
  public grantReadWrite(grantee: iam.IGrantable): void {
    this.grantConnect(grantee);
  }

  private grantConnect(grantee: iam.IGrantable): void {
    if (!this.iamUser || !this.replicationGroup) return;
    const stack = Stack.of(this);
    iam.Grant.addToPrincipal({
      grantee,
      actions: ['elasticache:Connect'],
      resourceArns: [
        stack.formatArn({ service: 'elasticache', resource: 'replicationgroup', resourceName: this.replicationGroup.ref, arnFormat: ArnFormat.COLON_RESOURCE_NAME }),
        this.iamUser.attrArn,
      ],
    });
  }

  /** Allow the peer to connect on the cache's port. */
  public allowConnectionsFrom(peer: ec2.IConnectable): void {
    this.connections.allowDefaultPortFrom(peer);
  }
}
