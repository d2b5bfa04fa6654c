import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack, Stage } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { ApplicationStack, CostReport } from '../src/app';
import { BudgetValidationPlugin } from '../src/app/cost-wiring';
import { ResourceUsage } from '../src/cost';
import {
  ApplicationRequirements, BudgetEnforcement, ComplianceFramework, DataStoreKind, EnvironmentTier, RuntimePreference, WorkloadType,
} from '../src/requirements';

const requirements = (budget?: ApplicationRequirements['budget']): ApplicationRequirements => ({
  name: 'shop',
  environment: EnvironmentTier.DEVELOPMENT,
  services: [
    { name: 'api', workload: WorkloadType.HTTP_API, dataStores: ['orders', 'jobs'], traffic: { monthlyRequests: 3_000_000, peakRequestsPerSecond: 20, averageResponseSizeKb: 8 } },
    { name: 'worker', workload: WorkloadType.QUEUE_WORKER, dataStores: ['jobs'] },
  ],
  dataStores: [{ name: 'orders', kind: DataStoreKind.KEY_VALUE, storageGb: 30 }, { name: 'jobs', kind: DataStoreKind.QUEUE }],
  budget,
});

function synth(req: ApplicationRequirements, usage?: { [key: string]: ResourceUsage }) {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cie-cost-'));
  const app = new App({ outdir });
  const stack = new ApplicationStack(app, 'Shop', { requirements: req, usage });
  // The gate prints warnings on stderr and throws one error when a check fails synth.
  const printed: string[] = [];
  const quiet = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: any) => { printed.push(String(chunk)); return true; });
  let failure: Error | undefined;
  let assembly;
  try {
    assembly = app.synth();
  } catch (e) {
    // Only the gate's verdict is a result here; any other error is the test's failure.
    if ((e as Error).name !== 'SynthCheckError') throw e;
    failure = e as Error;
  } finally {
    quiet.mockRestore();
  }
  const report = JSON.parse(fs.readFileSync(path.join(outdir, 'Shop.design-report.json'), 'utf8'));
  // What the gate said: the failure's message, or the warnings it printed.
  const validation = failure ? failure.message : printed.join('\n');
  return { app, stack, assembly, report, validation, failedSynth: failure !== undefined, printed };
}

const resource = (report: any, prefix: string) => report.resources.find((r: any) => r.logicalId.startsWith(prefix));

describe('cost at synth, from the requirements', () => {
  const { report, stack } = synth(requirements());

  test('the report carries the estimate: total, catalog date, free tier, statuses', () => {
    expect(report.pricingCatalogDate).toBe('2026-10-06');
    expect(report.monthlyCost.expected).toBeGreaterThan(0);
    expect(report.monthlyCost.low).toBeLessThanOrEqual(report.monthlyCost.expected);
    expect(report.monthlyCost.high).toBeGreaterThanOrEqual(report.monthlyCost.expected);
    const total = report.resources.reduce((sum: number, r: any) => sum + (r.monthlyCost?.expected ?? 0), 0);
    expect(total).toBeCloseTo(report.monthlyCost.expected, 2);
    for (const r of report.resources) expect(['priced', 'free', 'unpriced']).toContain(r.status);
    expect(report.costAssumptions.some((a: string) => a.startsWith('usage from the requirements:'))).toBe(true);
  });

  test('the API function is priced from the traffic: 3M requests, 100 ms at 512 MB on arm64', () => {
    // Requests 3 x $0.20 = $0.60; duration 3M x 0.1 s x 0.5 GB = 150,000 GB-s x $0.0000133334 = $2.00.
    const fn = resource(report, 'ServicesapiFunction');
    expect(fn.lineItems.map((l: any) => [l.quantity, l.unitPrice])).toEqual([[3, 0.2], [150_000, 0.0000133334]]);
    expect(fn.monthlyCost.expected).toBeCloseTo(2.6, 2);
  });

  test('the queue carries three calls per message the API sends; its dead-letter queue none', () => {
    const queue = resource(report, 'DatajobsQueue');
    expect(queue.lineItems[0].quantity).toBe(9); // 3M messages x 3 calls, in millions
    expect(resource(report, 'DatajobsDeadLetterQueue').monthlyCost.expected).toBe(0);
  });

  test('the table is priced from its size and one read and write per API request', () => {
    const table = resource(report, 'DataordersTable');
    const byUnit = Object.fromEntries(table.lineItems.map((l: any) => [l.description, l.quantity]));
    expect(Object.values(byUnit)).toEqual(expect.arrayContaining([3, 3, 30]));
  });

  test('user usage by construct path wins over the derived figures', () => {
    const custom = synth(requirements(), { 'Shop/Services/api': { monthlyRequests: 6_000_000 } });
    expect(resource(custom.report, 'ServicesapiFunction').lineItems[0].quantity).toBe(6);
    expect(stack.design.service('api').monthlyRequests).toBe(3_000_000);
  });

  test('a usage key that matches nothing is a clear error', () => {
    expect(() => synth(requirements(), { 'Shop/Services/nope': { monthlyRequests: 1 } }))
      .toThrow("usage key 'Shop/Services/nope' matches no resource");
  });
});

describe('budget guard', () => {
  test('within budget: no violation', () => {
    const { validation, failedSynth, report } = synth(requirements({ monthlyUsd: 10_000, enforcement: BudgetEnforcement.FAIL_SYNTH }));
    expect(failedSynth).toBe(false);
    expect(report.budget.withinBudget).toBe(true);
    expect(JSON.stringify(validation ?? {})).not.toContain('BudgetExceeded');
  });

  test('FAIL_SYNTH: an estimate over the budget fails synth naming budget, estimate and top three drivers', () => {
    const { validation, failedSynth, report, app } = synth(requirements({ monthlyUsd: 1, enforcement: BudgetEnforcement.FAIL_SYNTH }));
    expect(failedSynth).toBe(true);
    expect(report.budget.withinBudget).toBe(false);
    const text = JSON.stringify(validation);
    expect(text).toContain('BudgetExceeded');
    expect(text).toContain('monthly budget of $1.00');
    const plugin = BudgetValidationPlugin.of(Stage.of(app.node.findChild('Shop'))!);
    const result = plugin.validate({ templatePaths: [path.join(app.outdir, 'Shop.template.json')], appConstruct: app });
    expect(result.success).toBe(false);
    expect(result.violations[0].severity).toBe('error');
    // Reported once (the message names all three drivers), with the remedy for FAIL_SYNTH.
    expect(result.violations[0].violatingResources).toHaveLength(1);
    expect(result.violations[0].fix).toMatch(/BudgetEnforcement\.WARN/);
  });

  test('WARN: the same overrun is a warning and synth succeeds', () => {
    const { failedSynth, app, printed } = synth(requirements({ monthlyUsd: 1, enforcement: BudgetEnforcement.WARN }));
    expect(failedSynth).toBe(false);
    // Printed once, and under WARN the remedy does not suggest WARN.
    expect(printed.join('\n').match(/BudgetExceeded/g)).toHaveLength(1);
    expect(printed.join('\n')).not.toMatch(/BudgetEnforcement\.WARN/);
    const plugin = BudgetValidationPlugin.of(Stage.of(app.node.findChild('Shop'))!);
    const result = plugin.validate({ templatePaths: [path.join(app.outdir, 'Shop.template.json')], appConstruct: app });
    expect(result.success).toBe(true);
    expect(result.violations[0].severity).toBe('warning');
    expect(result.violations[0].description).toMatch(/Top cost drivers: .+, .+, .+\./);
  });
  test('an estimate cached by the report serves one validation only, never a later synth', () => {
    const { app, stack, report } = synth(requirements({ monthlyUsd: 10_000, enforcement: BudgetEnforcement.FAIL_SYNTH }));
    const plugin = BudgetValidationPlugin.of(Stage.of(stack)!);
    const guarded = (plugin as any).stacks.find((e: any) => e.stack === stack);
    expect(guarded.lastEstimate).toBeUndefined(); // consumed by the synth's own validation
    // A stale figure from an earlier synth: used once, then gone.
    const stale = { low: 50_000, expected: 50_000, high: 50_000 };
    guarded.lastEstimate = { monthlyCost: stale, resources: [], unpricedResources: [], freeTierDeduction: 0 };
    const context = { templatePaths: [path.join(app.outdir, 'Shop.template.json')], appConstruct: app };
    expect(plugin.validate(context).success).toBe(false);
    expect(plugin.validate(context).success).toBe(true);
    expect(report.monthlyCost.expected).toBeLessThan(10_000);
  });
});

describe('CostReport: any stack can opt in', () => {
  test('a plain stack gets a cost report at synth, and is held to its budget', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cie-plain-'));
    const app = new App({ outdir });
    const stack = new Stack(app, 'Plain');
    const fn = new lambda.Function(stack, 'Fn', {
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.X86_64,
      memorySize: 512,
      handler: 'index.handler',
      code: lambda.Code.fromInline('exports.handler = async () => 1;'),
    });
    const fnId = stack.resolve((fn.node.defaultChild as lambda.CfnFunction).logicalId);
    // The published Lambda example: 3M invocations of 1 s at 512 MB on x86.
    const report = CostReport.of(stack, {
      usage: { [fnId]: { monthlyRequests: 3_000_000, averageDurationMs: 1000 } },
      budget: { monthlyUsd: 20, enforcement: BudgetEnforcement.FAIL_SYNTH },
    });
    expect(CostReport.of(stack)).toBe(report);
    expect(() => app.synth()).toThrow(/\[BudgetExceeded\] Plain\/Fn9270CBC0[\s\S]*exceeds the monthly budget of \$20\.00/);
    const json = JSON.parse(fs.readFileSync(path.join(outdir, 'Plain.cost-report.json'), 'utf8'));
    expect(json.resources.find((r: any) => r.logicalId === fnId).monthlyCost.expected).toBeCloseTo(25.6, 2);
    expect(json.decisions).toEqual([]);
    expect(fs.readFileSync(path.join(outdir, 'Plain.cost-report.md'), 'utf8')).toContain('# Cost report: Plain');
    expect(json.budget.withinBudget).toBe(false);
  });
});

/** The README's example, with the domain a production HIPAA API now needs. */
const readme = (runtime?: RuntimePreference): ApplicationRequirements => ({
  name: 'shop',
  environment: EnvironmentTier.PRODUCTION,
  domain: { zoneName: 'example.com', hostedZoneId: 'Z0123456789ABCDEFGHIJ' },
  services: [
    { name: 'api', workload: WorkloadType.HTTP_API, dataStores: ['orders', 'jobs'], runtime, traffic: { monthlyRequests: 50_000_000, peakRequestsPerSecond: 300 } },
    { name: 'fulfil', workload: WorkloadType.QUEUE_WORKER, dataStores: ['orders', 'jobs'] },
  ],
  dataStores: [{ name: 'orders', kind: DataStoreKind.KEY_VALUE, storageGb: 40 }, { name: 'jobs', kind: DataStoreKind.QUEUE }],
  availability: { targetPercent: 99.95, rpoMinutes: 5 },
  compliance: [ComplianceFramework.HIPAA],
  budget: { monthlyUsd: 800, enforcement: BudgetEnforcement.FAIL_SYNTH },
});

function synthWith(req: ApplicationRequirements, context: { [key: string]: string } = {}) {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cie-whole-'));
  const app = new App({ outdir, context });
  new ApplicationStack(app, 'Shop', { requirements: req });
  const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  app.synth();
  quiet.mockRestore();
  return JSON.parse(fs.readFileSync(path.join(outdir, 'Shop.design-report.json'), 'utf8'));
}

describe('choices are priced as whole designs', () => {
  const base = synthWith(readme());
  const decision = (area: string) => base.decisions.find((d: any) => d.area === area && d.subject === (area === 'network' ? 'shop' : 'api'));
  const reportedDelta = (d: any) => d.alternatives[0].estimatedMonthlyUsd - d.choiceEstimatedMonthlyUsd;
  const close = (actual: number, reported: number) => expect(Math.abs(actual - reported)).toBeLessThanOrEqual(Math.max(5, 0.15 * Math.abs(actual)));

  test('the choice is quoted at the application\'s total', () => {
    expect(decision('compute').choiceEstimatedMonthlyUsd).toBeCloseTo(base.monthlyCost.expected, 2);
    expect(decision('network').choiceEstimatedMonthlyUsd).toBeCloseTo(base.monthlyCost.expected, 2);
  });

  test('forcing the compute alternative (containers) changes the total by the reported delta', () => {
    const compute = decision('compute');
    expect(compute.alternatives[0].option).toBe('ECS Fargate behind an Application Load Balancer');
    const forced = synthWith(readme(RuntimePreference.CONTAINER));
    close(forced.monthlyCost.expected - base.monthlyCost.expected, reportedDelta(compute));
    expect(reportedDelta(compute)).toBeGreaterThan(0);
  });

  test('forcing the network alternative (a NAT gateway, pinned by context) changes the total by the reported delta', () => {
    const network = decision('network');
    expect(network.alternatives[0].option).toBe('NAT gateway');
    const forced = synthWith(readme(), { 'cdk-infra-engineer:Shop:nat': 'single-nat-gateway' });
    expect(forced.decisions.find((d: any) => d.area === 'network').choice).toContain('1 NAT gateway');
    close(forced.monthlyCost.expected - base.monthlyCost.expected, reportedDelta(network));
  });
});
