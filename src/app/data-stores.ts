import { CfnOutput, Duration, RemovalPolicy } from 'aws-cdk-lib';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { BLOCK_MODULES } from './block-modules';
import { outputKey } from './names';
import { logRetention } from './retention';
import type { IDataStoreBlock, NetworkBlock, Observability } from '../blocks';
import { storeAlarms } from '../design/application-alarms';
import { DataStorePlan, DataStoreTechnology, ResiliencePlan } from '../design/model';
import { CacheAuthenticationRequirement } from '../requirements';

/** A built data store with what the stack needs to wire and report it. */
export interface BuiltDataStore {
  readonly plan: DataStorePlan;
  readonly block: IDataStoreBlock;
}

/**
 * Builds one data store from its plan. Construct ids are the store names, and each block
 * names its stateful resource with a fixed id, so logical IDs survive library upgrades.
 */
export function buildDataStore(scope: Construct, plan: DataStorePlan, r: ResiliencePlan, network: NetworkBlock | undefined,
  observability: Observability, outputScope: Construct, replicaKey?: () => kms.IKey | undefined): BuiltDataStore {
  const output = (prefix: Parameters<typeof outputKey>[0], value: string, description: string) =>
    new CfnOutput(outputScope, outputKey(prefix, plan.name), { value, description });
  const removalPolicy = r.retainOnDelete ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
  const needVpc = () => {
    if (!network) throw new Error(`Data store '${plan.name}' needs a VPC but the design has none (design bug)`);
    return network;
  };
  switch (plan.technology) {
    case DataStoreTechnology.DYNAMODB_ON_DEMAND:
    case DataStoreTechnology.DYNAMODB_PROVISIONED: {
      const provisioned = plan.technology === DataStoreTechnology.DYNAMODB_PROVISIONED;
      const { KeyValueTable, TableCapacityMode } = BLOCK_MODULES.keyValueTable();
      const block = new KeyValueTable(scope, plan.name, {
        billing: provisioned ? TableCapacityMode.PROVISIONED : TableCapacityMode.ON_DEMAND,
        readCapacity: provisioned ? plan.readCapacityUnits : undefined,
        writeCapacity: provisioned ? plan.writeCapacityUnits : undefined,
        pointInTimeRecovery: plan.pointInTimeRecovery,
        removalPolicy,
        deletionProtection: r.deletionProtection,
      });
      observability._addAlarms(storeAlarms(plan), { table: block.table });
      output('table', block.table.tableName, `DynamoDB table of the '${plan.name}' store`);
      return { plan, block };
    }
    case DataStoreTechnology.AURORA_POSTGRESQL_SERVERLESS_V2: {
      const net = needVpc();
      const { RelationalDatabase } = BLOCK_MODULES.relationalDatabase();
      const block = new RelationalDatabase(scope, plan.name, {
        vpc: net.vpc,
        vpcSubnets: net.privateSubnets,
        minCapacity: plan.minAcu,
        maxCapacity: plan.maxAcu,
        readers: plan.replicas,
        backupRetentionDays: plan.backupRetentionDays,
        logRetention: logRetention(r.logRetentionDays),
        removalPolicy,
        deletionProtection: r.deletionProtection,
      });
      observability._addAlarms(storeAlarms(plan), { database: block.cluster });
      output('databaseEndpoint', block.endpoint, `Aurora writer endpoint of the '${plan.name}' store (PostgreSQL)`);
      if (block.secret) output('databaseSecretArn', block.secret.secretArn, `Secrets Manager secret with the '${plan.name}' database credentials`);
      return { plan, block };
    }
    case DataStoreTechnology.S3: {
      const block = new (BLOCK_MODULES.objectStore().ObjectStore)(scope, plan.name, { versioned: plan.versioned, removalPolicy });
      if (plan.replicated) block.addReplica(replicaKey?.());
      output('bucket', block.bucket.bucketName, `S3 bucket of the '${plan.name}' store`);
      return { plan, block };
    }
    case DataStoreTechnology.SQS_STANDARD: {
      const visibilityTimeout = Duration.seconds(plan.visibilityTimeoutSeconds);
      const block = new (BLOCK_MODULES.messageQueue().MessageQueue)(scope, plan.name, { removalPolicy, visibilityTimeout });
      observability._addAlarms(storeAlarms(plan), { queue: block.queue, deadLetterQueue: block.deadLetterQueue });
      output('queueUrl', block.queue.queueUrl, `SQS queue URL of the '${plan.name}' store`);
      return { plan, block };
    }
    case DataStoreTechnology.ELASTICACHE_REDIS: {
      const net = needVpc();
      const { CacheCluster, CacheAuthentication } = BLOCK_MODULES.cacheCluster();
      const iam = plan.cacheAuthentication === CacheAuthenticationRequirement.IAM;
      const block = new CacheCluster(scope, plan.name, {
        vpc: net.vpc,
        vpcSubnets: net.privateSubnets,
        nodeType: plan.cacheNodeType,
        replicasPerNodeGroup: plan.replicas,
        snapshotRetentionLimit: plan.backupRetentionDays,
        removalPolicy,
        authentication: iam ? CacheAuthentication.IAM : CacheAuthentication.NETWORK_ONLY,
        networkOnlyReason: plan.cacheAuthenticationReason ? `The requirements turn cache authentication off: ${plan.cacheAuthenticationReason}` : undefined,
      });
      observability._addAlarms(storeAlarms(plan), { cacheReplicationGroupId: block.replicationGroupId });
      output('cacheEndpoint', block.endpointAddress, `ElastiCache primary endpoint of the '${plan.name}' store (TLS required)`);
      return { plan, block };
    }
  }
}
