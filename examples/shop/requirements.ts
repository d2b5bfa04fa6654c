// The shop's requirements: one object that the example stack and the benchmark share.
import {
  ApplicationRequirements, BudgetEnforcement, ComplianceFramework, DataStoreKind, EnvironmentTier, WorkloadType,
} from '../../src';

export const shopRequirements: ApplicationRequirements = {
  name: 'shop',
  environment: EnvironmentTier.PRODUCTION,
  tags: { 'owner': 'platform-team', 'cost-center': 'shop' },
  services: [
    {
      name: 'api',
      workload: WorkloadType.HTTP_API,
      dataStores: ['orders', 'jobs', 'catalog'],
      traffic: { monthlyRequests: 50_000_000, peakRequestsPerSecond: 300, averageResponseSizeKb: 4 },
    },
    { name: 'fulfil', workload: WorkloadType.QUEUE_WORKER, dataStores: ['orders', 'jobs'] },
    { name: 'nightly-report', workload: WorkloadType.SCHEDULED_JOB, schedule: 'cron(0 3 * * ? *)', readOnlyDataStores: ['orders'], dataStores: ['reports'] },
    { name: 'storefront', workload: WorkloadType.STATIC_SITE, traffic: { monthlyRequests: 5_000_000, peakRequestsPerSecond: 100 } },
  ],
  dataStores: [
    { name: 'orders', kind: DataStoreKind.KEY_VALUE, storageGb: 40 },
    { name: 'catalog', kind: DataStoreKind.RELATIONAL, storageGb: 20, readsPerSecond: 200, writesPerSecond: 5 },
    { name: 'jobs', kind: DataStoreKind.QUEUE },
    { name: 'reports', kind: DataStoreKind.OBJECT_STORAGE, storageGb: 100 },
  ],
  availability: { targetPercent: 99.85, rpoMinutes: 5, rtoMinutes: 60 },
  compliance: [ComplianceFramework.HIPAA],
  budget: { monthlyUsd: 800, enforcement: BudgetEnforcement.FAIL_SYNTH },
};
