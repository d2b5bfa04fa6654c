import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { IDataStoreBlock } from '../contracts';

/** How a key-value table pays for throughput. */
export enum TableCapacityMode {
  /** Pay per request; no capacity to plan. */
  ON_DEMAND = 'ON_DEMAND',
  /** Fixed read/write capacity units with target-tracking autoscaling. */
  PROVISIONED = 'PROVISIONED',
}

/** Properties for a `KeyValueTable`. */
export interface KeyValueTableProps {
  /**
   * Name of the string partition key attribute.
   * @default 'pk'
   */
  readonly partitionKeyName?: string;
  /**
   * Name of the string sort key attribute.
   * @default 'sk'
   */
  readonly sortKeyName?: string;
  /**
   * Capacity mode.
   * @default TableCapacityMode.ON_DEMAND
   */
  readonly billing?: TableCapacityMode;
  /**
   * Base (and minimum autoscaled) read capacity units when provisioned.
   * @default 5
   */
  readonly readCapacity?: number;
  /**
   * Base (and minimum autoscaled) write capacity units when provisioned.
   * @default 5
   */
  readonly writeCapacity?: number;
  /**
   * Upper bound for read capacity autoscaling when provisioned.
   * @default - 4 times `readCapacity`
   */
  readonly maxReadCapacity?: number;
  /**
   * Upper bound for write capacity autoscaling when provisioned.
   * @default - 4 times `writeCapacity`
   */
  readonly maxWriteCapacity?: number;
  /**
   * Continuous backups with point-in-time recovery.
   * @default true
   */
  readonly pointInTimeRecovery?: boolean;
  /**
   * Customer managed KMS key for server-side encryption.
   * @default - encrypted with the AWS managed key `aws/dynamodb`
   */
  readonly encryptionKey?: kms.IKey;
  /**
   * What happens to the table when it leaves the stack.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * Refuse `DeleteTable` calls until this is turned off.
   * @default false
   */
  readonly deletionProtection?: boolean;
  /**
   * Use this table instead of creating one; every other prop is then ignored.
   * @default - a new table is created
   */
  readonly existingTable?: dynamodb.ITable;
}

/**
 * Secure defaults. Rule: user props win, except server-side encryption, which is always on
 * (AWS managed key unless a customer managed key is given).
 */
const KEY_VALUE_TABLE_DEFAULTS = {
  partitionKeyName: 'pk',
  sortKeyName: 'sk',
  billing: TableCapacityMode.ON_DEMAND,
  capacity: 5,
  maxCapacityMultiplier: 4,
  targetUtilizationPercent: 70,
  pointInTimeRecovery: true,
  removalPolicy: RemovalPolicy.RETAIN,
  deletionProtection: false,
};

/**
 * A DynamoDB table keyed by `pk`/`sk` strings, encrypted, with point-in-time recovery,
 * retained on stack deletion.
 */
export class KeyValueTable extends Construct implements IDataStoreBlock {
  /** The table (created or given). */
  public readonly table: dynamodb.ITable;
  /** Environment variables that locate the table: `TABLE_NAME`. */
  public readonly connectionEnvironment: { [key: string]: string };

  constructor(scope: Construct, id: string, props: KeyValueTableProps = {}) {
    super(scope, id);
    this.table = props.existingTable ?? this.createTable(props);
    this.connectionEnvironment = { TABLE_NAME: this.table.tableName };
  }

  /** Read items (GetItem, Query, Scan, ...); no table management actions. */
  public grantRead(grantee: iam.IGrantable): void {
    this.table.grantReadData(grantee);
  }

  /** Read, write and delete items; no table management actions. */
  public grantReadWrite(grantee: iam.IGrantable): void {
    this.table.grantReadWriteData(grantee);
  }

  /** No-op: DynamoDB is reached through the AWS API, not the VPC network. */
  public allowConnectionsFrom(peer: ec2.IConnectable): void {
    void peer;
  }

  private createTable(props: KeyValueTableProps): dynamodb.Table {
    const d = KEY_VALUE_TABLE_DEFAULTS;
    const provisioned = (props.billing ?? d.billing) === TableCapacityMode.PROVISIONED;
    const readCapacity = props.readCapacity ?? d.capacity;
    const writeCapacity = props.writeCapacity ?? d.capacity;

    // Construct id 'Table' is a contract: it fixes the logical ID across library versions.
    const table = new dynamodb.Table(this, 'Table', {
      partitionKey: { name: props.partitionKeyName ?? d.partitionKeyName, type: dynamodb.AttributeType.STRING },
      sortKey: { name: props.sortKeyName ?? d.sortKeyName, type: dynamodb.AttributeType.STRING },
      billingMode: provisioned ? dynamodb.BillingMode.PROVISIONED : dynamodb.BillingMode.PAY_PER_REQUEST,
      readCapacity: provisioned ? readCapacity : undefined,
      writeCapacity: provisioned ? writeCapacity : undefined,
      pointInTimeRecoverySpecification: {
        pointInTimeRecoveryEnabled: props.pointInTimeRecovery ?? d.pointInTimeRecovery,
      },
      encryption: props.encryptionKey ? dynamodb.TableEncryption.CUSTOMER_MANAGED : dynamodb.TableEncryption.AWS_MANAGED,
      encryptionKey: props.encryptionKey,
      removalPolicy: props.removalPolicy ?? d.removalPolicy,
      deletionProtection: props.deletionProtection ?? d.deletionProtection,
    });

    if (provisioned) {
      table.autoScaleReadCapacity({
        minCapacity: readCapacity,
        maxCapacity: props.maxReadCapacity ?? readCapacity * d.maxCapacityMultiplier,
      }).scaleOnUtilization({ targetUtilizationPercent: d.targetUtilizationPercent });
      table.autoScaleWriteCapacity({
        minCapacity: writeCapacity,
        maxCapacity: props.maxWriteCapacity ?? writeCapacity * d.maxCapacityMultiplier,
      }).scaleOnUtilization({ targetUtilizationPercent: d.targetUtilizationPercent });
    }
    return table;
  }
}
