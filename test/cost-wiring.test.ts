import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack, Stage } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { ApplicationStack, CostReport } from '../src/app';
import { BudgetValidationPlugin } from '../src/app/cost-wiring';
import { CostEstimator, ResourceUsage } from '../src/cost';
import { InfrastructureDesign } from '../src/design';
import { ApplicationRequirements, BudgetEnforcement, DataStoreKind, EnvironmentTier, WorkloadType } from '../src/requirements';

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
  const exitCode = process.exitCode;
  // CDK prints the validation report on stderr; the test reads the report file instead.
  const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const assembly = app.synth();
  quiet.mockRestore();
  const failedSynth = process.exitCode === 1 && exitCode !== 1;
  process.exitCode = exitCode; // CDK marks a failed validation on the process; keep jest's own
  const report = JSON.parse(fs.readFileSync(path.join(outdir, 'Shop.design-report.json'), 'utf8'));
  const validation = fs.existsSync(path.join(outdir, 'validation-report.json'))
    ? JSON.parse(fs.readFileSync(path.join(outdir, 'validation-report.json'), 'utf8')) : undefined;
  return { app, stack, assembly, report, validation, failedSynth };
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
      .toThrow("usage key(s) 'Shop/Services/nope' match no resource of Shop");
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
    expect(result.violations[0].violatingResources).toHaveLength(3);
  });

  test('WARN: the same overrun is a warning and synth succeeds', () => {
    const { failedSynth, app } = synth(requirements({ monthlyUsd: 1, enforcement: BudgetEnforcement.WARN }));
    expect(failedSynth).toBe(false);
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
    const exitCode = process.exitCode;
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    app.synth();
    quiet.mockRestore();
    const failed = process.exitCode === 1 && exitCode !== 1;
    process.exitCode = exitCode;
    const json = JSON.parse(fs.readFileSync(path.join(outdir, 'Plain.cost-report.json'), 'utf8'));
    expect(json.resources.find((r: any) => r.logicalId === fnId).monthlyCost.expected).toBeCloseTo(25.6, 2);
    expect(json.decisions).toEqual([]);
    expect(fs.readFileSync(path.join(outdir, 'Plain.cost-report.md'), 'utf8')).toContain('# Cost report: Plain');
    expect(failed).toBe(true); // $25.60 before the free tier is above the $20 budget
    expect(json.budget.withinBudget).toBe(false);
  });
});

describe('decisions show their alternatives\' estimated cost', () => {
  test('like for like: a Fargate choice and its Lambda alternative both carry the same responses out', () => {
    const design = InfrastructureDesign.fromRequirements({
      name: 'busy',
      environment: EnvironmentTier.STAGING,
      services: [{ name: 'api', workload: WorkloadType.HTTP_API, traffic: { monthlyRequests: 500_000_000, peakRequestsPerSecond: 400 } }],
    });
    const compute = design.decisions.find((d) => d.area === 'compute' && d.subject === 'api')!;
    expect(compute.choice).toMatch(/^ECS Fargate/);
    const price = (r: any) => CostEstimator.estimateTemplate({ template: { Resources: r.resources }, usage: r.usage }).monthlyCost.expected;
    const outGb = Math.round(500_000_000 * 10 / 1024 / 1024 * 100) / 100;
    const lcu = 500_000_000 / (730 * 3600) / 25;
    // Two 0.5 vCPU / 1 GB tasks, the ALB's hours, LCUs and two public IPv4 addresses, and the responses.
    const fargate = 2 * 730 * (0.5 * 0.04048 + 1 * 0.004445) + 730 * 0.0225 + lcu * 730 * 0.008 + 2 * 730 * 0.005 + outGb * 0.09;
    expect(price(compute.choicePricedAs)).toBeCloseTo(fargate, 2);
    // 500M requests: $100, 25M GB-s at $0.0000133334, HTTP API 300M at $1/M and 200M at $0.90/M, and the same responses.
    const functions = 100 + 25_000_000 * 0.0000133334 + 300 + 200 * 0.9 + outGb * 0.09;
    expect(price(compute.alternatives[0].pricedAs)).toBeCloseTo(functions, 2);
    expect(fargate).toBeLessThan(functions);
  });

  test('priced like the stack: NAT gateways, Fargate behind a load balancer, REST API with WAF', () => {
    const { report, app } = synth({
      ...requirements(),
      environment: EnvironmentTier.STAGING,
      services: [{ name: 'api', workload: WorkloadType.HTTP_API, dataStores: ['db', 'sessions'], traffic: { monthlyRequests: 3_000_000, peakRequestsPerSecond: 20 } }],
      dataStores: [{ name: 'db', kind: DataStoreKind.RELATIONAL }, { name: 'sessions', kind: DataStoreKind.CACHE, storageGb: 2 }],
    });
    const alternative = (option: string) => report.decisions.flatMap((d: any) => d.alternatives).find((a: any) => a.option === option);
    const decision = (area: string) => report.decisions.find((d: any) => d.area === area && d.subject === (area === 'network' ? 'shop' : 'api'));
    // Responses: 3M requests x 10 KB = 28.61 GB out at $0.09, the same for every option that serves them.
    const out = Math.round(3_000_000 * 10 / 1024 / 1024 * 100) / 100 * 0.09;
    // One NAT gateway: 730 h x $0.045 + 10 GB x $0.045 + its public IPv4 730 h x $0.005 = $36.95,
    // against the chosen interface endpoint (secretsmanager) in 2 AZs: 1,460 AZ-hours x $0.01 + 1 GB x $0.01.
    expect(alternative('NAT gateway').estimatedMonthlyUsd).toBeCloseTo(36.95, 2);
    expect(decision('network').choiceEstimatedMonthlyUsd).toBeCloseTo(14.61, 2);
    // REST API: 3M x $3.50/M; WAF: $5 + 4 rules x $1 + 3M x $0.60/M; against the HTTP API: 3M x $1/M; both plus the responses.
    expect(alternative('REST API + regional WAF').estimatedMonthlyUsd).toBeCloseTo(10.5 + 5 + 4 + 1.8 + out, 2);
    expect(decision('edge').choiceEstimatedMonthlyUsd).toBeCloseTo(3 + out, 2);
    // The function (3M x $0.20/M + 150,000 GB-s x $0.0000133334) and its API, against two tasks behind an ALB.
    expect(decision('compute').choiceEstimatedMonthlyUsd).toBeCloseTo(0.6 + 2 + 3 + out, 2);
    expect(alternative('ECS Fargate').estimatedMonthlyUsd).toBeGreaterThan(50);
    expect(fs.readFileSync(path.join(app.outdir, 'Shop.design-report.md'), 'utf8'))
      .toContain(`**Choice:** AWS Lambda (arm64, 512 MiB, 10 s timeout) behind an API Gateway HTTP API (about $${(0.6 + 2 + 3 + out).toFixed(2)} a month)`);
    // A 2 GB cache needs cache.t4g.medium (3.09 GiB, 75% usable): one staging node, 730 h x $0.065 on Redis OSS, x $0.052 on Valkey.
    expect(resource(report, 'DatasessionsReplicationGroup').monthlyCost.expected).toBeCloseTo(730 * 0.065, 2);
    expect(alternative('ElastiCache (Valkey) cache.t4g.medium').estimatedMonthlyUsd).toBeCloseTo(730 * 0.052, 2);
    expect(report.decisions.find((d: any) => d.subject === 'sessions').choiceEstimatedMonthlyUsd).toBeCloseTo(730 * 0.065, 2);
    const md = fs.readFileSync(path.join(app.outdir, 'Shop.design-report.md'), 'utf8');
    expect(md).toContain('- NAT gateway (about $36.95 a month, $22.34 more than the choice):');
    // Valkey nodes cost less than the Redis OSS choice: the summary says so, and where to read why.
    expect(md).toContain(`> **Cheaper alternatives:** sessions (data): ElastiCache (Valkey) cache.t4g.medium, about $${(730 * 0.013).toFixed(2)} a month less`);
  });
});
