import { shopRequirements } from '../examples/shop/requirements';
import { requestOverrides } from '../src/app/usage-wiring';
import { InfrastructureDesign } from '../src/design';
import { priceBill } from '../src/design/bill';
import { STORE_DESIGNERS } from '../src/design/stores';
import { averageLcu } from '../src/design/workloads/compute-shapes';
import { UsageEntry } from '../src/design/workloads/designer';
import { availabilityFixes, compositeAvailability } from '../src/reliability';
import {
  ApplicationRequirements, BudgetEnforcement, ComplianceFramework, DataStoreKind, EnvironmentTier, RuntimePreference, WorkloadType,
} from '../src/requirements';

/** The README's example. */
const readme: ApplicationRequirements = {
  name: 'shop',
  environment: EnvironmentTier.PRODUCTION,
  domain: { zoneName: 'example.com', hostedZoneId: 'Z0123456789ABCDEFGHIJ' },
  services: [
    { name: 'api', workload: WorkloadType.HTTP_API, dataStores: ['orders', 'jobs'], traffic: { monthlyRequests: 50_000_000, peakRequestsPerSecond: 300 } },
    { name: 'fulfil', workload: WorkloadType.QUEUE_WORKER, dataStores: ['orders', 'jobs'] },
  ],
  dataStores: [{ name: 'orders', kind: DataStoreKind.KEY_VALUE, storageGb: 40 }, { name: 'jobs', kind: DataStoreKind.QUEUE }],
  availability: { targetPercent: 99.95, rpoMinutes: 5 },
  compliance: [ComplianceFramework.HIPAA],
  budget: { monthlyUsd: 800, enforcement: BudgetEnforcement.FAIL_SYNTH },
};

/** A typical SaaS shape: a web service on containers, a relational store, a cache, a 500 GB bucket, a queue worker, two jobs. */
const saas = (uploads: Partial<{ monthlyPutRequests: number; monthlyGetRequests: number }> = {}): ApplicationRequirements => ({
  name: 'saas',
  environment: EnvironmentTier.PRODUCTION,
  domain: { zoneName: 'example.com', hostedZoneId: 'Z0123456789ABCDEFGHIJ' },
  availability: { targetPercent: 99.9 },
  compliance: [ComplianceFramework.HIPAA],
  services: [
    { name: 'web', workload: WorkloadType.WEB_SERVICE, dataStores: ['db', 'sessions', 'uploads', 'tasks'], traffic: { monthlyRequests: 30_000_000, peakRequestsPerSecond: 200, averageResponseSizeKb: 20 } },
    { name: 'tasks-worker', workload: WorkloadType.QUEUE_WORKER, dataStores: ['db', 'tasks', 'uploads'] },
    { name: 'cleanup', workload: WorkloadType.SCHEDULED_JOB, schedule: 'rate(5 minutes)', dataStores: ['db'] },
    { name: 'digest', workload: WorkloadType.SCHEDULED_JOB, schedule: 'cron(0 6 * * ? *)', readOnlyDataStores: ['uploads'] },
  ],
  dataStores: [
    { name: 'db', kind: DataStoreKind.RELATIONAL, storageGb: 50 },
    { name: 'sessions', kind: DataStoreKind.CACHE, storageGb: 1 },
    { name: 'uploads', kind: DataStoreKind.OBJECT_STORAGE, storageGb: 500, ...uploads },
    { name: 'tasks', kind: DataStoreKind.QUEUE },
  ],
});

const usageOf = (d: InfrastructureDesign, block: string, path: string): UsageEntry['usage'] =>
  d._usageEntries().find((u) => u.block === block && u.path === path)!.usage;

describe('usage from one model: the README example', () => {
  const d = InfrastructureDesign.fromRequirements(readme);

  test('the worker runs at its producers\' rate, and its queue carries the same messages', () => {
    expect(usageOf(d, 'fulfil', 'Function').monthlyRequests).toBe(50_000_000);
    expect(usageOf(d, 'jobs', 'Queue').monthlyRequests).toBe(3 * 50_000_000);
  });

  test('the table is read by every user and written by every writer, once per request or message', () => {
    expect(usageOf(d, 'orders', 'Table')).toEqual({ storageGb: 40, monthlyReadRequestUnits: 100_000_000, monthlyWriteRequestUnits: 100_000_000 });
  });

  test('responses out follow the requests: 50M x 10 KB', () => {
    expect(usageOf(d, 'api', 'HttpApi')).toEqual({ monthlyRequests: 50_000_000, monthlyDataTransferOutGb: 476.84 });
  });

  test('a user override of the API\'s requests flows to its data transfer, its queue, its worker and its table', () => {
    const overridden = InfrastructureDesign.fromRequirements(readme, { monthlyRequests: requestOverrides('Shop', ['api', 'fulfil'], { 'Shop/Services/api': { monthlyRequests: 100_000_000 } }) });
    expect(usageOf(overridden, 'api', 'HttpApi')).toEqual({ monthlyRequests: 100_000_000, monthlyDataTransferOutGb: 953.67 });
    expect(usageOf(overridden, 'fulfil', 'Function').monthlyRequests).toBe(100_000_000);
    expect(usageOf(overridden, 'jobs', 'Queue').monthlyRequests).toBe(300_000_000);
    expect(usageOf(overridden, 'orders', 'Table').monthlyWriteRequestUnits).toBe(200_000_000);
  });
});

describe('usage from one model: a SaaS shape', () => {
  const d = InfrastructureDesign.fromRequirements(saas());

  test('the web ACL inspects the traffic of the load balancer it fronts', () => {
    expect(usageOf(d, 'web-waf', 'WebAcl').monthlyRequests).toBe(30_000_000);
  });

  test('ALB capacity units are the largest dimension: 30M requests of 20 KB process 0.8 GB an hour, more than 11 new connections/s need', () => {
    // 30M x 21 KB / 1024^2 = 600.8 GB a month / 730 h = 0.82 GB/h (1 LCU each); 11.4 connections/s / 25 = 0.46 LCU.
    expect(usageOf(d, 'web', 'Service/LB').averageLcu).toBe(0.82);
    expect(averageLcu(30_000_000, 0)).toBeCloseTo(30_000_000 / (730 * 3600) / 25, 4);
  });

  test('schedules give their runs from the expression, in the usage and in the decision alike', () => {
    expect(usageOf(d, 'cleanup', 'Function').monthlyRequests).toBe(8760);
    expect(usageOf(d, 'digest', 'Schedule').monthlyRequests).toBe(30.4);
    const decision = d.decisions.find((x) => x.subject === 'digest' && x.area === 'compute')!;
    expect(decision.rationale).toContain("runs on 'cron(0 6 * * ? *)', 30.4 times a month");
    expect(d.decisions.find((x) => x.subject === 'cleanup' && x.area === 'compute')!.rationale).toContain('8,760 times a month');
  });

  test('the 500 GB bucket gets the documented request shares, not a PUT and a GET per request; its replica no reads', () => {
    // PUTs: 1% of web's 30M and of the worker's 30M messages; GETs: 10% of both, plus the daily digest's 30.4 runs.
    expect(usageOf(d, 'uploads', 'Bucket')).toEqual({ storageGb: 500, monthlyPutRequests: 600_000, monthlyGetRequests: 6_000_030 });
    expect(usageOf(d, 'uploads', 'Replica')).toEqual({ storageGb: 500, monthlyPutRequests: 600_000, monthlyGetRequests: 0 });
  });

  test('whole-design pricing prices the replica in S3 Standard-IA, as the template does', () => {
    const plan = d.dataStores.find((s) => s.name === 'uploads')!;
    const designer = STORE_DESIGNERS[plan.kind];
    const usage = designer.usage(plan, { puts: 600_000, gets: 0, source: 'test' } as any);
    const withReplica = priceBill(designer.bill(plan), usage);
    const sourceOnly = priceBill(designer.bill({ ...plan, replicated: false }), usage.filter((u) => u.path !== 'Replica'));
    // 500 GB at $0.0125 and 600,000 PUTs at $0.01 per 1,000: $12.25 (S3 Standard would be $14.50).
    expect(withReplica - sourceOnly).toBeCloseTo(500 * 0.0125 + 600 * 0.01, 2);
  });

  test('declared object rates win', () => {
    const declared = InfrastructureDesign.fromRequirements(saas({ monthlyPutRequests: 200_000, monthlyGetRequests: 2_000_000 }));
    expect(usageOf(declared, 'uploads', 'Bucket')).toMatchObject({ monthlyPutRequests: 200_000, monthlyGetRequests: 2_000_000 });
  });

  test('the worker consumes its queue at the web service\'s rate', () => {
    expect(usageOf(d, 'tasks-worker', 'Function').monthlyRequests).toBe(30_000_000);
    expect(usageOf(d, 'tasks', 'Queue').monthlyRequests).toBe(90_000_000);
  });
});

describe('open runtimes: the cheaper whole design, and pins', () => {
  const mixed = (runtime?: RuntimePreference): ApplicationRequirements => ({
    name: 'mixed',
    environment: EnvironmentTier.DEVELOPMENT,
    services: [
      { name: 'api', workload: WorkloadType.HTTP_API, runtime, dataStores: ['db'], traffic: { monthlyRequests: 20_000_000, peakRequestsPerSecond: 150 } },
      { name: 'admin', workload: WorkloadType.WEB_SERVICE, dataStores: ['db'] },
    ],
    dataStores: [{ name: 'db', kind: DataStoreKind.RELATIONAL }],
  });

  test('deployed applications keep the earlier rule, and the design says what the cheaper design would save', () => {
    const d = InfrastructureDesign.fromRequirements(mixed());
    expect(d.service('api').runtime).toBe('lambda');
    expect(d.pinNotices).toEqual([expect.stringMatching(/^api: ECS Fargate would be \$\d+\.\d\d a month less than AWS Lambda: set the context 'cdk-infra-engineer:chooseCheapestRuntime'/)]);
    expect(d.pins).toEqual(expect.arrayContaining([{ subject: 'api', key: 'runtime:api', value: 'lambda' }]));
  });

  test('with the cheapest design chosen, AUTO picks it and says so with the figures', () => {
    const d = InfrastructureDesign.fromRequirements(mixed(), { chooseCheapest: true });
    expect(d.service('api').runtime).toBe('fargate');
    const compute = d.decisions.find((x) => x.subject === 'api' && x.area === 'compute')!;
    expect(compute.rationale).toMatch(/^the cheapest whole design that meets the peak, .*: \$\d+\.\d\d a month more with AWS Lambda/);
    expect(compute.alternatives[0].estimatedMonthlyUsd! - compute.choiceEstimatedMonthlyUsd!).toBeGreaterThan(0);
  });

  test('a pin is kept over a cheaper design, with a notice; a requirement that rules it out wins', () => {
    const pinned = InfrastructureDesign.fromRequirements(mixed(), { chooseCheapest: true, pins: { api: 'lambda' } });
    expect(pinned.service('api').runtime).toBe('lambda');
    expect(pinned.pinNotices).toEqual([expect.stringMatching(/^api: ECS Fargate would now be \$\d+\.\d\d a month less than the pinned AWS Lambda: remove the pin 'runtime:api' to switch$/)]);
    const ruledOut = InfrastructureDesign.fromRequirements(mixed(RuntimePreference.CONTAINER), { pins: { api: 'lambda' } });
    expect(ruledOut.service('api').runtime).toBe('fargate');
  });

  test('is deterministic with the same pins', () => {
    expect(JSON.stringify(InfrastructureDesign.fromRequirements(mixed(), { pins: { api: 'fargate' } })))
      .toBe(JSON.stringify(InfrastructureDesign.fromRequirements(mixed(), { pins: { api: 'fargate' } })));
  });
});

describe('availability from the request path', () => {
  test('the SaaS shape at 99.9% meets its target: the bucket and the queue are not on the request path', () => {
    const d = InfrastructureDesign.fromRequirements(saas());
    const { composite, paths } = compositeAvailability(d);
    expect(composite).toBeGreaterThanOrEqual(99.9);
    const web = paths.find((p) => p.service === 'web')!;
    expect(web.components.filter((c) => !c.synchronous).map((c) => c.service)).toEqual(['AWS Secrets Manager', 'Amazon S3 Standard', 'Amazon SQS']);
  });

  test('the README example falls short of 99.95% on functions, and the fix names containers with their cost', () => {
    const d = InfrastructureDesign.fromRequirements(readme);
    expect(compositeAvailability(d).composite).toBe(99.89);
    const fixes = availabilityFixes(d, 99.95);
    expect(fixes[0]).toMatch(/^run 'api' on ECS Fargate \(runtime: RuntimePreference.CONTAINER\): its path would give 99\.97% for \$\d+\.\d\d a month more$/);
    expect(fixes[fixes.length - 1]).toBe('or set requirements.availability.targetPercent to 99.89, what the published SLAs give');
  });
});

describe('usage from one model: examples/shop', () => {
  const d = InfrastructureDesign.fromRequirements(shopRequirements);

  test('the worker runs at the API\'s rate and is sized for its peak', () => {
    expect(usageOf(d, 'fulfil', 'Function').monthlyRequests).toBe(50_000_000);
    expect(d.service('fulfil').reservedConcurrency).toBe(60); // 300/s x 100 ms x 2
  });

  test('the nightly report runs 30.4 times, and the reports bucket sees one PUT per run; its replica no GET', () => {
    expect(usageOf(d, 'nightly-report', 'Function').monthlyRequests).toBe(30.4);
    expect(usageOf(d, 'reports', 'Bucket')).toEqual({ storageGb: 100, monthlyPutRequests: 30, monthlyGetRequests: 30 });
    expect(usageOf(d, 'reports', 'Replica').monthlyGetRequests).toBe(0);
  });

  test('Aurora is sized from the declared query rate', () => {
    expect(usageOf(d, 'catalog', 'Cluster')).toEqual({ averageAcu: 0.82, storageGb: 20 });
  });
});
