import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  CostExplorerClient, CostExplorerServiceException, DataUnavailableException, GetCostAndUsageCommand, GetCostForecastCommand,
  LimitExceededException, ListCostAllocationTagsCommand, ResultByTime,
} from '@aws-sdk/client-cost-explorer';
import { mockClient } from 'aws-sdk-client-mock';
import { memoryIo } from './memory-io';
import { ActualsResult } from '../src/actuals/actuals-result';
import { COST_EXPLORER_SERVICE, compareByService, costExplorerService } from '../src/actuals/actuals-services';
import { runCli } from '../src/program';


const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cie-actuals-'));
const write = (name: string, value: unknown) => {
  const file = path.join(tmp, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(value));
  return file;
};

const cost = (expected: number) => ({ low: expected * 0.6, expected, high: expected * 2 });
const designReport = (extra: object = {}) => ({
  schemaVersion: 1,
  stackName: 'Shop',
  region: 'eu-west-1',
  regionAssumed: false,
  currency: 'USD',
  monthlyCost: cost(108),
  freeTierDeduction: 10,
  resources: [
    { logicalId: 'ApiFunction', type: 'AWS::Lambda::Function', status: 'priced', monthlyCost: cost(40) },
    { logicalId: 'OrdersTable', type: 'AWS::DynamoDB::Table', status: 'priced', monthlyCost: cost(60) },
    { logicalId: 'ApiLogs', type: 'AWS::Logs::LogGroup', status: 'priced', monthlyCost: cost(5) },
    { logicalId: 'Thing', type: 'AWS::Foo::Bar', status: 'priced', monthlyCost: cost(3) },
    { logicalId: 'ApiRole', type: 'AWS::IAM::Role', status: 'free', monthlyCost: cost(0) },
  ],
  security: null,
  reliability: null,
  accessDetails: [],
  ...extra,
});
// A cloud assembly: the report beside a manifest whose stack carries the cost-center tag.
const reportFile = write('cdk.out/Shop.design-report.json', designReport());
write('cdk.out/manifest.json', { version: '54.0.0', artifacts: { Shop: { type: 'aws:cloudformation:stack', properties: { templateFile: 'Shop.template.json', tags: { 'cost-center': 'shop', 'application': 'shop' } } } } });
const loneReport = write('elsewhere/Shop.design-report.json', designReport());

const NOW = new Date('2026-10-16T12:00:00Z');
const day = (offset: number) => new Date(Date.parse('2026-09-16') + offset * 86_400_000).toISOString().slice(0, 10);
const usdAmount = (amount: number) => ({ UnblendedCost: { Amount: amount.toFixed(10), Unit: 'USD' } });
/** 30 daily results in the GetCostAndUsage wire format: nothing before the deploy on 2026-09-26, then the same spend each day. */
const daily: ResultByTime[] = Array.from({ length: 30 }, (_, i) => ({
  TimePeriod: { Start: day(i), End: day(i + 1) },
  Total: {},
  Groups: i < 10 ? [] : [
    { Keys: ['AWS Lambda'], Metrics: usdAmount(1) },
    { Keys: ['Amazon DynamoDB'], Metrics: usdAmount(2.5) },
    { Keys: ['AmazonCloudWatch'], Metrics: usdAmount(0.2) },
    { Keys: ['Tax'], Metrics: usdAmount(0.1) },
  ],
  Estimated: i === 29,
}));
const activeTag = { TagKey: 'cost-center', Type: 'UserDefined' as const, Status: 'Active' as const, LastUpdatedDate: '2026-09-01T00:00:00Z', LastUsedDate: '2026-10-15T00:00:00Z' };

describe('actuals (aws-sdk-client-mock, Cost Explorer wire format)', () => {
  const ce = mockClient(CostExplorerClient);
  const sleeps: number[] = [];
  const creds = { AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE' };
  const deps = (extra: object = {}) => ({
    actuals: {
      client: new CostExplorerClient({ region: 'us-east-1' }),
      resolveCredentials: async () => ({ accessKeyId: 'x' }),
      sleep: async (ms: number) => { sleeps.push(ms); },
      fileExists: () => false,
      now: () => NOW,
      ...extra,
    },
  });
  beforeEach(() => {
    ce.reset();
    sleeps.length = 0;
  });

  test('estimate against actual per service and in total, forecast, ratio and paid requests, across pages and a throttled call', async () => {
    ce.on(ListCostAllocationTagsCommand).resolves({ CostAllocationTags: [], NextToken: 'tags-2' });
    ce.on(ListCostAllocationTagsCommand, { NextToken: 'tags-2' }).resolves({ CostAllocationTags: [activeTag] });
    ce.on(GetCostAndUsageCommand)
      .rejectsOnce(new LimitExceededException({ message: 'Rate exceeded', $metadata: { httpStatusCode: 400 } }))
      .resolves({ ResultsByTime: daily.slice(0, 15), NextPageToken: 'cost-2', GroupDefinitions: [{ Type: 'DIMENSION', Key: 'SERVICE' }], DimensionValueAttributes: [] });
    ce.on(GetCostAndUsageCommand, { NextPageToken: 'cost-2' }).resolves({ ResultsByTime: daily.slice(15), GroupDefinitions: [{ Type: 'DIMENSION', Key: 'SERVICE' }] });
    ce.on(GetCostForecastCommand).resolves({
      Total: { Amount: '58.9', Unit: 'USD' },
      ForecastResultsByTime: [{ TimePeriod: { Start: '2026-10-16', End: '2026-11-01' }, MeanValue: '58.9', PredictionIntervalLowerBound: '50.1', PredictionIntervalUpperBound: '67.7' }],
    });
    const json = path.join(tmp, 'actuals.json');
    const { io, out, err } = memoryIo(creds);
    expect(await runCli(['actuals', '--report', reportFile, '--json', json], io, deps())).toBe(0);

    const filter = { Tags: { Key: 'cost-center', Values: ['shop'], MatchOptions: ['EQUALS'] } };
    const costCalls = ce.commandCalls(GetCostAndUsageCommand).map((c) => c.args[0].input);
    expect(costCalls).toHaveLength(3);
    expect(costCalls[0]).toEqual({
      TimePeriod: { Start: '2026-09-16', End: '2026-10-16' },
      Granularity: 'DAILY',
      Metrics: ['UnblendedCost'],
      Filter: filter,
      GroupBy: [{ Type: 'DIMENSION', Key: 'SERVICE' }],
    });
    expect(costCalls[2].NextPageToken).toBe('cost-2');
    expect(ce.commandCalls(ListCostAllocationTagsCommand).map((c) => c.args[0].input)).toEqual([{ TagKeys: ['cost-center'] }, { TagKeys: ['cost-center'], NextToken: 'tags-2' }]);
    expect(ce.commandCalls(GetCostForecastCommand)[0].args[0].input).toEqual({
      TimePeriod: { Start: '2026-10-16', End: '2026-11-01' }, Metric: 'UNBLENDED_COST', Granularity: 'MONTHLY', Filter: filter, PredictionIntervalLevel: 80,
    });
    expect(sleeps).toEqual([250]);

    const text = out.join('\n');
    expect(text).toContain('tag cost-center=shop (value from the stack tags in the cloud assembly manifest; tag Active)');
    expect(text).toContain('run-rate over 20 day(s) from 2026-09-26, the first day with tagged cost');
    // 20 days at $1 a day: $20.00, a run-rate of 20 / 20 x 30.4167 = $30.42; $40 estimated / $30.42 = 1.32.
    expect(text).toMatch(/AWS Lambda\s+\$40\.00\s+\$20\.00\s+\$30\.42\s+1\.32/);
    expect(text).toMatch(/Amazon DynamoDB\s+\$60\.00\s+\$50\.00\s+\$76\.04\s+0\.79/);
    expect(text).toMatch(/AmazonCloudWatch\s+\$5\.00\s+\$4\.00\s+\$6\.08\s+0\.82/);
    expect(text).toMatch(/Tax\s+not estimated\s+\$2\.00\s+\$3\.04\s+-/);
    // 20 days at $3.80: $76.00, run-rate $115.58; $108 / $115.58 = 0.93.
    expect(text).toMatch(/Total\s+\$108\.00\s+\$76\.00\s+\$115\.58\s+0\.93/);
    expect(text).toContain('after the free-tier deduction $98.00 (ratio 0.85)');
    expect(text).toContain('mapped to no Cost Explorer service (in the total only): AWS::Foo::Bar');
    expect(text).toContain('marked Estimated by AWS');
    expect(text).toContain('Month-end forecast: $58.90 more from 2026-10-16 to 2026-11-01 (80% interval $50.10 - $67.70); with $57.00 so far this month, $115.90 for the month');
    expect(text).toContain('Cost optimization ratio: 0.93, on estimate (within 10%)');
    expect(text).toMatch(/How it was computed: cost optimization ratio = estimated monthly cost .* \/ actual monthly run-rate = \$108\.00 \/ \$115\.58 = 0\.93; actual monthly run-rate = .* x 30\.42/);
    expect(text).toMatch(/Above 1 the stack costs less than estimated.*Below 1 it costs more than estimated/);
    expect(text).toContain('Cost Explorer requests: 5 paid, $0.05 at $0.01 each (each page is a request): ListCostAllocationTags 2, GetCostAndUsage 2, GetCostForecast 1; 1 throttled request(s) retried');
    const progress = err.join('');
    expect(progress).toMatch(/actuals: ListCostAllocationTags page 2/);
    expect(progress).toMatch(/actuals: ce:GetCostAndUsage throttled, retry 1 of 5 in 0.25 s/);
    expect(progress).toMatch(/actuals: GetCostAndUsage 2026-09-16 to 2026-10-16 page 2/);

    const result = JSON.parse(fs.readFileSync(json, 'utf8')) as ActualsResult;
    expect(result).toMatchObject({
      kind: 'cdk-infra-engineer/actuals',
      stackName: 'Shop',
      window: { start: '2026-09-16', end: '2026-10-16', daysCounted: 20, firstDayWithCost: '2026-09-26', granularity: 'DAILY' },
      total: { estimatedMonthly: 108, actual: 76, actualMonthlyRunRate: 115.58 },
      forecast: { mean: 58.9, monthToDate: 57, monthEnd: 115.9 },
      costOptimizationRatio: { value: 0.93, afterFreeTier: 0.85 },
      costExplorerRequests: { paid: 5, usd: 0.05, throttledRetries: 1 },
    });
  });

  test('an inactive tag: how to activate it and the 24 hours, no cost query', async () => {
    ce.on(ListCostAllocationTagsCommand).resolves({ CostAllocationTags: [{ ...activeTag, Status: 'Inactive' }] });
    const { io, err } = memoryIo(creds);
    expect(await runCli(['actuals', '--report', loneReport], io, deps())).toBe(2);
    const text = err.join('\n');
    expect(text).toContain("no 'cost-center' tag value in");
    expect(text).toContain("filtering on the stack name 'Shop'");
    expect(text).toContain("the cost allocation tag 'cost-center' is Inactive");
    expect(text).toContain('aws ce update-cost-allocation-tags-status --cost-allocation-tags-status TagKey=cost-center,Status=Active');
    expect(text).toContain('Billing and Cost Management console');
    expect(text).toContain('up to 24 hours');
    expect(text).toContain('Cost Explorer requests: 1 paid, $0.01');
    expect(ce.commandCalls(GetCostAndUsageCommand)).toHaveLength(0);
  });

  test('a tag Cost Explorer has never seen says so', async () => {
    ce.on(ListCostAllocationTagsCommand).resolves({ CostAllocationTags: [] });
    const { io, err } = memoryIo(creds);
    expect(await runCli(['actuals', '--report', reportFile, '--tag-key', 'team'], io, deps())).toBe(2);
    expect(err.join('\n')).toMatch(/'team' is not in Cost Explorer yet: .* up to 24 hours after the deploy/);
  });

  test('monthly granularity, --tag-value, a report that carries tags, and a forecast Cost Explorer cannot make; progress redraws on a terminal', async () => {
    const tagged = write('tagged/Shop.design-report.json', designReport({ tags: { 'cost-center': 'cc-42' } }));
    ce.on(ListCostAllocationTagsCommand).resolves({ CostAllocationTags: [activeTag] });
    ce.on(GetCostAndUsageCommand).resolves({
      ResultsByTime: [
        { TimePeriod: { Start: '2026-09-16', End: '2026-10-01' }, Total: {}, Groups: [{ Keys: ['AWS Lambda'], Metrics: usdAmount(15) }], Estimated: false },
        { TimePeriod: { Start: '2026-10-01', End: '2026-10-16' }, Total: {}, Groups: [{ Keys: ['AWS Lambda'], Metrics: usdAmount(15) }], Estimated: true },
      ],
    });
    ce.on(GetCostForecastCommand).rejects(new DataUnavailableException({ message: 'Insufficient amount of historical data to generate forecast.', $metadata: {} }));
    const a = memoryIo(creds, true);
    expect(await runCli(['actuals', '--report', tagged, '--granularity', 'monthly'], a.io, deps())).toBe(0);
    const text = a.out.join('\n');
    expect(ce.commandCalls(GetCostAndUsageCommand)[0].args[0].input).toMatchObject({ Granularity: 'MONTHLY', Filter: { Tags: { Values: ['cc-42'] } } });
    expect(text).toContain('value from the design report');
    // Monthly: the whole 30-day window counts. $30 / 30 x 30.4167 = $30.42.
    expect(text).toMatch(/AWS Lambda\s+\$40\.00\s+\$30\.00\s+\$30\.42\s+1\.32/);
    expect(text).toContain('Month-end forecast: not available (Insufficient amount of historical data to generate forecast.)');
    expect(text).toMatch(/with monthly granularity the days counted are the whole window/);
    expect(text).toContain('Cost Explorer requests: 3 paid');
    expect(a.err.join('')).toMatch(/\r. actuals: GetCostAndUsage .* \(\d+\.\d s\)/);

    const b = memoryIo(creds);
    expect(await runCli(['actuals', '--report', tagged, '--tag-value', 'override', '--days', '7'], b.io, deps())).toBe(0);
    expect(ce.commandCalls(GetCostAndUsageCommand)[1].args[0].input).toMatchObject({ TimePeriod: { Start: '2026-10-09', End: '2026-10-16' }, Filter: { Tags: { Values: ['override'] } } });
    expect(b.out.join('\n')).toContain('value from --tag-value');
  });

  test('missing credentials fail fast with one line and no Cost Explorer request', async () => {
    const { io, err } = memoryIo({});
    const started = Date.now();
    const code = await runCli(['actuals', '--report', reportFile], io, deps({
      resolveCredentials: async () => { throw Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' }); },
    }));
    expect(code).toBe(2);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(err).toEqual([expect.stringMatching(/^cdk-infra-engineer: no AWS credentials found .*actuals calls Cost Explorer and needs ce:ListCostAllocationTags, ce:GetCostAndUsage, ce:GetCostForecast/)]);
    expect(ce.calls()).toHaveLength(0);
  });

  test.each([
    ['AccessDeniedException', 'GetCostAndUsage', /permission denied: ce:GetCostAndUsage needs the IAM permission ce:GetCostAndUsage/],
    ['UnrecognizedClientException', 'ListCostAllocationTags', /the AWS credentials were rejected \(UnrecognizedClientException: The security token included in the request is invalid\.\)/],
    ['ExpiredTokenException', 'ListCostAllocationTags', /the AWS credentials have expired \(ExpiredTokenException\)/],
  ])('%s on %s is one clear line', async (name, operation, expected) => {
    ce.on(ListCostAllocationTagsCommand).resolves({ CostAllocationTags: [activeTag] });
    const error = new CostExplorerServiceException({ name, $fault: 'client', message: name === 'AccessDeniedException' ? 'User: arn:aws:iam::123456789012:user/dev is not authorized to perform: ce:GetCostAndUsage' : 'The security token included in the request is invalid.', $metadata: { httpStatusCode: 400 } });
    if (operation === 'GetCostAndUsage') ce.on(GetCostAndUsageCommand).rejects(error);
    else ce.on(ListCostAllocationTagsCommand).rejects(error);
    const { io, err } = memoryIo(creds);
    expect(await runCli(['actuals', '--report', reportFile], io, deps())).toBe(2);
    const lines = err.filter((l) => l.startsWith('cdk-infra-engineer:'));
    expect(lines).toEqual([expect.stringMatching(expected)]);
  });

  test('bad input is one line before any request', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['actuals', '--report', reportFile, '--days', '0'], /--days.*must be a whole number of days from 1 to 365/],
      [['actuals', '--report', reportFile, '--granularity', 'hourly'], /must be daily or monthly/],
      [['actuals', '--report', path.join(tmp, 'missing.json')], /cannot read .*missing.json: ENOENT/],
      [['actuals', '--report', write('nocost.json', designReport({ monthlyCost: null }))], /has no cost estimate/],
      [['actuals', '--report', write('notreport.json', { hello: 1 })], /is not a design report/],
    ];
    for (const [args, message] of cases) {
      const { io, err } = memoryIo(creds);
      expect(await runCli(args, io, deps())).toBe(2);
      expect(err.join('\n')).toMatch(message);
    }
    expect(ce.calls()).toHaveLength(0);
  });

  test('the service mapping: documented examples, first prefix wins, unmapped types reported', () => {
    expect(costExplorerService('AWS::Lambda::Function')).toBe('AWS Lambda');
    expect(costExplorerService('AWS::DynamoDB::Table')).toBe('Amazon DynamoDB');
    expect(costExplorerService('AWS::EC2::NatGateway')).toBe('EC2 - Other');
    expect(costExplorerService('AWS::EC2::VPCEndpoint')).toBe('Amazon Virtual Private Cloud');
    expect(costExplorerService('AWS::Logs::LogGroup')).toBe('AmazonCloudWatch');
    expect(costExplorerService('Custom::Thing')).toBeUndefined();
    expect(new Set(COST_EXPLORER_SERVICE.map(([prefix]) => prefix)).size).toBe(COST_EXPLORER_SERVICE.length);
    const c = compareByService([
      { logicalId: 'A', type: 'AWS::SQS::Queue', monthlyCost: cost(0) },
      { logicalId: 'B', type: 'Custom::X', monthlyCost: cost(2) },
    ], new Map(), 30);
    expect(c).toEqual({ services: [], unmappedResourceTypes: ['Custom::X'] });
  });
});
