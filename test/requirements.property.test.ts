import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import * as fc from 'fast-check';
import { ApplicationStack } from '../src/app';
import { InfrastructureDesign } from '../src/design';
import { Requirements } from '../src/requirements';
import { brokenDeployRules } from './support/invariants';
import { RequirementsValidationError } from '../src/requirements/problem';

// Requirement objects from a space that mixes valid values with near misses and garbage,
// so that both the accepted and the rejected paths are exercised thousands of times.
const storeNames = ['orders', 'jobs', 'db', 'cache', 'files', 'Bad_Name'];
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 2 });
const number = fc.oneof(
  fc.integer({ min: -5, max: 2_000_000 }),
  fc.double({ min: -10, max: 1e9, noNaN: false }),
  fc.constantFrom(0, 0.5, 1, 50, 99.9, 99.99, 1e13),
);
const sometimesWrong = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 12, arbitrary: arb }, { weight: 1, arbitrary: fc.anything() });

const traffic = fc.record(
  { monthlyRequests: maybe(number), peakRequestsPerSecond: maybe(number), averageResponseSizeKb: maybe(number) },
  { requiredKeys: [] },
);
const service = fc.record({
  name: fc.constantFrom('api', 'web', 'worker', 'job', 'site', 'api', 'Bad'),
  workload: fc.constantFrom('http-api', 'web-service', 'queue-worker', 'scheduled-job', 'static-site', 'lambda'),
  runtime: maybe(fc.constantFrom('auto', 'function', 'container', 'vm')),
  containerImage: maybe(fc.constantFrom('public.ecr.aws/nginx/nginx:stable', '')),
  codePath: maybe(fc.constantFrom(__dirname, './missing-folder')),
  schedule: maybe(fc.constantFrom('rate(1 hour)', 'cron(0 3 * * ? *)', 'hourly')),
  traffic: maybe(sometimesWrong(traffic)),
  dataStores: maybe(fc.subarray(storeNames)),
  readOnlyDataStores: maybe(fc.subarray(storeNames, { maxLength: 2 })),
  consumesQueue: maybe(fc.constantFrom('jobs', 'orders')),
}, { requiredKeys: ['name', 'workload'] });
const dataStore = fc.record({
  name: fc.constantFrom(...storeNames),
  kind: fc.constantFrom('key-value', 'relational', 'object-storage', 'queue', 'cache', 'graph'),
  storageGb: maybe(number),
  readsPerSecond: maybe(number),
  writesPerSecond: maybe(number),
}, { requiredKeys: ['name', 'kind'] });
const requirements = fc.record({
  name: fc.oneof(fc.constantFrom('shop', 'a', 'my-app-2'), fc.string({ maxLength: 25 })),
  environment: fc.constantFrom('development', 'staging', 'production', 'prod'),
  services: sometimesWrong(fc.array(sometimesWrong(service), { minLength: 0, maxLength: 4 })),
  dataStores: maybe(sometimesWrong(fc.uniqueArray(dataStore, { maxLength: 5, selector: (s) => s.name }))),
  availability: maybe(fc.record({ targetPercent: maybe(number), rpoMinutes: maybe(number), rtoMinutes: maybe(number) }, { requiredKeys: [] })),
  compliance: maybe(fc.subarray(['hipaa', 'pci-dss-3.2.1', 'nist-800-53-r5', 'sox'])),
  budget: maybe(fc.record({ monthlyUsd: maybe(number), enforcement: maybe(fc.constantFrom('warn', 'fail-synth', 'block')) }, { requiredKeys: [] })),
  tags: maybe(fc.dictionary(fc.constantFrom('owner', 'team', 'aws:x'), fc.oneof(fc.string({ maxLength: 5 }), fc.integer()))),
  domainName: maybe(fc.constantFrom('shop.example.com', 'not a domain')),
}, { requiredKeys: ['name', 'environment', 'services'] });

// Valid by construction: stores referenced are declared, runtimes fit workloads, traffic is consistent.
const validStores = fc.uniqueArray(fc.record({
  name: fc.constantFrom('orders', 'jobs', 'db', 'cache', 'files', 'events'),
  kind: fc.constantFrom('key-value', 'relational', 'object-storage', 'queue', 'cache'),
  storageGb: maybe(fc.integer({ min: 0, max: 100 })),
  readsPerSecond: maybe(fc.integer({ min: 0, max: 5000 })),
  writesPerSecond: maybe(fc.integer({ min: 0, max: 2000 })),
}, { requiredKeys: ['name', 'kind'] }), { maxLength: 4, selector: (s) => s.name });
const validRequirements = validStores.chain((stores) => {
  const names = stores.map((s) => s.name);
  const validService = fc.record({
    workload: fc.constantFrom('http-api', 'web-service', 'queue-worker', 'scheduled-job', 'static-site'),
    preferred: fc.constantFrom('auto', 'function', 'container'),
    uses: fc.subarray(names),
    peak: fc.integer({ min: 1, max: 3000 }),
    share: fc.double({ min: 0, max: 1, noNaN: true }),
  }).map(({ workload, preferred, uses, peak, share }) => {
    const runtime = workload === 'static-site' || ((workload === 'queue-worker' || workload === 'scheduled-job') && preferred === 'container') ? 'auto' : preferred;
    const queues = uses.filter((n) => stores.find((s) => s.name === n)!.kind === 'queue');
    return {
      workload,
      runtime,
      dataStores: workload === 'static-site' ? [] : uses,
      consumesQueue: workload === 'queue-worker' && queues.length > 1 ? queues[0] : undefined,
      traffic: { peakRequestsPerSecond: peak, monthlyRequests: Math.floor(share * peak * 730 * 3600) },
    };
  });
  return fc.record({
    environment: fc.constantFrom('development', 'staging', 'production'),
    services: fc.array(validService, { minLength: 1, maxLength: 4 }),
    compliance: fc.subarray(['hipaa', 'pci-dss-3.2.1', 'nist-800-53-r5']),
    rto: maybe(fc.integer({ min: 1, max: 1440 })),
  }).map(({ environment, services, compliance, rto }) => ({
    name: 'app',
    environment,
    services: services.map((s, i) => ({ name: `svc-${i}`, ...s })),
    dataStores: stores,
    compliance,
    availability: rto === undefined ? undefined : { rtoMinutes: rto },
  }));
});
const anyInput = fc.oneof(
  { weight: 10, arbitrary: validRequirements },
  { weight: 8, arbitrary: requirements },
  { weight: 1, arbitrary: fc.anything() },
);

/** Synthesizing costs ~0.1 s per accepted object; raise with PROPERTY_STACK_RUNS for a deeper local run. */
const STACK_RUNS = Number(process.env.PROPERTY_STACK_RUNS ?? 600);

/** The only acceptable failure: a validation error whose every problem names a field. */
function expectFieldError(e: unknown): void {
  expect(e).toBeInstanceOf(RequirementsValidationError);
  const problems = (e as RequirementsValidationError).problems;
  expect(problems.length).toBeGreaterThan(0);
  for (const p of problems) {
    expect(p.path).toMatch(/^requirements(\.|\[|$)/);
    expect((e as Error).message).toContain(`${p.path} ${p.message}`);
  }
}

describe('any requirements object either builds or is rejected naming a field', () => {
  test('design: 5,000 generated objects', () => {
    let accepted = 0;
    fc.assert(fc.property(anyInput, (input) => {
      const problems = Requirements.findProblems(input as any);
      try {
        InfrastructureDesign.fromRequirements(input as any);
      } catch (e) {
        expectFieldError(e);
        expect(problems.length).toBeGreaterThan(0);
        return;
      }
      expect(problems).toEqual([]);
      accepted++;
    }), { numRuns: 5000, seed: 20261127 });
    // The generator must reach the accepted path often enough to mean something.
    expect(accepted).toBeGreaterThan(2000);
  });

  test(`full stack: ${STACK_RUNS} generated objects synthesize (template and report) or are rejected`, () => {
    const outRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'cie-prop-'));
    let synthesized = 0;
    let run = 0;
    fc.assert(fc.property(anyInput, (input) => {
      const app = new App({ outdir: path.join(outRoot, String(run++)) });
      let stack: ApplicationStack;
      try {
        stack = new ApplicationStack(app, 'Prop', { requirements: input as any });
      } catch (e) {
        expectFieldError(e);
        return;
      }
      const assembly = app.synth();
      const template = assembly.getStackArtifact(stack.artifactId).template;
      expect(brokenDeployRules(template, stack.design)).toEqual([]);
      // The rule packs pass for any valid requirements: no unacknowledged security finding.
      expect(stack.security!.lastEvaluation!.findings.map((f) => `${f.ruleId} at ${f.resourcePath}`)).toEqual([]);
      expect(fs.existsSync(path.join(assembly.directory, 'Prop.design-report.json'))).toBe(true);
      fs.rmSync(assembly.directory, { recursive: true, force: true });
      synthesized++;
    }), { numRuns: STACK_RUNS, seed: 42 });
    expect(synthesized).toBeGreaterThan(STACK_RUNS / 3);
  });
});
