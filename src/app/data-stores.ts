import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import {
  CacheCluster, IDataStoreBlock, KeyValueTable, MessageQueue, NetworkBlock, ObjectStore, Observability,
  RelationalDatabase, TableCapacityMode,
} from '../blocks';
import { logRetention } from './retention';
import { DataStorePlan, DataStoreTechnology, ResiliencePlan } from '../design/model';

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
  observability: Observability, replicaKey?: () => kms.IKey | undefined): BuiltDataStore {
  const removalPolicy = r.retainOnDelete ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
  const needVpc = () => {
    if (!network) throw new Error(`Data store '${plan.name}' needs a VPC but the design has none (design bug)`);
    return network;
  };
  switch (plan.technology) {
    case DataStoreTechnology.DYNAMODB_ON_DEMAND:
    case DataStoreTechnology.DYNAMODB_PROVISIONED: {
      const provisioned = plan.technology === DataStoreTechnology.DYNAMODB_PROVISIONED;
      const block = new KeyValueTable(scope, plan.name, {
        billing: provisioned ? TableCapacityMode.PROVISIONED : TableCapacityMode.ON_DEMAND,
        readCapacity: provisioned ? plan.readCapacityUnits : undefined,
        writeCapacity: provisioned ? plan.writeCapacityUnits : undefined,
        pointInTimeRecovery: plan.pointInTimeRecovery,
        removalPolicy,
        deletionProtection: r.deletionProtection,
      });
      observability.monitorTable(plan.name, block.table);
      return { plan, block };
    }
    case DataStoreTechnology.AURORA_POSTGRESQL_SERVERLESS_V2: {
      const net = needVpc();
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
      observability.monitorDatabase(plan.name, block.cluster, plan.maxAcu);
      return { plan, block };
    }
    case DataStoreTechnology.S3: {
      const block = new ObjectStore(scope, plan.name, { versioned: plan.versioned, removalPolicy });
      if (plan.replicated) block.addReplica(replicaKey?.());
      return { plan, block };
    }
    case DataStoreTechnology.SQS_STANDARD: {
      const block = new MessageQueue(scope, plan.name, { removalPolicy, visibilityTimeout: Duration.seconds(plan.visibilityTimeoutSeconds) });
      observability.monitorQueue(plan.name, block.queue, block.deadLetterQueue);
      return { plan, block };
    }
    case DataStoreTechnology.ELASTICACHE_REDIS: {
      const net = needVpc();
      const block = new CacheCluster(scope, plan.name, {
        vpc: net.vpc,
        vpcSubnets: net.privateSubnets,
        nodeType: plan.cacheNodeType,
        replicasPerNodeGroup: plan.replicas,
        snapshotRetentionLimit: plan.backupRetentionDays,
        removalPolicy,
      });
      observability.monitorCache(plan.name, block.replicationGroupId, block.nodeCount);
      return { plan, block };
    }
  }
}
