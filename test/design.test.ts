import {
  ComputeRuntime, DataStoreTechnology, DecisionArea, InfrastructureDesign, NatStrategy,
} from '../src/design';
import {
  ApplicationRequirements, ComplianceFramework, DataStoreKind, EnvironmentTier, RuntimePreference, ServiceRequirements, WorkloadType,
} from '../src/requirements';

function design(services: ServiceRequirements[], extra: Partial<ApplicationRequirements> = {}): InfrastructureDesign {
  return InfrastructureDesign.fromRequirements({ name: 'app', environment: EnvironmentTier.PRODUCTION, services, ...extra });
}

describe('compute decisions', () => {
  test('a low-traffic HTTP API runs on Lambda, throttled at 1.5x its peak, and the rationale names the figures', () => {
    const d = design([{ name: 'api', workload: WorkloadType.HTTP_API, traffic: { monthlyRequests: 50_000_000, peakRequestsPerSecond: 300 } }]);
    const api = d.service('api');
    expect(api.runtime).toBe(ComputeRuntime.LAMBDA);
    expect(api.throttleRatePerSecond).toBe(450);
    expect(api.throttleBurst).toBe(900);
    expect(api.inVpc).toBe(false);
    const decision = d.decisions.find((x) => x.area === DecisionArea.COMPUTE && x.subject === 'api')!;
    expect(decision.rationale).toContain('50,000,000 requests/month (average 19/s), peak 300/s');
    expect(decision.alternatives.map((a) => a.option)).toContain('ECS Fargate behind an Application Load Balancer');
  });

  test('an HTTP API averaging over 100 requests/s runs on Fargate sized from the traffic', () => {
    // 300M a month is 114/s on average; a peak of 1,000/s with 30% headroom needs 13 tasks of 100/s.
    const d = design([{ name: 'api', workload: WorkloadType.HTTP_API, traffic: { monthlyRequests: 300_000_000, peakRequestsPerSecond: 1000 } }]);
    const api = d.service('api');
    expect(api.runtime).toBe(ComputeRuntime.FARGATE);
    expect([api.minTasks, api.maxTasks, api.cpuUnits, api.memoryMiB]).toEqual([2, 13, 512, 1024]);
    expect(d.decisions.find((x) => x.subject === 'api' && x.area === DecisionArea.COMPUTE)!.rationale)
      .toContain('the rule earlier releases applied (containers from an average of 100 requests/s)');
  });

  test('a web service runs on Fargate with WAF in production and none in development, smaller in development', () => {
    const prod = design([{ name: 'web', workload: WorkloadType.WEB_SERVICE }]).service('web');
    expect(prod.runtime).toBe(ComputeRuntime.FARGATE);
    expect(prod.webApplicationFirewall).toBe(true);
    expect(prod.minTasks).toBe(2);
    const dev = design([{ name: 'web', workload: WorkloadType.WEB_SERVICE }], { environment: EnvironmentTier.DEVELOPMENT }).service('web');
    expect(dev.webApplicationFirewall).toBe(false);
    expect([dev.minTasks, dev.cpuUnits, dev.memoryMiB]).toEqual([1, 256, 512]);
    expect(dev.usesPlaceholder).toBe(true);
  });

  test('runtime preference wins over the workload default', () => {
    const d = design([
      { name: 'web', workload: WorkloadType.WEB_SERVICE, runtime: RuntimePreference.FUNCTION },
      { name: 'api', workload: WorkloadType.HTTP_API, runtime: RuntimePreference.CONTAINER, containerImage: 'public.ecr.aws/x/y:1' },
    ]);
    expect(d.service('web').runtime).toBe(ComputeRuntime.LAMBDA);
    expect(d.service('api').runtime).toBe(ComputeRuntime.FARGATE);
    expect(d.service('api').usesPlaceholder).toBe(false);
  });

  test('queue workers consume their single queue, or get their own; scheduled jobs and static sites', () => {
    const d = design([
      { name: 'worker', workload: WorkloadType.QUEUE_WORKER, dataStores: ['jobs', 'orders'] },
      { name: 'solo', workload: WorkloadType.QUEUE_WORKER },
      { name: 'nightly', workload: WorkloadType.SCHEDULED_JOB },
      { name: 'site', workload: WorkloadType.STATIC_SITE },
    ], { dataStores: [{ name: 'jobs', kind: DataStoreKind.QUEUE }, { name: 'orders', kind: DataStoreKind.KEY_VALUE }] });
    expect(d.service('worker').consumesQueue).toBe('jobs');
    expect(d.service('solo').consumesQueue).toBeUndefined();
    expect(d.components.map((c) => c.name)).toContain('solo-queue');
    expect(d.service('nightly')).toMatchObject({ runtime: ComputeRuntime.LAMBDA, timeoutSeconds: 300, schedule: 'rate(1 hour)', publicEndpoint: false });
    expect(d.service('site')).toMatchObject({ runtime: ComputeRuntime.S3_CLOUDFRONT, publicEndpoint: true, usesPlaceholder: true });
  });
});

describe('data decisions', () => {
  const stores = (environment: EnvironmentTier, extra: Partial<ApplicationRequirements> = {}) => design([{ name: 'api', workload: WorkloadType.HTTP_API }], {
    environment,
    dataStores: [
      { name: 'steady', kind: DataStoreKind.KEY_VALUE, readsPerSecond: 70, writesPerSecond: 14 },
      { name: 'spiky', kind: DataStoreKind.KEY_VALUE },
      { name: 'db', kind: DataStoreKind.RELATIONAL, readsPerSecond: 1500, writesPerSecond: 500 },
      { name: 'small-cache', kind: DataStoreKind.CACHE, storageGb: 0.3 },
      { name: 'big-cache', kind: DataStoreKind.CACHE, storageGb: 2 },
      { name: 'files', kind: DataStoreKind.OBJECT_STORAGE },
    ],
    ...extra,
  });

  test('steady declared rates get provisioned DynamoDB at 70% target utilisation; unknown rates get on-demand', () => {
    const d = stores(EnvironmentTier.PRODUCTION);
    expect(d.dataStore('steady')).toMatchObject({ technology: DataStoreTechnology.DYNAMODB_PROVISIONED, readCapacityUnits: 100, writeCapacityUnits: 20, pointInTimeRecovery: true });
    expect(d.dataStore('spiky').technology).toBe(DataStoreTechnology.DYNAMODB_ON_DEMAND);
    expect(stores(EnvironmentTier.DEVELOPMENT).dataStore('steady').technology).toBe(DataStoreTechnology.DYNAMODB_ON_DEMAND);
  });

  test('Aurora is sized from queries per second, with a reader in production', () => {
    // 2,000 queries/s at 250 per ACU is 8 ACU.
    const prod = stores(EnvironmentTier.PRODUCTION).dataStore('db');
    expect(prod).toMatchObject({
      technology: DataStoreTechnology.AURORA_POSTGRESQL_SERVERLESS_V2, minAcu: 0.5, maxAcu: 8, replicas: 1, backupRetentionDays: 14, inVpc: true,
    });
    const dev = stores(EnvironmentTier.DEVELOPMENT).dataStore('db');
    expect([dev.replicas, dev.backupRetentionDays]).toEqual([0, 1]);
    const fastRecovery = stores(EnvironmentTier.STAGING, { availability: { rtoMinutes: 10 } }).dataStore('db');
    expect(fastRecovery.replicas).toBe(1);
  });

  test('cache nodes are the smallest that hold the data; replicas in production', () => {
    const d = stores(EnvironmentTier.PRODUCTION);
    expect(d.dataStore('small-cache')).toMatchObject({ cacheNodeType: 'cache.t4g.micro', replicas: 1 });
    expect(d.dataStore('big-cache').cacheNodeType).toBe('cache.t4g.medium');
    expect(stores(EnvironmentTier.STAGING).dataStore('small-cache').replicas).toBe(0);
  });

  test('buckets are versioned outside development', () => {
    expect(stores(EnvironmentTier.PRODUCTION).dataStore('files').versioned).toBe(true);
    expect(stores(EnvironmentTier.DEVELOPMENT).dataStore('files').versioned).toBe(false);
  });
});

describe('network and tier decisions', () => {
  test('a serverless application without VPC-bound stores or compliance gets no VPC', () => {
    const d = design([{ name: 'api', workload: WorkloadType.HTTP_API, dataStores: ['t'] }], { dataStores: [{ name: 't', kind: DataStoreKind.KEY_VALUE }] });
    expect(d.network.required).toBe(false);
    expect(d.decisions.find((x) => x.area === DecisionArea.NETWORK)!.choice).toBe('no VPC');
  });

  test('functions reaching Aurora go in the VPC with endpoints and no NAT', () => {
    const d = design([{ name: 'api', workload: WorkloadType.HTTP_API, dataStores: ['db', 'q'] }], {
      dataStores: [{ name: 'db', kind: DataStoreKind.RELATIONAL }, { name: 'q', kind: DataStoreKind.QUEUE }],
    });
    expect(d.service('api').inVpc).toBe(true);
    expect(d.network).toEqual({ required: true, maxAzs: 2, natStrategy: NatStrategy.VPC_ENDPOINTS_ONLY, natGateways: 0, interfaceEndpoints: ['secretsmanager', 'sqs'] });
  });

  test('compliance frameworks put functions in a VPC', () => {
    const d = design([{ name: 'api', workload: WorkloadType.HTTP_API }], { compliance: [ComplianceFramework.PCI_DSS_321], environment: EnvironmentTier.STAGING });
    expect(d.service('api').inVpc).toBe(true);
    expect(d.decisions.find((x) => x.subject === 'api' && x.area === DecisionArea.COMPUTE)!.rationale).toContain('PCI DSS 3.2.1 expects functions inside a VPC');
  });

  test('containers get a NAT gateway per AZ in production, one elsewhere; 99.99% gets three AZs', () => {
    const web: ServiceRequirements[] = [{ name: 'web', workload: WorkloadType.WEB_SERVICE }];
    expect(design(web).network).toMatchObject({ natStrategy: NatStrategy.NAT_GATEWAY_PER_AZ, natGateways: 2, maxAzs: 2 });
    expect(design(web, { availability: { targetPercent: 99.99 } }).network).toMatchObject({ natGateways: 3, maxAzs: 3 });
    expect(design(web, { environment: EnvironmentTier.STAGING }).network)
      .toMatchObject({ natStrategy: NatStrategy.SINGLE_NAT_GATEWAY, natGateways: 1 });
  });

  test('the tier decides retention and protection', () => {
    expect(design([{ name: 'a', workload: WorkloadType.HTTP_API }]).resilience).toMatchObject({ retainOnDelete: true, deletionProtection: true, logRetentionDays: 365, rpoMinutes: 60 });
    expect(design([{ name: 'a', workload: WorkloadType.HTTP_API }], { environment: EnvironmentTier.STAGING }).resilience).toMatchObject({ retainOnDelete: true, deletionProtection: false });
    expect(design([{ name: 'a', workload: WorkloadType.HTTP_API }], { environment: EnvironmentTier.DEVELOPMENT }).resilience).toMatchObject({ retainOnDelete: false, deletionProtection: false, logRetentionDays: 30 });
  });
});

describe('the design as a whole', () => {
  const req: ApplicationRequirements = {
    name: 'shop',
    environment: EnvironmentTier.PRODUCTION,
    services: [{ name: 'api', workload: WorkloadType.HTTP_API, dataStores: ['orders'] }, { name: 'web', workload: WorkloadType.WEB_SERVICE }],
    dataStores: [{ name: 'orders', kind: DataStoreKind.KEY_VALUE }],
  };

  test('a domain name is recorded as a decision that says what it does not do yet', () => {
    const d = InfrastructureDesign.fromRequirements({ ...req, domainName: 'shop.example.com' });
    expect(d.decisions.find((x) => x.area === DecisionArea.EDGE && x.subject === 'shop')!.choice)
      .toBe("domain 'shop.example.com' recorded; endpoints stay on AWS-provided names");
  });

  test('the budget is resolved with a warning as the default enforcement', () => {
    expect(InfrastructureDesign.fromRequirements(req).budget).toBeUndefined();
    expect(InfrastructureDesign.fromRequirements({ ...req, budget: { monthlyUsd: 300 } }).budget).toEqual({ monthlyUsd: 300, enforcement: 'warn' });
  });

  test('queues get a visibility timeout of six times their slowest consumer, at least 30 s', () => {
    const d = InfrastructureDesign.fromRequirements({
      ...req,
      services: [{ name: 'worker', workload: WorkloadType.QUEUE_WORKER, dataStores: ['jobs'] }, { name: 'api', workload: WorkloadType.HTTP_API, dataStores: ['events'] }],
      dataStores: [{ name: 'jobs', kind: DataStoreKind.QUEUE }, { name: 'events', kind: DataStoreKind.QUEUE }],
    });
    expect(d.dataStore('jobs').visibilityTimeoutSeconds).toBe(360); // the worker's 60 s timeout x 6
    expect(d.dataStore('events').visibilityTimeoutSeconds).toBe(30); // no consumer in the stack
  });

  test('is deterministic', () => {
    expect(JSON.stringify(InfrastructureDesign.fromRequirements(req))).toEqual(JSON.stringify(InfrastructureDesign.fromRequirements(req)));
  });

  test('records every area with a rationale and alternatives', () => {
    const d = InfrastructureDesign.fromRequirements(req);
    expect(new Set(d.decisions.map((x) => x.area))).toEqual(new Set(Object.values(DecisionArea)));
    for (const x of d.decisions) {
      expect(x.rationale.length).toBeGreaterThan(20);
      expect(x.alternatives.length).toBeGreaterThan(0);
    }
  });

  test('rejects invalid requirements with the validation error', () => {
    expect(() => InfrastructureDesign.fromRequirements({ ...req, services: [] })).toThrow(/requirements.services must be a list of at least one service/);
  });

  test('looking up an unknown plan names what exists', () => {
    const d = InfrastructureDesign.fromRequirements(req);
    expect(() => d.service('nope')).toThrow("No service named 'nope' in the design (services: api, web)");
    expect(() => d.dataStore('nope')).toThrow("No data store named 'nope' in the design (data stores: orders)");
  });
});
