import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { GetProductsCommand, PricingClient, ThrottlingException } from '@aws-sdk/client-pricing';
import { mockClient } from 'aws-sdk-client-mock';
import { parsePriceListEntry } from 'cdk-infra-engineer/lib/cost/catalog/price-list';
import { PricingCatalog } from 'cdk-infra-engineer/lib/cost/catalog/types';
import { memoryIo } from './memory-io';
import { endQuietlyOnClosedPipe } from '../src/closed-pipe';
import { runCli } from '../src/program';


/** Preload that runs the CLI's TypeScript against the library's sources in a child process. */
const FROM_SOURCES = path.join(__dirname, '..', '..', 'scripts', 'cli-from-sources.js');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cie-cli-'));
const write = (name: string, value: unknown) => {
  const file = path.join(tmp, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
};

const range = (expected: number) => ({ low: expected / 2, expected, high: expected * 2 });
function report(stackName: string, costs: { [id: string]: number }, extra: object = {}) {
  const total = Object.values(costs).reduce((a, b) => a + b, 0);
  return {
    schemaVersion: 1,
    stackName,
    region: 'us-east-1',
    regionAssumed: true,
    currency: 'USD',
    pricingCatalogDate: '2026-09-01',
    monthlyCost: range(total),
    freeTierDeduction: 1.5,
    budget: { monthlyUsd: 100, enforcement: 'warn', withinBudget: total <= 100 },
    resources: [
      ...Object.entries(costs).map(([logicalId, c]) => ({ logicalId, type: 'AWS::Lambda::Function', status: 'priced', monthlyCost: range(c) })),
      { logicalId: 'Role', type: 'AWS::IAM::Role', status: 'free', monthlyCost: range(0) },
    ],
    ...extra,
  };
}

describe('report', () => {
  test('prints the summary table of every stack in cdk.out', async () => {
    write('cdk.out/Api.design-report.json', report('Api', { Fn: 40, Fn2: 2.5 }));
    write('cdk.out/Web.design-report.json', report('Web', { Svc: 120 }));
    write('cdk.out/Api.template.json', {});
    const { io, out } = memoryIo();
    expect(await runCli(['report', path.join(tmp, 'cdk.out')], io)).toBe(0);
    const text = out.join('\n');
    expect(text).toMatch(/Stack\s+Region\s+Expected/);
    expect(text).toMatch(/Api\s+us-east-1 \(assumed\)\s+\$42\.50\s+\$21\.25 - \$85\.00\s+-\$1\.50\s+\$100\.00 ok\s+2\/1\/0/);
    expect(text).toMatch(/Web .*\$120\.00 .*\$100\.00 EXCEEDED/);
    expect(text).toContain('Total expected: $162.50 a month');
    expect(text).toMatch(/Api .*2\/1\/0\s+not evaluated\s+not evaluated/);
  });

  test('shows the lowest framework compliance and the reliability score when the report has them', async () => {
    write('scored/Api.design-report.json', report('Api', { Fn: 1 }, {
      security: { frameworks: [{ name: 'AwsSolutions', compliancePercent: 100 }, { name: 'HIPAA', compliancePercent: 97.5 }], acknowledgements: [] },
      reliability: { score: 83, checks: [], compositeAvailabilityPercent: 99.89 },
    }));
    const { io, out } = memoryIo();
    expect(await runCli(['report', path.join(tmp, 'scored')], io)).toBe(0);
    expect(out.join('\n')).toMatch(/97\.5% \(lowest of 2\)\s+83\/100, 99\.89% SLA/);
  });

  test('lists the stacks of stage assemblies (cdk.out/assembly-<stage>/) after the top level', async () => {
    write('staged/Tools.design-report.json', report('Tools', { Fn: 1 }));
    write('staged/assembly-Development/DevelopmentShop123.design-report.json', report('Development-Shop', { Fn: 10 }));
    write('staged/assembly-Production/ProductionShop456.design-report.json', report('Production-Shop', { Fn: 100 }));
    const { io, out } = memoryIo();
    expect(await runCli(['report', path.join(tmp, 'staged')], io)).toBe(0);
    const stacks = out.map((l) => l.split(/\s+/)[0]).filter((s) => /^(Tools|Development-Shop|Production-Shop)$/.test(s));
    expect(stacks).toEqual(['Tools', 'Development-Shop', 'Production-Shop']);
    expect(out).toContain('Total expected: $111.00 a month');
  });

  test('--parameter estimates again the stacks whose template declares it; an undeclared name is an error', async () => {
    const template = {
      Parameters: { InstanceType: { Type: 'String' } },
      Resources: { Vm: { Type: 'AWS::EC2::Instance', Properties: { InstanceType: { Ref: 'InstanceType' }, ImageId: 'ami-1' } } },
    };
    write('params/App.template.json', template);
    write('params/App.design-report.json', { ...report('App', {}), resources: [{ logicalId: 'Vm', type: 'AWS::EC2::Instance', status: 'unpriced' }] });
    const before = memoryIo();
    expect(await runCli(['report', path.join(tmp, 'params')], before.io)).toBe(0);
    expect(before.out.join('\n')).toMatch(/^App\s+us-east-1 \(assumed\)\s+\$0\.00 .* 0\/0\/1 /m);
    expect(before.out).toContain('Expected: $0.00 a month + 1 unpriced resource (not in the figures)');
    const after = memoryIo();
    expect(await runCli(['report', path.join(tmp, 'params'), '--parameter', 'InstanceType=m5.large'], after.io)).toBe(0);
    expect(after.out.join('\n')).toMatch(/^App \*\s+us-east-1 \(assumed\)\s+\$[1-9][\d.]+ .* 1\/0\/0 /m);
    expect(after.out).toContainEqual(expect.stringMatching(/^\* estimated again from the template with the --parameter values/));
    const unknown = memoryIo();
    expect(await runCli(['report', path.join(tmp, 'params'), '--parameter', 'Size=2'], unknown.io)).toBe(2);
    expect(unknown.err).toEqual(["cdk-infra-engineer: --parameter Size: declared by no stack's template (declared: InstanceType)"]);
    expect(await runCli(['report', path.join(tmp, 'params'), '--parameter', 'oops'], memoryIo().io)).toBe(2);
  });

  test('a directory without reports is a one-line error', async () => {
    const { io, err } = memoryIo();
    fs.mkdirSync(path.join(tmp, 'empty'));
    expect(await runCli(['report', path.join(tmp, 'empty')], io)).toBe(2);
    expect(err).toEqual([expect.stringMatching(/no \*\.design-report\.json in .*empty/)]);
  });
});

describe('diff', () => {
  const before = write('old.json', report('Api', { Fn: 40, Gone: 5, Same: 3 }));
  const after = write('new.json', report('Api', { Fn: 70, Same: 3, Added: 10 }));

  test('compares two cloud assemblies stack by stack, stage assemblies included', async () => {
    write('before.out/assembly-Dev/Dev.design-report.json', report('Dev-Shop', { Fn: 10 }));
    write('before.out/assembly-Prod/Prod.design-report.json', report('Prod-Shop', { Fn: 100 }));
    write('after.out/assembly-Dev/Dev.design-report.json', report('Dev-Shop', { Fn: 10 }));
    write('after.out/assembly-Prod/Prod.design-report.json', report('Prod-Shop', { Fn: 150 }));
    const { io, out } = memoryIo();
    expect(await runCli(['diff', path.join(tmp, 'before.out'), path.join(tmp, 'after.out')], io)).toBe(0);
    const text = out.join('\n');
    expect(text).toMatch(/Prod-Shop\/Fn\s+AWS::Lambda::Function\s+changed\s+\$100\.00\s+\$150\.00\s+\+\$50\.00/);
    expect(text).not.toContain('Dev-Shop/Fn');
    expect(text).toContain('Total: $110.00 -> $160.00 (+$50.00, +45.5%)');
  });

  test('prints the change per resource and in total', async () => {
    const { io, out } = memoryIo();
    expect(await runCli(['diff', before, after], io)).toBe(0);
    const text = out.join('\n');
    expect(text).toMatch(/Fn\s+AWS::Lambda::Function\s+changed\s+\$40\.00\s+\$70\.00\s+\+\$30\.00/);
    expect(text).toMatch(/Added .*added\s+-\s+\$10\.00\s+\+\$10\.00/);
    expect(text).toMatch(/Gone .*removed\s+\$5\.00\s+-\s+-\$5\.00/);
    expect(text).not.toMatch(/^Same/m);
    expect(text).toContain('Total: $48.00 -> $83.00 (+$35.00, +72.9%)');
    expect(out.findIndex((l) => l.startsWith('Fn'))).toBeLessThan(out.findIndex((l) => l.startsWith('Added')));
  });

  test.each([
    [['--fail-above-percent', '50'], 1, /\+72\.9% is above --fail-above-percent 50/],
    [['--fail-above-percent', '80'], 0, undefined],
    [['--fail-above-usd', '20'], 1, /\$35\.00 is above --fail-above-usd 20/],
    [['--fail-above-usd', '35'], 0, undefined],
  ])('thresholds %j exit %d', async (flags, code, message) => {
    const { io, err } = memoryIo();
    expect(await runCli(['diff', before, after, ...flags], io)).toBe(code);
    if (message) expect(err.join('\n')).toMatch(message);
    else expect(err).toEqual([]);
  });

  test('bad input is one line and exit 2', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['diff', path.join(tmp, 'missing.json'), after], /cannot read .*missing.json: ENOENT/],
      [['diff', write('bad.json', '{'), after], /bad.json is not JSON/],
      [['diff', write('nocost.json', { stackName: 'x' }), after], /has no cost estimate/],
      [['diff', before, after, '--fail-above-usd', '-3'], /must be a number >= 0/],
    ];
    for (const [args, message] of cases) {
      const { io, err } = memoryIo();
      expect(await runCli(args, io)).toBe(2);
      expect(err.join('\n')).toMatch(message);
    }
  });
});

/** A PriceList entry in the Query API's wire format. */
function priceListEntry(sku: string, usagetype: string, regionCode: string, dims: Array<{ begin: string; end: string; usd: string; unit: string }>) {
  return JSON.stringify({
    product: { productFamily: 'Serverless', attributes: { regionCode, usagetype, servicecode: 'AWSLambda' }, sku },
    serviceCode: 'AWSLambda',
    terms: {
      OnDemand: {
        [sku]: {
          [`${sku}.JRTCKXETXF`]: {
            offerTermCode: 'JRTCKXETXF',
            sku,
            effectiveDate: '2026-10-01T00:00:00Z',
            termAttributes: {},
            priceDimensions: Object.fromEntries(dims.map((d, i) => [`${sku}.JRTCKXETXF.RATE${i}`, {
              rateCode: `${sku}.JRTCKXETXF.RATE${i}`, description: 'x', unit: d.unit, beginRange: d.begin, endRange: d.end, appliesTo: [], pricePerUnit: { USD: d.usd },
            }])),
          },
        },
      },
    },
    version: '20261001000000',
    publicationDate: '2026-10-01T00:00:00Z',
  });
}

const baseCatalog: PricingCatalog = {
  schemaVersion: 1,
  version: 'test',
  effectiveDate: '2026-09-01',
  currency: 'USD',
  freeTier: [],
  sources: [{ id: 's', description: 'test', date: '2026-09-01' }],
  regions: {
    'us-east-1': {
      'AWSLambda:Request': { serviceCode: 'AWSLambda', usageType: 'Request', unit: 'Requests', tiers: [{ beginRange: 0, endRange: null, usd: 0.0000002 }], source: 's' },
      'AWSLambda:Lambda-GB-Second': { serviceCode: 'AWSLambda', usageType: 'Lambda-GB-Second', unit: 'Lambda-GB-Second', tiers: [{ beginRange: 0, endRange: null, usd: 0.00001 }], source: 's' },
      'AmazonECS:Fargate-GB-Hours': { serviceCode: 'AmazonECS', usageType: 'Fargate-GB-Hours', usageTypeStyle: 'always', unit: 'hours', tiers: [{ beginRange: 0, endRange: null, usd: 0.004445 }], source: 's' },
    },
  },
};

describe('pricing refresh (aws-sdk-client-mock, Price List wire format)', () => {
  const pricing = mockClient(PricingClient);
  const creds = { AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE' };
  const deps = (extra: object = {}) => ({ client: new PricingClient({ region: 'us-east-1' }), resolveCredentials: async () => ({ accessKeyId: 'x' }), sleep: async () => {}, today: () => '2026-10-02', baseCatalog, fileExists: () => false, ...extra });
  beforeEach(() => pricing.reset());

  test('parses tiers, follows NextToken, retries throttling, and prints progress and what changed', async () => {
    const usageType = (input: any) => input.Filters.find((f: any) => f.Field === 'usagetype').Value;
    const region = (input: any) => input.Filters.find((f: any) => f.Field === 'regionCode').Value;
    pricing.on(GetProductsCommand).callsFake((input) => {
      const ut = usageType(input);
      if (ut === 'Request') return { PriceList: [priceListEntry('REQ1', 'Request', 'us-east-1', [{ begin: '0', end: 'Inf', usd: '0.0000002000', unit: 'Requests' }])] };
      if (ut === 'Lambda-GB-Second' && !input.NextToken) return { PriceList: [], NextToken: 'page2' };
      if (ut === 'Lambda-GB-Second') {
        return {
          PriceList: [priceListEntry('GBS1', 'Lambda-GB-Second', 'us-east-1', [
            { begin: '6000000000', end: '15000000000', usd: '0.0000150000', unit: 'Lambda-GB-Second' },
            { begin: '0', end: '6000000000', usd: '0.0000166667', unit: 'Lambda-GB-Second' },
            { begin: '15000000000', end: 'Inf', usd: '0.0000133334', unit: 'Lambda-GB-Second' },
          ])],
        };
      }
      if (ut === 'USW2-Request') return { PriceList: [priceListEntry('REQW', 'USW2-Request', region(input), [{ begin: '0', end: 'Inf', usd: '0.0000002000', unit: 'Requests' }])] };
      return { PriceList: [] };
    });
    // The first call is throttled, then answered.
    pricing.on(GetProductsCommand, { Filters: [{ Type: 'TERM_MATCH', Field: 'regionCode', Value: 'us-east-1' }, { Type: 'TERM_MATCH', Field: 'usagetype', Value: 'USE1-Fargate-GB-Hours' }] })
      .rejectsOnce(new ThrottlingException({ message: 'Rate exceeded', $metadata: { httpStatusCode: 429 } }))
      .resolves({ PriceList: [priceListEntry('FGB1', 'USE1-Fargate-GB-Hours', 'us-east-1', [{ begin: '0', end: 'Inf', usd: '0.0044450000', unit: 'hours' }])] });
    const out = path.join(tmp, 'refreshed.json');
    const { io, out: lines, err } = memoryIo(creds);
    expect(await runCli(['pricing', 'refresh', '--regions', 'us-east-1,us-west-2', '--out', out], io, deps())).toBe(0);

    const calls = pricing.commandCalls(GetProductsCommand).map((c) => c.args[0].input);
    expect(calls.filter((c) => c.Filters!.some((f) => f.Value === 'Lambda-GB-Second'))).toHaveLength(2);
    expect(calls.find((c) => c.NextToken === 'page2')).toBeDefined();
    expect(calls.filter((c) => c.Filters!.some((f) => f.Value === 'USE1-Fargate-GB-Hours' && c.Filters![0].Value === 'us-east-1'))).toHaveLength(2);
    expect(calls.every((c) => c.ServiceCode && c.FormatVersion === 'aws_v1' && c.Filters!.every((f) => f.Type === 'TERM_MATCH'))).toBe(true);

    const catalog = JSON.parse(fs.readFileSync(out, 'utf8')) as PricingCatalog;
    expect(catalog.effectiveDate).toBe('2026-10-02');
    expect(catalog.regions['us-east-1']['AWSLambda:Lambda-GB-Second'].tiers).toEqual([
      { beginRange: 0, endRange: 6e9, usd: 0.0000166667 },
      { beginRange: 6e9, endRange: 15e9, usd: 0.000015 },
      { beginRange: 15e9, endRange: null, usd: 0.0000133334 },
    ]);
    expect(catalog.regions['us-east-1']['AWSLambda:Lambda-GB-Second'].source).toBe('price-list:GBS1');
    expect(catalog.sources.find((s) => s.id === 'price-list:GBS1')).toMatchObject({ date: '2026-10-01' });
    expect(catalog.regions['us-west-2']['AWSLambda:Request'].tiers).toEqual([{ beginRange: 0, endRange: null, usd: 0.0000002 }]);

    const summary = lines.join('\n');
    expect(summary).toMatch(/1 changed, 1 added, 2 unchanged/);
    expect(summary).toMatch(/changed us-east-1 AWSLambda:Lambda-GB-Second: \$0.00001 per Lambda-GB-Second -> \$0.0000166667 to 6000000000/);
    expect(summary).toMatch(/added {3}us-west-2 AWSLambda:Request/);
    expect(summary).toMatch(/not found: us-west-2 AWSLambda USW2-Lambda-GB-Second/);
    expect(err.join('')).toMatch(/\[#{30}\] 6\/6 done/);
  });

  test('missing credentials fail fast with one line and no Price List call', async () => {
    const { io, err } = memoryIo({});
    const started = Date.now();
    expect(await runCli(['pricing', 'refresh', '--regions', 'us-east-1'], io, deps())).toBe(2);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(err).toEqual([expect.stringMatching(/^cdk-infra-engineer: no AWS credentials found: .*AWS_PROFILE/)]);
    expect(pricing.commandCalls(GetProductsCommand)).toHaveLength(0);
  });

  test('credentials that do not resolve fail with one line', async () => {
    const { io, err } = memoryIo({ AWS_PROFILE: 'nope' });
    const code = await runCli(['pricing', 'refresh', '--regions', 'us-east-1'], io, deps({ resolveCredentials: async () => { throw new Error('Could not load credentials from any providers\nmore'); } }));
    expect(code).toBe(2);
    expect(err).toEqual(['cdk-infra-engineer: AWS credentials could not be resolved (Could not load credentials from any providers): pricing refresh calls the AWS Price List Query API (pricing:GetProducts); set AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY']);
  });

  test('persistent throttling and bad regions are clear errors', async () => {
    pricing.on(GetProductsCommand).rejects(new ThrottlingException({ message: 'Rate exceeded', $metadata: {} }));
    const a = memoryIo(creds);
    expect(await runCli(['pricing', 'refresh', '--regions', 'us-east-1'], a.io, deps())).toBe(2);
    expect(a.err.join('\n')).toMatch(/GetProducts failed after 6 throttled attempts: Rate exceeded/);
    const b = memoryIo(creds);
    expect(await runCli(['pricing', 'refresh', '--regions', 'moon-1'], b.io, deps())).toBe(2);
    expect(b.err.join('\n')).toMatch(/region 'moon-1' is not an AWS region code/);
  });

  test('a leading $0 tier is a free allowance, kept apart from the price', () => {
    const parsed = parsePriceListEntry(priceListEntry('SQS1', 'Requests-RBP', 'us-east-1', [
      { begin: '0', end: '1000000', usd: '0.0000000000', unit: 'Requests' },
      { begin: '1000000', end: 'Inf', usd: '0.0000004000', unit: 'Requests' },
    ]));
    expect(parsed.freeUnits).toBe(1e6);
    expect(parsed.tiers).toEqual([{ beginRange: 0, endRange: null, usd: 0.0000004 }]);
    expect(() => parsePriceListEntry('{}')).toThrow(/no product.sku/);
  });
});

describe('pricing refresh --from-offer-files', () => {
  const fixtures = path.join(__dirname, '..', '..', 'test', 'cost', 'fixtures', 'offer-files');

  test('rebuilds the catalog from downloaded offer files, without credentials or an AWS call', async () => {
    const out = path.join(tmp, 'offer-catalog.json');
    const { io, out: lines, err } = memoryIo({});
    expect(await runCli(['pricing', 'refresh', '--from-offer-files', fixtures, '--regions', 'us-east-1', '--out', out], io, { fileExists: () => false })).toBe(0);
    const catalog = JSON.parse(fs.readFileSync(out, 'utf8')) as PricingCatalog;
    expect(catalog.version).toMatch(/-offer-files$/);
    expect(lines[0]).toMatch(new RegExp(`^Wrote ${out.replace(/[.]/g, '\\.')}: \\d+ changed, \\d+ added, \\d+ unchanged`));
    expect(err).toContainEqual(expect.stringMatching(/^read .*AmazonEC2.index\.csv: AmazonEC2 \d+ \(csv\), \d+ of \d+ rows priced a catalog dimension$/));
  });

  test('no files, or neither source, is a one-line error', async () => {
    const empty = fs.mkdtempSync(path.join(tmp, 'no-offers-'));
    const a = memoryIo();
    expect(await runCli(['pricing', 'refresh', '--from-offer-files', empty], a.io)).toBe(2);
    expect(a.err).toEqual([expect.stringMatching(/^cdk-infra-engineer: pricing refresh --from-offer-files: no offer files/)]);
    const b = memoryIo();
    expect(await runCli(['pricing', 'refresh'], b.io)).toBe(2);
    expect(b.err).toEqual(['cdk-infra-engineer: pricing refresh needs --regions (the Price List Query API) or --from-offer-files (downloaded offer files)']);
  });
});

test('the entry point runs end to end (ts-node)', () => {
  const before = write('e2e-old.json', report('Api', { Fn: 10 }));
  const after = write('e2e-new.json', report('Api', { Fn: 30 }));
  const main = path.join(__dirname, '..', 'src', 'main.ts');
  const run = (args: string[]) => {
    try {
      return { code: 0, out: execFileSync(process.execPath, ['-r', FROM_SOURCES, main, ...args], { encoding: 'utf8', stdio: 'pipe', env: { ...process.env } }) };
    } catch (e: any) {
      return { code: e.status as number, out: String(e.stdout) + String(e.stderr) };
    }
  };
  const ok = run(['diff', before, after]);
  expect(ok.code).toBe(0);
  expect(ok.out).toContain('Total: $10.00 -> $30.00 (+$20.00, +200.0%)');
  expect(run(['diff', before, after, '--fail-above-percent', '10']).code).toBe(1);
  expect(run(['--help']).out).toMatch(/report .*\n.*diff/s);
});

test('output to a closed pipe ends quietly with exit 0 (report | head -1)', () => {
  const costs = Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`Fn${i}`, i]));
  const before = write('pipe-old.json', report('Api', {}));
  const after = write('pipe-new.json', report('Api', costs));
  const main = path.join(__dirname, '..', 'src', 'main.ts');
  const result = spawnSync('bash', ['-o', 'pipefail', '-c', `"${process.execPath}" -r "${FROM_SOURCES}" "${main}" diff "${before}" "${after}" | head -1`], { encoding: 'utf8' });
  expect(result.stdout).toBe(`Monthly cost change (expected, USD): ${before} -> ${after}\n`);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
});

test('a closed pipe is exit 0; any other stream error is thrown', () => {
  const listeners: Array<(e: NodeJS.ErrnoException) => void> = [];
  const exits: number[] = [];
  endQuietlyOnClosedPipe({ on: (_event, listener) => listeners.push(listener) }, (code) => exits.push(code));
  listeners[0](Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
  expect(exits).toEqual([0]);
  expect(() => listeners[0](Object.assign(new Error('disk full'), { code: 'ENOSPC' }))).toThrow('disk full');
});
