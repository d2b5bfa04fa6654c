// The applications whose templates an upgrade of the library must not disturb: the examples,
// every workload archetype with the store kinds it can use in every tier (with and without
// compliance frameworks), and a mixed application.
import {
  ApplicationRequirements, BudgetEnforcement, ComplianceFramework, DataStoreKind, EnvironmentTier, RuntimePreference, ServiceRequirements,
  WorkloadType,
} from '../../src/requirements';

/** The shop example as the last release shipped it (the example itself may change since). */
const RELEASED_SHOP: ApplicationRequirements = {
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
  availability: { targetPercent: 99.95, rpoMinutes: 5, rtoMinutes: 60 },
  compliance: [ComplianceFramework.HIPAA],
  budget: { monthlyUsd: 800, enforcement: BudgetEnforcement.FAIL_SYNTH },
};

const WORKLOADS: Array<[string, ServiceRequirements]> = [
  ['http-api-lambda', { name: 'svc', workload: WorkloadType.HTTP_API }],
  ['http-api-fargate', { name: 'svc', workload: WorkloadType.HTTP_API, runtime: RuntimePreference.CONTAINER }],
  ['web-service', { name: 'svc', workload: WorkloadType.WEB_SERVICE }],
  ['queue-worker', { name: 'svc', workload: WorkloadType.QUEUE_WORKER }],
  ['scheduled-job', { name: 'svc', workload: WorkloadType.SCHEDULED_JOB }],
];
const STORE_SETS: Array<[string, DataStoreKind[]]> = [
  ['kv-s3-queue', [DataStoreKind.KEY_VALUE, DataStoreKind.OBJECT_STORAGE, DataStoreKind.QUEUE]],
  ['rds-cache', [DataStoreKind.RELATIONAL, DataStoreKind.CACHE]],
];
const TIERS = [EnvironmentTier.DEVELOPMENT, EnvironmentTier.STAGING, EnvironmentTier.PRODUCTION];
const ALL_FRAMEWORKS = [ComplianceFramework.HIPAA, ComplianceFramework.PCI_DSS_321, ComplianceFramework.NIST_800_53_R5];

/** Case name (a file name) to requirements. */
export function upgradeCases(): Array<[string, ApplicationRequirements]> {
  const cases: Array<[string, ApplicationRequirements]> = [['shop', RELEASED_SHOP]];
  for (const [label, service] of WORKLOADS) {
    for (const [storeLabel, kinds] of STORE_SETS) {
      for (const tier of TIERS) {
        for (const compliance of [[], ALL_FRAMEWORKS]) {
          const stores = kinds.map((kind) => ({ name: kind.replace(/[^a-z]/g, ''), kind }));
          // Since issue 12, a PCI DSS or HIPAA production load balancer needs a domain (HTTPS):
          // upgrading such an application means adding one, which moves nothing stateful.
          const needsDomain = tier === EnvironmentTier.PRODUCTION && compliance.length > 0 && label !== 'queue-worker'
            && label !== 'scheduled-job' && label !== 'http-api-lambda';
          cases.push([`${label}.${storeLabel}.${tier}${compliance.length ? '.all-frameworks' : ''}`, {
            name: 'app',
            environment: tier,
            compliance,
            ...(needsDomain ? { domain: { zoneName: 'example.com', hostedZoneId: 'Z0123456789ABCDEFGHIJ' } } : {}),
            services: [{ ...service, dataStores: stores.map((s) => s.name) }],
            dataStores: stores,
          }]);
        }
      }
    }
  }
  for (const tier of TIERS) cases.push([`static-site.${tier}`, { name: 'app', environment: tier, services: [{ name: 'svc', workload: WorkloadType.STATIC_SITE }] }]);
  for (const tier of TIERS) {
    cases.push([`mixed.${tier}`, {
      name: 'mixed',
      environment: tier,
      services: [
        { name: 'api', workload: WorkloadType.HTTP_API, dataStores: ['db', 'work'], traffic: { monthlyRequests: 20_000_000, peakRequestsPerSecond: 150 } },
        { name: 'worker', workload: WorkloadType.QUEUE_WORKER, dataStores: ['db', 'work'] },
        { name: 'nightly', workload: WorkloadType.SCHEDULED_JOB, dataStores: ['db'], schedule: 'cron(0 2 * * ? *)' },
        { name: 'web', workload: WorkloadType.STATIC_SITE },
        { name: 'admin', workload: WorkloadType.WEB_SERVICE, dataStores: ['db', 'cache'] },
      ],
      dataStores: [{ name: 'db', kind: DataStoreKind.RELATIONAL, storageGb: 30 }, { name: 'work', kind: DataStoreKind.QUEUE },
        { name: 'cache', kind: DataStoreKind.CACHE, storageGb: 2 }],
    }]);
  }
  return cases;
}
