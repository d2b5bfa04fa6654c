import {
  ApplicationRequirements, BudgetEnforcement, ComplianceFramework, DataStoreKind, EnvironmentTier, Requirements,
  RuntimePreference, WorkloadType,
} from '../src/requirements';
import { RequirementsValidationError } from '../src/requirements/problem';
import { validateRequirements } from '../src/requirements/validate';

const valid: ApplicationRequirements = {
  name: 'shop',
  environment: EnvironmentTier.PRODUCTION,
  services: [
    { name: 'api', workload: WorkloadType.HTTP_API, dataStores: ['orders'], traffic: { monthlyRequests: 1000, peakRequestsPerSecond: 5 } },
    { name: 'worker', workload: WorkloadType.QUEUE_WORKER, dataStores: ['jobs'] },
  ],
  dataStores: [
    { name: 'orders', kind: DataStoreKind.KEY_VALUE, storageGb: 10 },
    { name: 'jobs', kind: DataStoreKind.QUEUE },
    { name: 'more-jobs', kind: DataStoreKind.QUEUE },
    { name: 'cache', kind: DataStoreKind.CACHE, storageGb: 1 },
  ],
  availability: { targetPercent: 99.9, rpoMinutes: 5, rtoMinutes: 30 },
  compliance: [ComplianceFramework.HIPAA],
  budget: { monthlyUsd: 100, enforcement: BudgetEnforcement.WARN },
  tags: { owner: 'team' },
  domainName: 'shop.example.com',
};

/** Returns a copy of `valid` with `mutate` applied to a deep clone. */
function withChange(mutate: (r: any) => void): unknown {
  const copy = JSON.parse(JSON.stringify(valid));
  mutate(copy);
  return copy;
}

describe('Requirements validation', () => {
  test('a complete, valid requirements object has no problems', () => {
    expect(Requirements.findProblems(valid)).toEqual([]);
    expect(() => Requirements.validate(valid)).not.toThrow();
  });

  test.each<[string, (r: any) => void, string, string]>([
    ['name uppercase', (r) => { r.name = 'Shop'; }, 'requirements.name', "got 'Shop'"],
    ['name too long', (r) => { r.name = 'a'.repeat(21); }, 'requirements.name', '1-20 lowercase'],
    ['name trailing hyphen', (r) => { r.name = 'shop-'; }, 'requirements.name', 'with single hyphens between letters or digits'],
    ['name missing', (r) => { delete r.name; }, 'requirements.name', 'got nothing'],
    ['environment unknown', (r) => { r.environment = 'prod'; }, 'requirements.environment', "EnvironmentTier.PRODUCTION ('production'), got 'prod'"],
    ['services missing', (r) => { delete r.services; }, 'requirements.services', 'at least one service'],
    ['services empty', (r) => { r.services = []; }, 'requirements.services', 'at least one service'],
    ['service not object', (r) => { r.services[0] = 42; }, 'requirements.services[0]', 'got 42'],
    ['service name invalid', (r) => { r.services[0].name = '1api'; }, 'requirements.services[0].name', 'starting with a letter'],
    ['service names duplicate', (r) => { r.services[1].name = 'api'; }, 'requirements.services[1].name', "'api' is used twice; service names must be unique"],
    ['service names differing only in hyphens', (r) => { r.services[0].name = 'a1'; r.services[1].name = 'a-1'; }, 'requirements.services[1].name', "'a-1' differs from 'a1' only in hyphens"],
    ['name with a double hyphen', (r) => { r.services[0].name = 'a--b'; }, 'requirements.services[0].name', 'single hyphens'],
    ['workload unknown', (r) => { r.services[0].workload = 'lambda'; }, 'requirements.services[0].workload', 'WorkloadType.HTTP_API'],
    ['runtime unknown', (r) => { r.services[0].runtime = 'vm'; }, 'requirements.services[0].runtime', 'RuntimePreference.AUTO'],
    ['static site with a runtime', (r) => { r.services[0] = { name: 'web', workload: 'static-site', runtime: 'function' }; }, 'requirements.services[0].runtime', 'must be RuntimePreference.AUTO for WorkloadType.STATIC_SITE'],
    ['scheduled job in a container', (r) => { r.services[0] = { name: 'job', workload: 'scheduled-job', runtime: 'container' }; }, 'requirements.services[0].runtime', 'SCHEDULED_JOB (container jobs are not supported yet)'],
    ['queue worker in a container', (r) => { r.services[1].runtime = 'container'; }, 'requirements.services[1].runtime', 'QUEUE_WORKER (container workers'],
    ['empty container image', (r) => { r.services[0].containerImage = ' '; }, 'requirements.services[0].containerImage', 'must be an image reference'],
    ['container image on a function', (r) => { r.services[0].runtime = 'function'; r.services[0].containerImage = 'nginx'; }, 'requirements.services[0].containerImage', 'cannot be used with RuntimePreference.FUNCTION'],
    ['code path on a container', (r) => { r.services[0].runtime = 'container'; r.services[0].codePath = './src'; }, 'requirements.services[0].codePath', 'give containerImage instead'],
    ['code path empty', (r) => { r.services[0].codePath = ''; }, 'requirements.services[0].codePath', 'must be a folder path'],
    ['code path missing', (r) => { r.services[0].codePath = './no/such/folder'; }, 'requirements.services[0].codePath', 'must be an existing folder (relative to'],
    ['handler malformed', (r) => { r.services[0].handler = 'handler'; }, 'requirements.services[0].handler', "must look like 'file.export'"],
    ['schedule on an API', (r) => { r.services[0].schedule = 'rate(1 hour)'; }, 'requirements.services[0].schedule', 'applies only to WorkloadType.SCHEDULED_JOB'],
    ['schedule malformed', (r) => { r.services[0] = { name: 'job', workload: 'scheduled-job', schedule: 'every hour' }; }, 'requirements.services[0].schedule', "got 'every hour'"],
    ['schedule rate of zero', (r) => { r.services[0] = { name: 'job', workload: 'scheduled-job', schedule: 'rate(0 minutes)' }; }, 'requirements.services[0].schedule', "got 'rate(0 minutes)'"],
    ['schedule rate of 1 with a plural unit', (r) => { r.services[0] = { name: 'job', workload: 'scheduled-job', schedule: 'rate(1 minutes)' }; }, 'requirements.services[0].schedule', "got 'rate(1 minutes)'"],
    ['cron without a ? day field', (r) => { r.services[0] = { name: 'job', workload: 'scheduled-job', schedule: 'cron(a b c d e f)' }; }, 'requirements.services[0].schedule', "with '?' in day-of-month or day-of-week"],
    ['traffic not an object', (r) => { r.services[0].traffic = 5; }, 'requirements.services[0].traffic', 'must be an object'],
    ['monthly requests negative', (r) => { r.services[0].traffic.monthlyRequests = -1; }, 'requirements.services[0].traffic.monthlyRequests', 'must be a number >= 0'],
    ['peak not positive', (r) => { r.services[0].traffic.peakRequestsPerSecond = -5; }, 'requirements.services[0].traffic.peakRequestsPerSecond', 'must be a number > 0 and <= 1000000, got -5'],
    ['peak not a number', (r) => { r.services[0].traffic.peakRequestsPerSecond = '5'; }, 'requirements.services[0].traffic.peakRequestsPerSecond', "got '5'"],
    ['peak NaN', (r) => { r.services[0].traffic.peakRequestsPerSecond = NaN; }, 'requirements.services[0].traffic.peakRequestsPerSecond', 'got NaN'],
    ['response size negative', (r) => { r.services[0].traffic.averageResponseSizeKb = -1; }, 'requirements.services[0].traffic.averageResponseSizeKb', '>= 0'],
    ['monthly requests above what the peak allows', (r) => { r.services[0].traffic = { monthlyRequests: 3_000_000, peakRequestsPerSecond: 1 }; }, 'requirements.services[0].traffic.monthlyRequests', 'at most 2628000 in a 730-hour month'],
    ['data stores not a list', (r) => { r.dataStores = {}; }, 'requirements.dataStores', 'must be a list of data stores'],
    ['data store not an object', (r) => { r.dataStores[0] = 'orders'; }, 'requirements.dataStores[0]', 'must be an object with name and kind'],
    ['data store name invalid', (r) => { r.dataStores[3].name = 'my_cache'; }, 'requirements.dataStores[3].name', "got 'my_cache'"],
    ['data store declared twice', (r) => { r.dataStores[1].name = 'orders'; }, 'requirements.dataStores[1].name', "'orders' is used twice; data store names must be unique"],
    ['data store kind unknown', (r) => { r.dataStores[0].kind = 'mongo'; }, 'requirements.dataStores[0].kind', 'DataStoreKind.KEY_VALUE'],
    ['negative size', (r) => { r.dataStores[0].storageGb = -1; }, 'requirements.dataStores[0].storageGb', 'must be a number >= 0'],
    ['cache too large', (r) => { r.dataStores[3].storageGb = 500; }, 'requirements.dataStores[3].storageGb', '<= 79'],
    ['negative reads', (r) => { r.dataStores[0].readsPerSecond = -3; }, 'requirements.dataStores[0].readsPerSecond', 'got -3'],
    ['negative writes', (r) => { r.dataStores[0].writesPerSecond = -3; }, 'requirements.dataStores[0].writesPerSecond', 'got -3'],
    ['service data stores not a list', (r) => { r.services[0].dataStores = 'orders'; }, 'requirements.services[0].dataStores', 'must be a list of names'],
    ['service data store not a string', (r) => { r.services[0].dataStores = [1]; }, 'requirements.services[0].dataStores[0]', 'must be a name'],
    ['service data store listed twice', (r) => { r.services[0].dataStores = ['orders', 'orders']; }, 'requirements.services[0].dataStores[1]', "lists 'orders' twice"],
    ['undeclared data store', (r) => { r.services[0].dataStores = ['payments']; }, 'requirements.services[0].dataStores[0]', "names 'payments', which is not a declared data store (declared: 'orders', 'jobs', 'more-jobs', 'cache')"],
    ['store both read-only and read-write', (r) => { r.services[0].readOnlyDataStores = ['orders']; }, 'requirements.services[0].readOnlyDataStores[0]', 'already grants read-write'],
    ['static website writing to a relational store', (r) => {
      r.dataStores.push({ name: 'db', kind: 'relational' });
      r.services.push({ name: 'web', workload: 'static-site', dataStores: ['db'] });
    }, 'requirements.services[2].dataStores', 'a static website has no server-side code'],
    ['consumesQueue on an API', (r) => { r.services[0].consumesQueue = 'jobs'; }, 'requirements.services[0].consumesQueue', 'applies only to WorkloadType.QUEUE_WORKER'],
    ['consumesQueue names a table', (r) => { r.services[1].consumesQueue = 'orders'; }, 'requirements.services[1].consumesQueue', "declared queues: 'jobs', 'more-jobs'"],
    ['worker with two queues and no consumesQueue', (r) => { r.services[1].dataStores = ['jobs', 'more-jobs']; }, 'requirements.services[1].consumesQueue', "is required: the worker lists 2 queues ('jobs', 'more-jobs')"],
    ['availability not an object', (r) => { r.availability = 99.9; }, 'requirements.availability', 'must be an object'],
    ['target out of range', (r) => { r.availability.targetPercent = 100; }, 'requirements.availability.targetPercent', '>= 90 and <= 99.999, got 100'],
    ['negative RPO', (r) => { r.availability.rpoMinutes = -1; }, 'requirements.availability.rpoMinutes', 'got -1'],
    ['negative RTO', (r) => { r.availability.rtoMinutes = -1; }, 'requirements.availability.rtoMinutes', 'got -1'],
    ['four nines in development', (r) => { r.environment = 'development'; r.availability.targetPercent = 99.99; }, 'requirements.availability.targetPercent', 'contradicts EnvironmentTier.DEVELOPMENT'],
    ['compliance not a list', (r) => { r.compliance = 'hipaa'; }, 'requirements.compliance', 'must be a list of ComplianceFramework values'],
    ['compliance unknown', (r) => { r.compliance = ['sox']; }, 'requirements.compliance[0]', 'ComplianceFramework.PCI_DSS_321'],
    ['compliance duplicate', (r) => { r.compliance = ['hipaa', 'hipaa']; }, 'requirements.compliance[1]', "lists 'hipaa' twice"],
    ['budget not an object', (r) => { r.budget = 100; }, 'requirements.budget', 'must be an object with monthlyUsd'],
    ['budget without amount', (r) => { r.budget = {}; }, 'requirements.budget.monthlyUsd', 'is required'],
    ['budget zero', (r) => { r.budget.monthlyUsd = 0; }, 'requirements.budget.monthlyUsd', 'must be a number > 0, got 0'],
    ['budget enforcement unknown', (r) => { r.budget.enforcement = 'block'; }, 'requirements.budget.enforcement', 'BudgetEnforcement.FAIL_SYNTH'],
    ['tags not an object', (r) => { r.tags = ['a']; }, 'requirements.tags', 'got an array'],
    ['reserved tag key', (r) => { r.tags = { 'aws:owner': 'x' }; }, "requirements.tags['aws:owner']", "not starting with 'aws:'"],
    ['tag value not a string', (r) => { r.tags = { owner: 3 }; }, "requirements.tags['owner']", 'must be a value of at most 256'],
    ['tag key with characters AWS rejects', (r) => { r.tags = { 'team#1': 'x' }; }, "requirements.tags['team#1']", 'must be a key of 1-128 letters'],
    ['key-value reads above the table quota', (r) => { r.dataStores[0].readsPerSecond = 1e9; }, 'requirements.dataStores[0].readsPerSecond', '<= 40000'],
    ['container image malformed', (r) => { r.services[0].runtime = 'container'; r.services[0].containerImage = 'not a valid image!!'; }, 'requirements.services[0].containerImage', 'must be an image reference'],
    ['container port on a function', (r) => { r.services[0].containerPort = 8080; }, 'requirements.services[0].containerPort', 'applies only to container services'],
    ['container port out of range', (r) => { r.services[0].runtime = 'container'; r.services[0].containerPort = 70000; }, 'requirements.services[0].containerPort', 'from 1 to 65535, got 70000'],
    ['health check path without a slash', (r) => { r.services[0].runtime = 'container'; r.services[0].healthCheckPath = 'health'; }, 'requirements.services[0].healthCheckPath', "starting with '/'"],
    ['read-only relational store', (r) => { r.dataStores.push({ name: 'db', kind: 'relational' }); r.services[0].readOnlyDataStores = ['db']; }, 'requirements.services[0].readOnlyDataStores[0]', 'cannot be enforced with IAM'],
    ['domain name invalid', (r) => { r.domainName = 'https://shop.example.com'; }, 'requirements.domainName', 'must be a lowercase domain name'],
  ])('%s', (_name, mutate, path, message) => {
    const problems = Requirements.findProblems(withChange(mutate) as ApplicationRequirements);
    expect(problems).toContainEqual({ path, message: expect.stringContaining(message) });
  });

  test.each([null, undefined, 'shop', 42, []])('a non-object (%p) is one problem at the root', (input) => {
    expect(Requirements.findProblems(input as any)).toEqual([
      { path: 'requirements', message: expect.stringContaining('must be an object with name, environment and services') },
    ]);
  });

  test('every problem is reported at once, each with its path', () => {
    const input = withChange((r) => {
      r.name = 'Bad Name';
      r.services[0].traffic.peakRequestsPerSecond = -5;
      r.dataStores[0].storageGb = -1;
      r.budget.monthlyUsd = -10;
    });
    let error: unknown;
    try {
      validateRequirements(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RequirementsValidationError);
    const e = error as RequirementsValidationError;
    expect(e.problems.map((p) => p.path)).toEqual([
      'requirements.name',
      'requirements.dataStores[0].storageGb',
      'requirements.services[0].traffic.peakRequestsPerSecond',
      'requirements.budget.monthlyUsd',
    ]);
    expect(e.message).toContain('Invalid application requirements (4 problems)');
    expect(e.message).toContain('requirements.services[0].traffic.peakRequestsPerSecond must be a number > 0 and <= 1000000, got -5');
  });

  test('accepted schedules', () => {
    for (const schedule of ['rate(1 hour)', 'rate(5 minutes)', 'rate(12 days)', 'cron(0 3 * * ? *)', 'cron(0/15 8-17 ? * MON-FRI *)', 'at(2027-01-01T00:00:00)']) {
      const r = withChange((x) => { x.services[0] = { name: 'job', workload: WorkloadType.SCHEDULED_JOB, schedule }; });
      expect(Requirements.findProblems(r as ApplicationRequirements)).toEqual([]);
    }
  });

  test('a worker with one queue needs no consumesQueue; runtime preferences that fit are accepted', () => {
    const r = withChange((x) => {
      x.services.push({ name: 'web', workload: WorkloadType.WEB_SERVICE, runtime: RuntimePreference.FUNCTION, codePath: __dirname });
      x.services.push({ name: 'site', workload: WorkloadType.STATIC_SITE, codePath: __dirname });
      x.services.push({
        name: 'app', workload: WorkloadType.HTTP_API, runtime: RuntimePreference.CONTAINER, containerImage: 'public.ecr.aws/nginx/nginx:1', containerPort: 8080, healthCheckPath: '/health',
      });
      x.services.push({ name: 'web2', workload: WorkloadType.WEB_SERVICE, containerImage: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/web@sha256:' + 'a'.repeat(64) });
      // Container services in a HIPAA production stack serve HTTPS on a domain.
      x.domain = { zoneName: 'example.com', hostedZoneId: 'Z0123456789ABCDEFGHIJ' };
    });
    expect(Requirements.findProblems(r as ApplicationRequirements)).toEqual([]);
  });
});
