import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { ApplicationStack } from '../src/app';
import {
  ApplicationRequirements, ComplianceFramework, DataStoreKind, EnvironmentTier, RuntimePreference, WorkloadType,
} from '../src/requirements';
import { FRAMEWORK_COMBINATIONS } from './security/matrix';

/** The kinds issue 11 adds, with services calling each other, in one application. */
function callsApp(tier: EnvironmentTier, compliance: ComplianceFramework[]): ApplicationRequirements {
  return {
    name: 'calls',
    environment: tier,
    compliance,
    services: [
      { name: 'worker', workload: WorkloadType.QUEUE_WORKER, calls: ['pricing', 'ledger'], dataStores: ['work'] },
      { name: 'pricing', workload: WorkloadType.BACKEND_SERVICE, runtime: RuntimePreference.CONTAINER, dataStores: ['db'] },
      { name: 'ledger', workload: WorkloadType.BACKEND_SERVICE, runtime: RuntimePreference.FUNCTION, dataStores: ['entries'] },
      { name: 'live', workload: WorkloadType.WEBSOCKET_API, calls: ['ledger', 'pricing'] },
    ],
    dataStores: [{ name: 'entries', kind: DataStoreKind.KEY_VALUE }, { name: 'db', kind: DataStoreKind.RELATIONAL }, { name: 'work', kind: DataStoreKind.QUEUE }],
  };
}

const TIERS = [EnvironmentTier.DEVELOPMENT, EnvironmentTier.STAGING, EnvironmentTier.PRODUCTION];

// Each kind alone is in the security matrix (test/security/matrix.ts ARCHETYPES); here they call each other.
describe('BACKEND_SERVICE and WEBSOCKET_API calling each other, at zero unacknowledged findings', () => {
  beforeAll(() => jest.spyOn(console, 'error').mockImplementation(() => undefined));
  afterAll(() => jest.restoreAllMocks());
  const cases = TIERS.flatMap((tier) => FRAMEWORK_COMBINATIONS.map((c) => [tier, c.join(' + ') || 'no framework', c] as const));
  test.each(cases)('%s, %s', (tier, _name, compliance) => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cie-kinds-'));
    const app = new App({ outdir });
    const stacks = [{ label: 'calls', stack: new ApplicationStack(app, 'Calls', { requirements: callsApp(tier, compliance), designReport: false }) }];
    app.synth();
    fs.rmSync(outdir, { recursive: true, force: true });
    for (const { label, stack } of stacks) {
      const evaluation = stack.security!.lastEvaluation!;
      expect({ label, findings: evaluation.findings.map((f) => `${f.ruleId} at ${f.resourcePath}`) }).toEqual({ label, findings: [] });
    }
  });
});
