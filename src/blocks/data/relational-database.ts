import { Annotations, Duration, RemovalPolicy, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { acknowledgeRules } from '../acknowledge';
import { BlockContextKeys } from '../context-keys';
import { IDataStoreBlock } from '../contracts';
import { privateSubnetSelection } from './private-subnet-selection';

/** Characters left out of generated passwords (RDS's default for generated secrets, which rotation must match). */
const GENERATED_PASSWORD_EXCLUDED_CHARACTERS = ' %+~`#$&*()|[]{}:;<>?!\'/@"\\';

/** Properties for a `RelationalDatabase`. */
export interface RelationalDatabaseProps {
  /** The VPC the cluster lives in. */
  readonly vpc: ec2.IVpc;
  /**
   * Subnets for the cluster.
   * @default - private subnets with egress, else isolated subnets (never public)
   */
  readonly vpcSubnets?: ec2.SubnetSelection;
  /**
   * Minimum Aurora capacity units per instance.
   * @default 0.5
   */
  readonly minCapacity?: number;
  /**
   * Maximum Aurora capacity units per instance.
   * @default 4
   */
  readonly maxCapacity?: number;
  /**
   * Number of Serverless v2 readers; the first scales with the writer (failover target).
   * @default 0
   */
  readonly readers?: number;
  /**
   * Aurora PostgreSQL engine version.
   * @default rds.AuroraPostgresEngineVersion.VER_16_13
   */
  readonly engineVersion?: rds.AuroraPostgresEngineVersion;
  /**
   * Name of the database created in the cluster.
   * @default 'app'
   */
  readonly databaseName?: string;
  /**
   * Name of the cluster's admin (master) user, kept in the generated secret. Choose it before
   * the first deploy and never change it: a different name gives the cluster a new secret and
   * a new MasterUsername, and CloudFormation replaces the cluster (a new, empty database).
   * @default - the `cdk-infra-engineer:databaseAdminUsername` context value, else 'postgres'
   * (what earlier releases deployed, so that their clusters stay)
   */
  readonly adminUsername?: string;
  /**
   * Days of automated backups.
   * @default 7
   */
  readonly backupRetentionDays?: number;
  /**
   * KMS key for storage encryption (storage is always encrypted).
   * @default - the AWS managed key `aws/rds`
   */
  readonly encryptionKey?: kms.IKey;
  /**
   * Retention of the exported `postgresql` log group.
   * @default logs.RetentionDays.ONE_YEAR
   */
  readonly logRetention?: logs.RetentionDays;
  /**
   * What happens to the cluster when it leaves the stack. Unless DESTROY, the credentials
   * secret is retained too, so a retained cluster or a restored snapshot stays usable.
   * @default RemovalPolicy.SNAPSHOT
   */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * Refuse to delete the cluster until this is turned off.
   * @default false
   */
  readonly deletionProtection?: boolean;
  /**
   * Use this cluster instead of creating one; it must be imported with its endpoint
   * address and port. Every other prop except `databaseName` is then ignored.
   * @default - a new cluster is created
   */
  readonly existingCluster?: rds.IDatabaseCluster;
  /**
   * The credentials secret of `existingCluster`. Ignored without `existingCluster`.
   * @default - no secret: grants are no-ops and `DB_SECRET_ARN` is not set
   */
  readonly existingSecret?: secretsmanager.ISecret;
}

/**
 * Secure defaults. Rule: user props win, except storage encryption, IAM database
 * authentication, generated credentials in Secrets Manager rotated every 30 days,
 * `rds.force_ssl`, enhanced monitoring and a fixed port (5432, so security group rules name
 * it), which are always on.
 */
/** The context key an application can set, before its first deploy, instead of `adminUsername`. */
const DATABASE_ADMIN_USERNAME_CONTEXT = BlockContextKeys.DATABASE_ADMIN_USERNAME;
/** PostgreSQL identifiers Aurora accepts as the master user: a letter, then letters, digits or underscores. */
const ADMIN_USERNAME = /^[a-zA-Z][a-zA-Z0-9_]{0,62}$/;
const RESERVED_ADMIN_USERNAMES = ['rdsadmin', 'rdsrepladmin', 'rds_superuser', 'public', 'pg_signal_backend'];

const RELATIONAL_DATABASE_DEFAULTS = {
  engineVersion: rds.AuroraPostgresEngineVersion.VER_16_13,
  port: 5432,
  rotationDays: 30,
  monitoringInterval: Duration.seconds(60),
  masterUsername: 'postgres',
  minCapacity: 0.5,
  maxCapacity: 4,
  readers: 0,
  databaseName: 'app',
  backupRetentionDays: 7,
  logRetention: logs.RetentionDays.ONE_YEAR,
  removalPolicy: RemovalPolicy.SNAPSHOT,
  deletionProtection: false,
};

/**
 * Aurora PostgreSQL Serverless v2: encrypted, TLS-only, IAM authentication, credentials in
 * Secrets Manager, logs exported to CloudWatch and Performance Insights on.
 */
export class RelationalDatabase extends Construct implements IDataStoreBlock, ec2.IConnectable {
  /** The cluster (created or given). */
  public readonly cluster: rds.IDatabaseCluster;
  /** The master credentials secret. Undefined for an existing cluster given without `existingSecret`. */
  public readonly secret?: secretsmanager.ISecret;
  /** Hostname of the writer endpoint. */
  public readonly endpoint: string;
  /** Port of the writer endpoint. */
  public readonly port: number;
  /** Name of the application database. */
  public readonly databaseName: string;
  /** Network access to the cluster. */
  public readonly connections: ec2.Connections;
  /** Environment variables: `DB_ENDPOINT`, `DB_PORT`, `DB_NAME` and, with a secret, `DB_SECRET_ARN`. */
  public readonly connectionEnvironment: { [key: string]: string };

  constructor(scope: Construct, id: string, props: RelationalDatabaseProps) {
    super(scope, id);
    this.databaseName = props.databaseName ?? RELATIONAL_DATABASE_DEFAULTS.databaseName;
    if (props.existingCluster) {
      this.cluster = props.existingCluster;
      this.secret = props.existingSecret;
    } else {
      const cluster = this.createCluster(props);
      this.cluster = cluster;
      this.secret = cluster.secret;
    }
    this.endpoint = this.cluster.clusterEndpoint.hostname;
    this.port = this.cluster.clusterEndpoint.port;
    // A created cluster listens on a known port: rules name it instead of a deploy-time attribute.
    this.connections = props.existingCluster ? this.cluster.connections
      : new ec2.Connections({
        securityGroups: this.cluster.connections.securityGroups,
        defaultPort: ec2.Port.tcp(RELATIONAL_DATABASE_DEFAULTS.port),
      });
    if (!props.existingCluster && this.secret) this.rotateCredentials(props, this.secret);

    const port = this.port;
    this.connectionEnvironment = {
      DB_ENDPOINT: this.endpoint,
      DB_PORT: Token.isUnresolved(port) ? Token.asString(port) : String(port),
      DB_NAME: this.databaseName,
      ...(this.secret ? { DB_SECRET_ARN: this.secret.secretArn } : {}),
    };
  }

  /**
   * Read the credentials secret. The database decides what the user may do; this block does
   * not grant `rds-db:connect` (IAM database users must be created in SQL first).
   */
  public grantRead(grantee: iam.IGrantable): void {
    this.grantSecretRead(grantee);
  }

  /** Same as `grantRead`: access to the credentials secret. */
  public grantReadWrite(grantee: iam.IGrantable): void {
    this.grantSecretRead(grantee);
  }

  /** Allow the peer to connect on the cluster's port. */
  public allowConnectionsFrom(peer: ec2.IConnectable): void {
    this.connections.allowDefaultPortFrom(peer);
  }

  /**
   * Rotates the master password every 30 days with the Secrets Manager single-user
   * PostgreSQL rotation function (from the Serverless Application Repository), which runs
   * in the cluster's subnets. Applications must read the secret at connect time.
   */
  private rotateCredentials(props: RelationalDatabaseProps, secret: secretsmanager.ISecret): void {
    new secretsmanager.SecretRotation(this, 'Rotation', {
      application: secretsmanager.SecretRotationApplication.POSTGRES_ROTATION_SINGLE_USER,
      secret,
      target: this,
      vpc: props.vpc,
      vpcSubnets: privateSubnetSelection(props.vpc, props.vpcSubnets),
      excludeCharacters: GENERATED_PASSWORD_EXCLUDED_CHARACTERS,
      automaticallyAfter: Duration.days(RELATIONAL_DATABASE_DEFAULTS.rotationDays),
    });
  }

  private grantSecretRead(grantee: iam.IGrantable): void {
    if (this.secret) {
      this.secret.grantRead(grantee);
    } else {
      Annotations.of(this).addWarningV2('cdk-infra-engineer:noDatabaseSecret',
        'No credentials secret is known for this cluster (pass existingSecret); no access was granted.');
    }
  }

  private createCluster(props: RelationalDatabaseProps): rds.DatabaseCluster {
    const d = RELATIONAL_DATABASE_DEFAULTS;
    const engine = rds.DatabaseClusterEngine.auroraPostgres({ version: props.engineVersion ?? d.engineVersion });
    const parameterGroup = new rds.ParameterGroup(this, 'ParameterGroup', {
      engine,
      description: 'Aurora PostgreSQL: TLS required',
      parameters: { 'rds.force_ssl': '1' },
    });
    // Performance Insights is on for the cluster; saying so on each instance too keeps CDK from warning that it is not.
    const readers = Array.from({ length: props.readers ?? d.readers }, (_, i) =>
      rds.ClusterInstance.serverlessV2(`reader${i + 1}`, { scaleWithWriter: i === 0, enablePerformanceInsights: true }));
    const adminUsername = props.adminUsername ?? this.node.tryGetContext(DATABASE_ADMIN_USERNAME_CONTEXT) ?? d.masterUsername;
    if (typeof adminUsername !== 'string' || !ADMIN_USERNAME.test(adminUsername) || RESERVED_ADMIN_USERNAMES.includes(adminUsername.toLowerCase())) {
      throw new Error(`${this.node.path}: adminUsername must be 1-63 letters, digits or underscores starting with a letter, and not one of `
        + `${RESERVED_ADMIN_USERNAMES.join(', ')}; got ${JSON.stringify(adminUsername)}`);
    }

    const removalPolicy = props.removalPolicy ?? d.removalPolicy;
    // Construct id 'Cluster' is a contract: it fixes the logical ID across library versions.
    const cluster = new rds.DatabaseCluster(this, 'Cluster', {
      engine,
      parameterGroup,
      credentials: rds.Credentials.fromGeneratedSecret(adminUsername),
      writer: rds.ClusterInstance.serverlessV2('writer', { enablePerformanceInsights: true }),
      readers,
      serverlessV2MinCapacity: props.minCapacity ?? d.minCapacity,
      serverlessV2MaxCapacity: props.maxCapacity ?? d.maxCapacity,
      vpc: props.vpc,
      vpcSubnets: privateSubnetSelection(props.vpc, props.vpcSubnets),
      port: d.port,
      monitoringInterval: d.monitoringInterval,
      defaultDatabaseName: this.databaseName,
      storageEncrypted: true,
      storageEncryptionKey: props.encryptionKey,
      iamAuthentication: true,
      backup: { retention: Duration.days(props.backupRetentionDays ?? d.backupRetentionDays) },
      copyTagsToSnapshot: true,
      cloudwatchLogsExports: ['postgresql'],
      cloudwatchLogsRetention: props.logRetention ?? d.logRetention,
      enablePerformanceInsights: true,
      removalPolicy,
      deletionProtection: props.deletionProtection ?? d.deletionProtection,
    });
    const monitoringRole = cluster.node.tryFindChild('MonitoringRole');
    if (monitoringRole) {
      acknowledgeRules(monitoringRole, ['AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole]'],
        'RDS enhanced monitoring role: the AWS managed policy is the one RDS documents for publishing OS metrics, and AWS keeps it current.');
    }
    // The credentials outlive the stack whenever the data does (retained cluster or snapshot).
    // `cluster.secret` is the secret's attachment, so find the generated DatabaseSecret itself.
    if (removalPolicy !== RemovalPolicy.DESTROY) {
      const generated = cluster.node.children.find(child => child instanceof rds.DatabaseSecret) as rds.DatabaseSecret | undefined;
      generated?.applyRemovalPolicy(RemovalPolicy.RETAIN);
    }
    return cluster;
  }
}
