import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { IConstruct } from 'constructs';

/**
 * A data store building block that compute can be given access to.
 *
 * Every data block implements this so that `ApplicationStack` wires least-privilege
 * access the same way for every kind of store.
 */
export interface IDataStoreBlock extends IConstruct {
  /**
   * Environment variables that tell a consumer how to reach the store, without a prefix
   * (for example `TABLE_NAME`, `QUEUE_URL`, `DB_SECRET_ARN`). The stack prefixes them with
   * the store's name.
   */
  readonly connectionEnvironment: { [key: string]: string };

  /** Grant read-only data access (no schema or management actions). */
  grantRead(grantee: iam.IGrantable): void;

  /** Grant read and write data access (no schema or management actions). */
  grantReadWrite(grantee: iam.IGrantable): void;

  /**
   * Allow network connections from a consumer, for stores that live in a VPC.
   * A no-op for stores reached through AWS APIs (DynamoDB, S3, SQS).
   */
  allowConnectionsFrom(peer: ec2.IConnectable): void;
}

/**
 * A compute building block: something that runs code and can be given access to data.
 */
export interface IComputeBlock extends iam.IGrantable, IConstruct {
  /** Network connections, when the compute runs in a VPC. @default - not in a VPC */
  readonly connections?: ec2.Connections;

  /** Add an environment variable to the running code. */
  addEnvironment(key: string, value: string): void;
}
