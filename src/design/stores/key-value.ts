import { EnvironmentTier } from '../../requirements';
import { keyValueStoreAlarms } from '../alarms';
import { decisionIn } from '../decision';
import { DataStorePlan, DataStoreTechnology, DecisionArea } from '../model';
import { onPath, SLA } from '../slas';
import { baseStorePlan, StoreDesigner, storeEntry } from './designer';

/** Sustained rates (per second) below which provisioned DynamoDB capacity is not worth the throttling risk. */
const PROVISIONED_MIN_RATE = 10;

export const keyValueDesigner: StoreDesigner = {
  design(s, { resilience: r, complianceNames }) {
    const compliance = complianceNames.length > 0 ? complianceNames.join(', ') : undefined;
    const reads = s.readsPerSecond;
    const writes = s.writesPerSecond;
    const steady = reads !== undefined && writes !== undefined && r.environment !== EnvironmentTier.DEVELOPMENT
      && (reads >= PROVISIONED_MIN_RATE || writes >= PROVISIONED_MIN_RATE);
    const pitr = r.environment !== EnvironmentTier.DEVELOPMENT || r.rpoMinutes < 1440 || compliance !== undefined;
    const plan: DataStorePlan = {
      ...baseStorePlan(s),
      technology: steady ? DataStoreTechnology.DYNAMODB_PROVISIONED : DataStoreTechnology.DYNAMODB_ON_DEMAND,
      // Target tracking keeps utilisation near 70%, so provision the sustained rate / 0.7.
      readCapacityUnits: steady ? Math.max(1, Math.ceil(reads! / 0.7)) : 0,
      writeCapacityUnits: steady ? Math.max(1, Math.ceil(writes! / 0.7)) : 0,
      pointInTimeRecovery: pitr,
      backupRetentionDays: pitr ? 35 : 0,
    };
    const rates = reads === undefined || writes === undefined ? 'no sustained read and write rates were given' : `sustained ${reads} reads/s and ${writes} writes/s`;
    const recovery = `RPO ${r.rpoMinutes} min, RTO ${r.rtoMinutes} min`;
    return {
      plan,
      decision: decisionIn(DecisionArea.DATA, s.name, steady
        ? `DynamoDB, provisioned capacity ${plan.readCapacityUnits} RCU / ${plan.writeCapacityUnits} WCU with autoscaling at 70%`
        : 'DynamoDB, on-demand capacity',
      `key-value store of ${plan.storageGb} GB; ${rates}: ${steady ? 'steady load costs about 2.4x less on provisioned capacity than on-demand' : 'on-demand follows demand with no capacity to manage'}; `
        + `point-in-time recovery ${pitr ? `on (restores to any second of the last 35 days, meeting ${recovery}${compliance ? `; ${compliance} requires it in every tier` : ''})` : 'off: a development table with a 24 h RPO'}`,
      [
        steady ? { option: 'DynamoDB on-demand', whyNot: 'about 2.4x the price for steady load' } : { option: 'DynamoDB provisioned', whyNot: 'needs known, steady rates to be cheaper' },
        { option: 'Aurora', whyNot: 'key-value access needs no relational engine' },
      ]),
    };
  },
  usage(plan, t) {
    const provisioned = plan.technology === DataStoreTechnology.DYNAMODB_PROVISIONED;
    return [storeEntry(plan.name, 'Table', {
      storageGb: plan.storageGb,
      ...(provisioned ? {} : { monthlyReadRequestUnits: t.reads, monthlyWriteRequestUnits: t.writes }),
    }, `${plan.storageGb} GB stored; ${provisioned ? 'provisioned capacity' : t.source}`)];
  },
  bill: (plan) => [{
    scope: 'Data',
    block: plan.name,
    path: 'Table',
    type: 'AWS::DynamoDB::Table',
    properties: plan.readCapacityUnits
      ? { ProvisionedThroughput: { ReadCapacityUnits: plan.readCapacityUnits, WriteCapacityUnits: plan.writeCapacityUnits } } : { BillingMode: 'PAY_PER_REQUEST' },
  }],
  sla: () => [onPath(SLA.dynamoDb)],
  alarms: keyValueStoreAlarms,
};
