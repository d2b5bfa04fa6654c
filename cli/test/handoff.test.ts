import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { ApplicationStack } from 'cdk-infra-engineer/lib/app';
import { CloudFormationTemplate, DesignReport } from 'cdk-infra-engineer/lib/report/model';
import { memoryIo } from './memory-io';
import { shopRequirements } from '../../examples/shop/requirements';
import { HandoffDocument, handoffStack } from '../src/handoff/handoff-document';
import { renderHandoffMarkdown } from '../src/handoff/handoff-markdown';
import { learnDeployedValues, physicalNameOf } from '../src/handoff/handoff-physical-names';
import { runCli } from '../src/program';


const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cie-handoff-'));
const write = (name: string, value: unknown) => {
  const file = path.join(tmp, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
};

// One real synth of the example app for the whole file.
const assembly = path.join(tmp, 'cdk.out');
const app = new App({ outdir: assembly });
new ApplicationStack(app, 'Shop', { requirements: shopRequirements });
// CDK prints its validation summary on stderr; keep the test output quiet.
const quiet = jest.spyOn(console, 'error').mockImplementation(() => {});
app.synth();
quiet.mockRestore();
const template = JSON.parse(fs.readFileSync(path.join(assembly, 'Shop.template.json'), 'utf8')) as CloudFormationTemplate;
const report = JSON.parse(fs.readFileSync(path.join(assembly, 'Shop.design-report.json'), 'utf8')) as DesignReport;
const outputKeys = Object.keys(template.Outputs ?? {});

/** What `cdk deploy --outputs-file` would write for the stack, in eu-west-1. */
const DEPLOYED: { [key: string]: string } = {
  EndpointApi: 'https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/',
  SiteUrlStorefront: 'https://d111111abcdef8.cloudfront.net',
  TableOrders: 'Shop-DataordersTableE0A43303-1ABCDEF',
  DatabaseEndpointCatalog: 'shop-datacatalogcluster.cluster-c1a2b3.eu-west-1.rds.amazonaws.com',
  DatabaseSecretArnCatalog: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:DatacatalogClusterSecret-AbCdEf',
  QueueUrlJobs: 'https://sqs.eu-west-1.amazonaws.com/123456789012/Shop-DatajobsQueue-XYZ',
  DashboardName: 'Shop-eu-west-1',
  AlarmTopicArn: 'arn:aws:sns:eu-west-1:123456789012:Shop-ObservabilityAlarmTopic-XYZ',
};
const outputsFile = write('outputs.json', {
  Shop: Object.fromEntries(outputKeys.map((k) => [k, DEPLOYED[k] ?? `deployed-${k.toLowerCase()}`])),
});

const statusFile = write('status.json', {
  kind: 'cdk-infra-engineer/status',
  schemaVersion: 1,
  stackName: 'Shop',
  stackId: 'arn:aws:cloudformation:eu-west-1:123456789012:stack/Shop/1',
  region: 'eu-west-1',
  currentStatus: 'UPDATE_COMPLETE',
  generatedAt: '2026-10-16T12:00:00.000Z',
  eventsRead: 120,
  attempts: [],
  provisioningSuccessRate: { successful: 3, attempted: 4, percent: 75, method: 'successful create and update attempts / create and update attempts that finished = 3 / 4 = 75%.' },
});
const actualsFile = write('actuals.json', {
  kind: 'cdk-infra-engineer/actuals',
  schemaVersion: 1,
  stackName: 'Shop',
  reportFile: 'cdk.out/Shop.design-report.json',
  generatedAt: '2026-10-16T12:00:00.000Z',
  tag: { key: 'cost-center', value: 'shop', valueSource: '--tag-value', status: 'Active' },
  window: { start: '2026-09-16', end: '2026-10-16', days: 30, granularity: 'DAILY', firstDayWithCost: '2026-09-16', daysCounted: 30, includesEstimatedFigures: false },
  services: [],
  unmappedResourceTypes: [],
  total: {
    estimatedMonthly: 419.75, estimatedMonthlyAfterFreeTier: 385, estimateRange: { low: 243, high: 1215 }, actual: 370, actualMonthlyRunRate: 375.14,
  },
  forecast: { unavailable: 'x' },
  costOptimizationRatio: { value: 1.12, afterFreeTier: 1.03, verdict: 'the stack costs less than estimated', method: 'cost optimization ratio = estimated monthly cost / actual monthly run-rate = $419.75 / $375.14 = 1.12', interpretation: 'Above 1 the stack costs less than estimated.' },
  costExplorerRequests: { paid: 4, usd: 0.04, byAction: {}, throttledRetries: 0 },
});

describe('handoff (a real cloud assembly of the example shop)', () => {
  test('writes the JSON and Markdown hand-off with deployed values, physical names, configuration status and the metrics', async () => {
    const out = path.join(tmp, 'handoff');
    const { io, out: lines, err } = memoryIo();
    const code = await runCli(['handoff', '--assembly', assembly, '--outputs', outputsFile, '--out', out, '--actuals', actualsFile, '--status', statusFile], io);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const doc = JSON.parse(fs.readFileSync(path.join(out, 'handoff.json'), 'utf8')) as HandoffDocument;
    const md = fs.readFileSync(path.join(out, 'handoff.md'), 'utf8');
    expect(doc.stacks).toHaveLength(1);
    const shop = doc.stacks[0];
    expect(shop).toMatchObject({ stackName: 'Shop', artifactId: 'Shop', deployed: true, region: 'eu-west-1' });

    // Access details: every output, with its deployed value and the report's description.
    expect(shop.accessDetails.map((a) => a.outputKey).sort()).toEqual([...outputKeys].sort());
    expect(shop.accessDetails.every((a) => a.value !== null && a.description !== '')).toBe(true);
    expect(shop.accessDetails.find((a) => a.outputKey === 'DatabaseSecretArnCatalog')?.value).toBe(DEPLOYED.DatabaseSecretArnCatalog);
    expect(md).toContain(`| Endpoint URL of the 'api' API (API Gateway HTTP API) | \`EndpointApi\` | \`${DEPLOYED.EndpointApi}\` |`);

    // Resources: every template resource; names from the outputs (Ref, or captured out of a Fn::Join), the template, or unknown.
    const byId = new Map(shop.resources.map((r) => [r.logicalId, r]));
    expect(shop.resources).toHaveLength(Object.values(template.Resources!).filter((r) => r.Type !== 'AWS::CDK::Metadata').length);
    const ofType = (type: string) => shop.resources.filter((r) => r.type === type);
    expect(ofType('AWS::DynamoDB::Table')[0]).toMatchObject({ physicalName: DEPLOYED.TableOrders, physicalNameSource: 'outputs' });
    expect(ofType('AWS::ApiGatewayV2::Api')[0]).toMatchObject({ physicalName: 'a1b2c3d4e5', physicalNameSource: 'outputs' });
    expect(ofType('AWS::CloudWatch::Dashboard')[0]).toMatchObject({ physicalName: 'Shop-eu-west-1', physicalNameSource: 'template' });
    expect(ofType('AWS::CloudFront::Distribution')[0]).toMatchObject({ physicalName: null, attributes: { DomainName: 'd111111abcdef8.cloudfront.net' } });
    expect(ofType('AWS::RDS::DBCluster')[0].attributes).toEqual({ 'Endpoint.Address': DEPLOYED.DatabaseEndpointCatalog });
    const unnamed = ofType('AWS::KMS::Key')[0];
    expect(unnamed.physicalName).toBeNull();
    expect(md).toContain(`| \`${unnamed.logicalId}\` | AWS::KMS::Key | _known after deploy_ |`);
    expect(md).toContain(`| \`${ofType('AWS::DynamoDB::Table')[0].logicalId}\` | AWS::DynamoDB::Table | \`${DEPLOYED.TableOrders}\` (from the outputs) |`);
    expect(byId.size).toBe(shop.resources.length);
    expect(shop.links).toEqual([{ description: 'CloudWatch dashboard Shop-eu-west-1', url: 'https://console.aws.amazon.com/cloudwatch/home?region=eu-west-1#dashboards:name=Shop-eu-west-1' }]);

    // Configuration status, from the design report (security may not be evaluated yet).
    expect(shop.configuration.budget).toEqual({ status: 'within budget', monthlyUsd: 800, enforcement: 'fail-synth', estimatedMonthlyUsd: report.monthlyCost!.expected });
    expect(md).toMatch(/\*\*Budget\*\*: within budget: \$800\.00 a month \(fail-synth\), estimate \$\d+\.\d\d/);
    expect(shop.configuration.reliability).toMatchObject({
      evaluated: true, score: report.reliability!.score, compositeAvailabilityPercent: report.reliability!.compositeAvailabilityPercent,
    });
    expect(md).toContain(`**Reliability score**: ${report.reliability!.score}/100`);
    const metric = (name: string) => shop.metrics.find((m) => m.name.startsWith(name))!;
    if (report.security) {
      for (const f of report.security.frameworks) {
        expect(shop.metrics).toContainEqual(expect.objectContaining({ name: `Security compliance (${f.name})`, value: f.compliancePercent }));
        expect(md).toContain(`| Security compliance (${f.name}) | ${f.compliancePercent}% | the share of the ${f.rulesEvaluated} ${f.name} rules evaluated`);
      }
    } else {
      expect(metric('Security compliance')).toMatchObject({ value: null, display: 'not evaluated' });
      expect(md).toContain('**Security compliance**: not evaluated');
    }

    // The metrics from actuals and status, each with how it was computed.
    expect(metric('Cost optimization ratio')).toMatchObject({ value: 1.12, source: expect.stringContaining('actuals.json (Cost Explorer, 2026-09-16 to 2026-10-16)') });
    expect(metric('Cost optimization ratio').method).toContain('estimated monthly cost / actual monthly run-rate');
    expect(metric('Provisioning success rate')).toMatchObject({ value: 75, display: '75% (3 of 4 create/update attempts)' });
    expect(md).toContain('| Cost optimization ratio | 1.12, the stack costs less than estimated; estimate $419.75 against a run-rate of $375.14 a month | cost optimization ratio = ');
    expect(md).toContain('| Provisioning success rate | 75% (3 of 4 create/update attempts) | successful create and update attempts / create and update attempts that finished = 3 / 4 = 75%. |');

    const text = lines.join('\n');
    expect(text).toContain(`Shop: deployed; ${outputKeys.length} of ${outputKeys.length} access details known`);
    expect(text).toMatch(/ {2}Provisioning success rate: 75% \(3 of 4 create\/update attempts\)\n {4}how: successful create and update attempts/);
    expect(text).toContain(`Wrote ${path.join(out, 'handoff.json')} and ${path.join(out, 'handoff.md')}`);
  });

  test('before deploy: every deployed value is known after deploy, and the metrics say how to measure them', async () => {
    const out = path.join(tmp, 'before-deploy');
    const { io, out: lines } = memoryIo();
    expect(await runCli(['handoff', '--assembly', assembly, '--out', out], io)).toBe(0);
    const doc = JSON.parse(fs.readFileSync(path.join(out, 'handoff.json'), 'utf8')) as HandoffDocument;
    const shop = doc.stacks[0];
    expect(shop.deployed).toBe(false);
    expect(shop.region).toBeNull();
    expect(shop.accessDetails.filter((a) => a.value !== null)).toEqual([]);
    expect(shop.resources.filter((r) => r.physicalNameSource === 'outputs')).toEqual([]);
    const md = fs.readFileSync(path.join(out, 'handoff.md'), 'utf8');
    expect(md).toContain('Not in the outputs file');
    expect(md).toMatch(/\| `EndpointApi` \| _known after deploy_ \|/);
    expect(lines.join('\n')).toMatch(/Cost optimization ratio: not measured\n {4}how: after the stack has run a few days: cdk-infra-engineer actuals --report <cdk.out>\/Shop.design-report.json --json actuals.json/);
    expect(lines.join('\n')).toMatch(/Provisioning success rate: not measured\n {4}how: after deploying: cdk-infra-engineer status --stack Shop --json status.json/);
  });

  test('nested assemblies (stages) are followed, and a stack without a design report is "not evaluated"', async () => {
    const dir = path.join(tmp, 'staged');
    write('staged/manifest.json', { version: '54.0.0', artifacts: { 'assembly-Dev': { type: 'cdk:cloud-assembly', properties: { directoryName: 'assembly-Dev', displayName: 'Dev' } } } });
    write('staged/assembly-Dev/manifest.json', {
      version: '54.0.0',
      artifacts: { DevApi1234: { type: 'aws:cloudformation:stack', environment: 'aws://123456789012/eu-central-1', properties: { templateFile: 'DevApi1234.template.json', stackName: 'Dev-Api' } } },
    });
    write('staged/assembly-Dev/DevApi1234.template.json', {
      Resources: { Table: { Type: 'AWS::DynamoDB::Table', Properties: { TableName: 'dev-orders' } } },
      Outputs: { TableName: { Value: { Ref: 'Table' }, Description: 'Orders table' }, Stage: { Value: 'dev' } },
    });
    const outputs = write('staged-outputs.json', { 'Dev-Api': { TableName: 'dev-orders' }, 'Other': { X: 'y' } });
    const { io, err } = memoryIo();
    expect(await runCli(['handoff', '--assembly', dir, '--outputs', outputs, '--out', path.join(tmp, 'staged-out')], io)).toBe(0);
    expect(err).toEqual([expect.stringContaining('has outputs of Other, which is not in')]);
    const doc = JSON.parse(fs.readFileSync(path.join(tmp, 'staged-out', 'handoff.json'), 'utf8')) as HandoffDocument;
    expect(doc.stacks[0]).toMatchObject({
      stackName: 'Dev-Api',
      region: 'eu-central-1',
      accessDetails: [{ outputKey: 'TableName', description: 'Orders table', value: 'dev-orders' }, { outputKey: 'Stage', description: '', value: 'dev' }],
      resources: [{ logicalId: 'Table', type: 'AWS::DynamoDB::Table', physicalName: 'dev-orders', physicalNameSource: 'outputs' }],
      configuration: { security: { evaluated: false }, budget: { status: 'not evaluated' }, reliability: { evaluated: false } },
    });
    expect(doc.stacks[0].notes).toEqual([expect.stringContaining('No DevApi1234.design-report.json')]);
  });

  test('bad input is one line and exit 2', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['handoff', '--assembly', path.join(tmp, 'nowhere')], /cannot read .*nowhere\/manifest.json: ENOENT \(is .* a cloud assembly\? run cdk synth\)/],
      [['handoff', '--assembly', assembly, '--outputs', write('bad-outputs.json', ['x'])], /is not a cdk deploy outputs file/],
      [['handoff', '--assembly', assembly, '--actuals', statusFile], /status.json is not a file written by cdk-infra-engineer actuals --json/],
      [['handoff', '--assembly', write('empty/manifest.json', { artifacts: {} }).replace(/\/manifest.json$/, '')], /no stacks in/],
    ];
    for (const [args, message] of cases) {
      const { io, err } = memoryIo();
      expect(await runCli([...args, '--out', path.join(tmp, 'unused')], io)).toBe(2);
      expect(err).toEqual([expect.stringMatching(message)]);
    }
  });

  test('security compliance per framework, with how it was computed, once the report has a security section', () => {
    const security = {
      frameworks: [
        { name: 'AwsSolutions', rulesEvaluated: 131, rulesPassed: 120, rulesAcknowledged: 9, rulesFailed: 2, rulesWaived: 0, findingsAcknowledged: 9, notApplicable: false, compliancePercent: 98.5 },
        { name: 'HIPAA.Security', rulesEvaluated: 90, rulesPassed: 85, rulesAcknowledged: 3, rulesFailed: 2, rulesWaived: 0, findingsAcknowledged: 3, notApplicable: false, compliancePercent: 97.8 },
      ],
      acknowledgements: [{ ruleId: 'AwsSolutions-IAM5', resourcePath: 'Shop/Services/api', reason: 'table index ARNs', kind: 'acknowledgement' }],
    };
    const stack = handoffStack({ stack: { artifactId: 'Shop', stackName: 'Shop', environment: 'aws://unknown-account/unknown-region', template, report: { ...report, security }, tags: {} } });
    expect(stack.metrics.slice(0, 2)).toEqual([
      expect.objectContaining({ name: 'Security compliance (AwsSolutions)', value: 98.5, display: '98.5%', source: 'Shop.design-report.json (security)' }),
      expect.objectContaining({ name: 'Security compliance (HIPAA.Security)', value: 97.8 }),
    ]);
    expect(stack.metrics[1].method).toBe('the share of the 90 HIPAA.Security rules evaluated on the template at synth with no unacknowledged finding (85 passed, 3 with acknowledged findings, 0 waived)');
    const md = renderHandoffMarkdown({ kind: 'cdk-infra-engineer/handoff', schemaVersion: 1, generatedAt: 'now', assembly: 'cdk.out', outputsFile: null, stacks: [stack] });
    expect(md).toContain('- **Security compliance** (1 acknowledged finding(s), each with a reason in the design report):');
    expect(md).toContain('  - HIPAA.Security: 97.8% (85 of 90 rules passed, 2 failed, 3 acknowledged, 0 waived)');
  });

  test('Fn::Join matching: references captured between literals, adjacent references skipped', () => {
    const t: CloudFormationTemplate = {
      Resources: { Api: { Type: 'AWS::ApiGatewayV2::Api' }, Bucket: { Type: 'AWS::S3::Bucket', Properties: { BucketName: { 'Fn::Join': ['-', ['logs', { Ref: 'AWS::AccountId' }, { Ref: 'AWS::Region' }]] } } } },
      Outputs: {
        Url: { Value: { 'Fn::Join': ['', ['https://', { Ref: 'Api' }, '.execute-api.', { Ref: 'AWS::Region' }, '.', { Ref: 'AWS::URLSuffix' }, '/']] } },
        Arn: { Value: { 'Fn::Join': [':', ['arn', { Ref: 'AWS::Partition' }, 'sns', { Ref: 'AWS::Region' }, { Ref: 'AWS::AccountId' }, 'topic']] } },
        Adjacent: { Value: { 'Fn::Join': ['', [{ Ref: 'A' }, { Ref: 'B' }]] } },
      },
    };
    const learned = learnDeployedValues(t, { Url: 'https://q1w2e3.execute-api.ap-south-1.amazonaws.com/', Arn: 'arn:aws:sns:ap-south-1:123456789012:topic', Adjacent: 'xy' });
    expect(Object.fromEntries(learned.refs)).toEqual({ 'Api': 'q1w2e3', 'AWS::Region': 'ap-south-1', 'AWS::URLSuffix': 'amazonaws.com', 'AWS::Partition': 'aws', 'AWS::AccountId': '123456789012' });
    expect(physicalNameOf('Bucket', t.Resources!.Bucket, learned)).toEqual({ name: 'logs-123456789012-ap-south-1', source: 'template' });
    expect(physicalNameOf('Bucket', t.Resources!.Bucket, { refs: new Map(), attributes: new Map() })).toBeUndefined();
  });
});
