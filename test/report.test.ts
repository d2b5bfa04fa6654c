import { DecisionArea } from '../src/design';
import { DesignReport } from '../src/report/model';
import { renderMarkdown } from '../src/report/render-markdown';

const base: DesignReport = {
  schemaVersion: 1,
  stackName: 'Shop',
  region: 'eu-west-1',
  regionAssumed: false,
  environment: 'production',
  currency: 'USD',
  pricingCatalogDate: '2026-09-01',
  monthlyCost: { low: 10, expected: 20.5, high: 41 },
  freeTierDeduction: 1.25,
  budget: { monthlyUsd: 15, enforcement: 'fail-synth', withinBudget: false, message: 'Expected $20.50 exceeds the $15.00 budget; top drivers: NAT $10.00' },
  costAssumptions: ['A month is 730 hours.'],
  resources: [
    { logicalId: 'Cheap', type: 'AWS::SQS::Queue', status: 'priced', monthlyCost: { low: 0.2, expected: 0.4, high: 0.8 }, lineItems: [{ description: 'Requests', unit: '1M requests', quantity: 1, unitPrice: 0.4, monthlyCost: 0.4 }] },
    {
      logicalId: 'Nat',
      type: 'AWS::EC2::NatGateway',
      status: 'priced',
      monthlyCost: { low: 32.85, expected: 32.85, high: 32.85 },
      assumptions: ['runs 730 hours'],
      lineItems: [{ description: 'NAT gateway hours', unit: 'hour', quantity: 730, unitPrice: 0.045, monthlyCost: 32.85 }],
    },
    { logicalId: 'Role', type: 'AWS::IAM::Role', status: 'free', monthlyCost: { low: 0, expected: 0, high: 0 }, reason: 'IAM is free' },
    { logicalId: 'Thing', type: 'AWS::Foo::Bar', status: 'unpriced', reason: 'no model for AWS::Foo::Bar' },
  ],
  components: [{ name: 'api', role: 'service', technology: 'AWS Lambda + API Gateway HTTP API', summary: '512 MiB | arm64' }],
  decisions: [
    { area: DecisionArea.COMPUTE, subject: 'api', choice: 'Lambda', rationale: 'low traffic', alternatives: [{ option: 'Fargate', whyNot: 'always on' }] },
    { area: DecisionArea.EDGE, subject: 'api', choice: 'HTTP API', rationale: 'cheap', alternatives: [] },
    { area: DecisionArea.EDGE, subject: 'shop', choice: 'domain recorded', rationale: 'no zone', alternatives: [] },
  ],
  dataFlows: [],
  placeholders: ['api'],
  security: {
    frameworks: [
      { name: 'AwsSolutions', rulesEvaluated: 40, rulesPassed: 38, rulesAcknowledged: 2, rulesFailed: 0, rulesWaived: 0, findingsAcknowledged: 2, notApplicable: false, compliancePercent: 100 },
      { name: 'Serverless', rulesEvaluated: 0, rulesPassed: 0, rulesAcknowledged: 0, rulesFailed: 0, rulesWaived: 0, findingsAcknowledged: 0, notApplicable: true, compliancePercent: 100 },
    ],
    acknowledgements: [{ ruleId: 'AwsSolutions-ELB2', resourcePath: 'Shop/Web/LB', reason: 'Logs go elsewhere.', kind: 'library exemption' }],
  },
  reliability: { score: 80, compositeAvailabilityPercent: 99.9, checks: [{ name: 'multi-AZ', passed: false, reason: 'one AZ' }] },
  accessDetails: [{ outputKey: 'EndpointApi', description: 'API | URL', value: '{"Fn::GetAtt":["Api","Endpoint"]}' }],
};

describe('Markdown report', () => {
  const md = renderMarkdown(base);

  test('summary names cost, free tier, budget state, compliance and reliability', () => {
    expect(md).toContain('| Monthly cost (expected) | $20.50 (low $10.00, high $41.00), $1.25 less with the free tier |');
    expect(md).toContain('| Budget | $15.00 a month, fail-synth: **exceeded** |');
    expect(md).toContain('| Security compliance | AwsSolutions 100%, Serverless not applicable |');
    expect(md).toContain('| Reliability score | 80/100 |');
    expect(md).toContain('> **Placeholders:** api runs placeholder code');
  });

  test('resources are sorted by expected cost, with how each figure was computed', () => {
    const nat = md.indexOf('| Nat | AWS::EC2::NatGateway |');
    const cheap = md.indexOf('| Cheap | AWS::SQS::Queue |');
    const role = md.indexOf('| Role | AWS::IAM::Role |');
    expect(nat).toBeGreaterThan(0);
    expect(nat).toBeLessThan(cheap);
    expect(cheap).toBeLessThan(role);
    expect(md).toContain('NAT gateway hours: 730 × hour @ $0.045');
    expect(md).toContain('### Unpriced resources');
    expect(md).toContain('- Thing (AWS::Foo::Bar): no model for AWS::Foo::Bar');
    expect(md).toContain('- Nat: runs 730 hours');
    expect(md).toContain('> **Budget:** Expected $20.50 exceeds the $15.00 budget');
  });

  test('security and reliability sections list frameworks, acknowledgements and checks', () => {
    expect(md).toContain('| AwsSolutions | 40 | 38 | 0 | 2 | 0 | 100% |');
    expect(md).toContain('| Serverless | 0 | 0 | 0 | 0 | 0 | not applicable |');
    expect(md).toContain('| AwsSolutions-ELB2 | Shop/Web/LB | library exemption | Logs go elsewhere. |');
    expect(md).toContain('| multi-AZ | FAIL | one AZ |');
  });

  test('table cells escape pipes; the diagram only links users to services it knows', () => {
    expect(md).toContain('| EndpointApi | API \\| URL |');
    expect(md).toContain('512 MiB \\| arm64');
    expect(md).toContain('users --> api');
    expect(md).not.toContain('users --> shop');
  });

  test('$0.00 rows, assumptions and acknowledgements are collapsed; what costs stays in the table', () => {
    const table = md.slice(md.indexOf('## Cost'), md.indexOf('<details>', md.indexOf('## Cost')));
    expect(table).toContain('| Nat | AWS::EC2::NatGateway |');
    expect(table).not.toContain('| Role |');
    expect(md).toMatch(/<details>\n<summary>1 resources at \$0\.00 expected \(free, or no usage assumed\)<\/summary>\n\n\| Resource \| Type .*\n.*\n\| Role \| AWS::IAM::Role \| free \| \$0\.00 /);
    expect(md).toMatch(/<summary>Assumptions \(2\)<\/summary>\n\n- A month is 730 hours\.\n- Nat: runs 730 hours\n<\/details>/);
    expect(md).toMatch(/<summary>Acknowledgements \(1\)[^<]*<\/summary>\n\n\| Rule \| Resource \| How \| Reason \|/);
  });

  test('the decisions come right after the summary, before the architecture and the cost', () => {
    expect(md.indexOf('## Decisions')).toBeLessThan(md.indexOf('## Architecture'));
    expect(md.indexOf('## Architecture')).toBeLessThan(md.indexOf('## Cost'));
    expect(md.indexOf('## Decisions')).toBeGreaterThan(md.indexOf('| Reliability score |'));
  });

  test('resources of nested stacks are named by their nested stack', () => {
    const nested = renderMarkdown({ ...base, resources: [{ logicalId: 'Fn', type: 'AWS::Lambda::Function', status: 'priced', nestedStack: 'Inner', monthlyCost: { low: 1, expected: 2, high: 4 } }] });
    expect(nested).toContain('| Inner/Fn | AWS::Lambda::Function | priced | $2.00 |');
  });

  test('output values show what is known instead of CloudFormation JSON', () => {
    const withUrl = renderMarkdown({
      ...base,
      accessDetails: [
        { outputKey: 'EndpointApi', description: 'API URL', value: JSON.stringify({ 'Fn::Join': ['', ['https://', { Ref: 'ApiF2D8' }, '.execute-api.', { Ref: 'AWS::Region' }, '.', { Ref: 'AWS::URLSuffix' }, '/']] }) },
        { outputKey: 'DbEndpoint', description: 'Writer', value: JSON.stringify({ 'Fn::GetAtt': ['Cluster1', 'Endpoint.Address'] }) },
        { outputKey: 'Plain', description: 'A literal', value: 'hello' },
        { outputKey: 'Odd', description: 'Unknown function', value: JSON.stringify({ 'Fn::Base64': 'x' }) },
      ],
    });
    expect(withUrl).toContain('| EndpointApi | API URL | `https://<ApiF2D8>.execute-api.eu-west-1.amazonaws.com/` |');
    expect(withUrl).toContain('| DbEndpoint | Writer | `<Cluster1.Endpoint.Address>` |');
    expect(withUrl).toContain('| Plain | A literal | `hello` |');
    expect(withUrl).toContain('| Odd | Unknown function | `{"Fn::Base64":"x"}` |');
    const assumed = renderMarkdown({ ...base, regionAssumed: true, accessDetails: [{ outputKey: 'R', description: 'region', value: '{"Ref":"AWS::Region"}' }] });
    expect(assumed).toContain('| R | region | `<AWS::Region>` |');
  });

  test('sections not evaluated say so', () => {
    const bare = renderMarkdown({ ...base, monthlyCost: null, security: null, reliability: null, budget: null, accessDetails: [] });
    expect(bare).toContain('| Monthly cost (expected) | not estimated |');
    expect(bare).toContain('## Security\n\nNot evaluated for this stack.');
    expect(bare).toContain('## Reliability\n\nNot evaluated for this stack.');
    expect(bare).toContain('## Access details\n\nNone.');
  });
});
