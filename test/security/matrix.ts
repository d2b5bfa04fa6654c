import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { ApplicationStack } from '../../src/app';
import {
  ApplicationRequirements, ComplianceFramework, DataStoreKind, EnvironmentTier, RuntimePreference, ServiceRequirements, WorkloadType,
} from '../../src/requirements';
import { ComplianceEvaluation } from '../../src/security';

/** Every workload archetype, each with the store kinds it can use: reached over AWS APIs, and inside the VPC. */
export const ARCHETYPES: Array<{ label: string; service: ServiceRequirements; kinds: DataStoreKind[] }> = [];
const WORKLOADS: Array<[string, ServiceRequirements]> = [
  ['HTTP_API on Lambda', { name: 'svc', workload: WorkloadType.HTTP_API }],
  ['HTTP_API on Fargate', { name: 'svc', workload: WorkloadType.HTTP_API, runtime: RuntimePreference.CONTAINER }],
  ['WEB_SERVICE', { name: 'svc', workload: WorkloadType.WEB_SERVICE }],
  ['QUEUE_WORKER', { name: 'svc', workload: WorkloadType.QUEUE_WORKER }],
  ['SCHEDULED_JOB', { name: 'svc', workload: WorkloadType.SCHEDULED_JOB }],
];
for (const [label, service] of WORKLOADS) {
  ARCHETYPES.push({ label: `${label} + key-value, object storage, queue`, service, kinds: [DataStoreKind.KEY_VALUE, DataStoreKind.OBJECT_STORAGE, DataStoreKind.QUEUE] });
  ARCHETYPES.push({ label: `${label} + relational, cache`, service, kinds: [DataStoreKind.RELATIONAL, DataStoreKind.CACHE] });
}
ARCHETYPES.push({ label: 'STATIC_SITE', service: { name: 'svc', workload: WorkloadType.STATIC_SITE }, kinds: [] });
// Issue 11's kinds (added by H3): a backend on functions and on containers, a WebSocket API.
for (const [label, service] of [
  ['BACKEND_SERVICE on Lambda', { name: 'svc', workload: WorkloadType.BACKEND_SERVICE, runtime: RuntimePreference.FUNCTION }],
  ['BACKEND_SERVICE on Fargate', { name: 'svc', workload: WorkloadType.BACKEND_SERVICE, runtime: RuntimePreference.CONTAINER }],
  ['WEBSOCKET_API', { name: 'svc', workload: WorkloadType.WEBSOCKET_API }],
] as Array<[string, ServiceRequirements]>) {
  ARCHETYPES.push({ label: `${label} + key-value, object storage, queue`, service, kinds: [DataStoreKind.KEY_VALUE, DataStoreKind.OBJECT_STORAGE, DataStoreKind.QUEUE] });
  ARCHETYPES.push({ label: `${label} + relational, cache`, service, kinds: [DataStoreKind.RELATIONAL, DataStoreKind.CACHE] });
}

/** The 8 combinations of the three frameworks. */
export const FRAMEWORK_COMBINATIONS: ComplianceFramework[][] = [[], [ComplianceFramework.HIPAA], [ComplianceFramework.PCI_DSS_321],
  [ComplianceFramework.NIST_800_53_R5], [ComplianceFramework.HIPAA, ComplianceFramework.PCI_DSS_321],
  [ComplianceFramework.HIPAA, ComplianceFramework.NIST_800_53_R5], [ComplianceFramework.PCI_DSS_321, ComplianceFramework.NIST_800_53_R5],
  [ComplianceFramework.HIPAA, ComplianceFramework.PCI_DSS_321, ComplianceFramework.NIST_800_53_R5]];

export function requirementsFor(archetype: typeof ARCHETYPES[number], tier: EnvironmentTier,
  compliance: ComplianceFramework[]): ApplicationRequirements {
  const stores = archetype.kinds.map((kind) => ({ name: kind.replace(/[^a-z]/g, ''), kind }));
  // A production load balancer under HIPAA or PCI DSS must serve HTTPS on the application's own domain.
  const needsDomain = tier === EnvironmentTier.PRODUCTION
    && compliance.some((c) => c === ComplianceFramework.HIPAA || c === ComplianceFramework.PCI_DSS_321);
  return {
    name: 'app',
    environment: tier,
    compliance,
    services: [{ ...archetype.service, dataStores: stores.map((s) => s.name) }],
    dataStores: stores,
    ...(needsDomain ? { domain: { zoneName: 'example.com', hostedZoneId: 'Z0123456789EXAMPLE', ...siteCertificate(archetype.service) } } : {}),
  };
}

/**
 * These stacks are environment-agnostic, where a static site on the domain needs an existing
 * us-east-1 certificate (the library can make one only for a stack with a region).
 */
function siteCertificate(service: ServiceRequirements): { certificateArn?: string } {
  return service.workload === WorkloadType.STATIC_SITE
    ? { certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555' } : {};
}

/** Synthesizes every archetype for one tier and framework set in one app; returns each stack's evaluation. */
export function evaluateArchetypes(tier: EnvironmentTier,
  compliance: ComplianceFramework[]): Array<{ label: string; evaluation: ComplianceEvaluation }> {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cie-matrix-'));
  const app = new App({ outdir });
  const stacks = ARCHETYPES.map((a, i) => ({
    label: a.label,
    stack: new ApplicationStack(app, `Archetype${i}`, { requirements: requirementsFor(a, tier, compliance), designReport: false }),
  }));
  app.synth();
  fs.rmSync(outdir, { recursive: true, force: true });
  return stacks.map(({ label, stack }) => ({ label, evaluation: stack.security!.lastEvaluation! }));
}

const PACK_OF: Record<ComplianceFramework, string> = {
  [ComplianceFramework.HIPAA]: 'HIPAA.Security',
  [ComplianceFramework.PCI_DSS_321]: 'PCI.DSS.321',
  [ComplianceFramework.NIST_800_53_R5]: 'NIST.800.53.R5',
};

/** No framework and all three: every framework-driven choice off, then on. */
const EXTREMES = [FRAMEWORK_COMBINATIONS[0], FRAMEWORK_COMBINATIONS[FRAMEWORK_COMBINATIONS.length - 1]];

/**
 * Every archetype in one tier, under each of the 8 framework combinations: zero
 * unacknowledged findings from every pack, every pack at 100%, acknowledged rules counted
 * apart, each acknowledgement with its reason. With `extremesUnlessLong`, the default run takes
 * no framework and all three (each synthesis of 17 archetypes takes seconds here); LONG_TESTS=1
 * (`npx projen test:long`) runs all 8. Production always runs all 8, and
 * test/design-archetypes-compliance.test.ts runs every tier x 8 for the newer kinds.
 */
export function describeComplianceMatrix(tier: EnvironmentTier, options: { extremesUnlessLong?: boolean } = {}): void {
  const combinations = options.extremesUnlessLong && process.env.LONG_TESTS !== '1' ? EXTREMES : FRAMEWORK_COMBINATIONS;
  const cases = combinations.map((c) => [c.join(' + ') || 'no framework', c] as const);
  describe(`${ARCHETYPES.length} archetypes in ${tier} x ${combinations.length} framework combinations`, () => {
    // CDK prints every validation report; these pass, so keep the test output readable.
    beforeAll(() => jest.spyOn(console, 'error').mockImplementation(() => undefined));
    afterAll(() => jest.restoreAllMocks());

    test.each(cases)('%s: no unacknowledged finding, every pack at 100%%', (_name, frameworks) => {
      for (const { label, evaluation } of evaluateArchetypes(tier, frameworks)) {
        expect({ label, findings: evaluation.findings.map((f) => `${f.ruleId} at ${f.resourcePath}`) }).toEqual({ label, findings: [] });
        const names = evaluation.frameworks.map((f) => f.name);
        expect(names).toEqual(expect.arrayContaining(['AwsSolutions', ...frameworks.map((f) => PACK_OF[f]), 'CdkInfraEngineer']));
        for (const score of evaluation.frameworks) {
          expect({ label, pack: score.name, percent: score.compliancePercent, failed: score.rulesFailed })
            .toEqual({ label, pack: score.name, percent: 100, failed: 0 });
          expect(score.rulesPassed + score.rulesAcknowledged).toBe(score.rulesEvaluated);
        }
        for (const ack of evaluation.acknowledgements) expect(ack.reason.split(' ').length).toBeGreaterThan(8);
      }
      expect(process.exitCode ?? 0).toBe(0);
    });
  });
}
