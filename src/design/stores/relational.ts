import { EnvironmentTier } from '../../requirements';
import { relationalStoreAlarms } from '../alarms';
import { QUERIES_PER_ACU } from '../constants';
import { decisionIn } from '../decision';
import { DataStorePlan, DataStoreTechnology, DecisionArea } from '../model';
import { offPath, onPath, SLA } from '../slas';
import { baseStorePlan, StoreDesigner, storeEntry } from './designer';

export const relationalDesigner: StoreDesigner = {
  design(s, { resilience: r }) {
    const production = r.environment === EnvironmentTier.PRODUCTION;
    const qps = (s.readsPerSecond ?? 0) + (s.writesPerSecond ?? 0);
    const floor = production ? 4 : 2;
    const maxAcu = Math.min(128, Math.max(floor, nextPowerOfTwo(Math.ceil(qps / QUERIES_PER_ACU))));
    const replicas = production || r.rtoMinutes < 15 ? 1 : 0;
    const retention = production ? 14 : r.environment === EnvironmentTier.STAGING ? 7 : 1;
    const plan: DataStorePlan = {
      ...baseStorePlan(s),
      technology: DataStoreTechnology.AURORA_POSTGRESQL_SERVERLESS_V2,
      minAcu: 0.5,
      maxAcu,
      replicas,
      inVpc: true,
      pointInTimeRecovery: true,
      backupRetentionDays: retention,
    };
    return {
      plan,
      decision: decisionIn(DecisionArea.DATA, s.name, `Aurora PostgreSQL Serverless v2, 0.5-${maxAcu} ACU, ${replicas ? 'writer + 1 reader in another AZ' : 'writer only'}, credentials in Secrets Manager`,
        `relational store of ${plan.storageGb} GB, ${qps ? `${qps} queries/s` : 'no query rate given'} (assuming ${QUERIES_PER_ACU} queries/s per ACU); `
        + `${replicas ? `a reader in a second AZ fails over in about a minute, within the RTO of ${r.rtoMinutes} min` : `a single writer is rebuilt in about 10 minutes, acceptable for RTO ${r.rtoMinutes} min`}; `
        + `continuous backups restore to any second of the last ${retention} day(s), meeting RPO ${r.rpoMinutes} min`,
        [
          { option: 'RDS PostgreSQL instance', whyNot: 'fixed size: pays for the peak all month' },
          { option: 'Aurora provisioned instances', whyNot: 'fixed size; Serverless v2 scales with load' },
        ]),
    };
  },
  usage(plan, t) {
    const acu = Math.round(Math.min(plan.maxAcu, Math.max(plan.minAcu, t.queriesPerSecond / QUERIES_PER_ACU)) * 100) / 100;
    const qps = Math.round(t.queriesPerSecond * 100) / 100;
    // The cluster and its instances (writer, reader) each carry the figure, as the estimator prices ACUs per instance.
    return [storeEntry(plan.name, 'Cluster', { averageAcu: acu, storageGb: plan.storageGb },
      `${qps} queries/s at ${QUERIES_PER_ACU} per ACU: ${acu} ACU on average (range ${plan.minAcu}-${plan.maxAcu})`)];
  },
  bill: (plan) => [{
    scope: 'Data',
    block: plan.name,
    path: 'Cluster',
    type: 'AWS::RDS::DBCluster',
    properties: { Engine: 'aurora-postgresql', ServerlessV2ScalingConfiguration: { MinCapacity: plan.minAcu, MaxCapacity: plan.maxAcu } },
  }],
  // Credentials are read from Secrets Manager when a connection pool starts, not per request.
  sla: (plan) => [onPath(plan.replicas > 0 ? SLA.auroraMultiAz : SLA.auroraSingleAz), offPath(SLA.secretsManager)],
  alarms: relationalStoreAlarms,
};

function nextPowerOfTwo(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}
