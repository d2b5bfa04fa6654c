import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { ApplicationStack } from '../src/app';
import { InfrastructureDesign } from '../src/design';
import { assessReliability, compositeAvailability, inSeries } from '../src/reliability';
import { ApplicationRequirements, DataStoreKind, EnvironmentTier, WorkloadType } from '../src/requirements';

function build(requirements: ApplicationRequirements) {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cie-rel-'));
  const app = new App({ outdir });
  const stack = new ApplicationStack(app, 'App', { requirements });
  const assembly = app.synth();
  const template = assembly.getStackArtifact(stack.artifactId).template;
  const report = JSON.parse(fs.readFileSync(path.join(outdir, 'App.design-report.json'), 'utf8'));
  return { stack, template, report, assessment: assessReliability(stack.design, template) };
}

const withDatabase = (environment: EnvironmentTier, availability: ApplicationRequirements['availability']): ApplicationRequirements => ({
  name: 'app',
  environment,
  availability,
  services: [{ name: 'api', workload: WorkloadType.HTTP_API, dataStores: ['db', 'files'] }],
  dataStores: [{ name: 'db', kind: DataStoreKind.RELATIONAL, storageGb: 10 }, { name: 'files', kind: DataStoreKind.OBJECT_STORAGE }],
});

describe('composite availability', () => {
  test('multiplies the published SLAs along a request path (hand-computed)', () => {
    const design = InfrastructureDesign.fromRequirements({
      name: 'app',
      environment: EnvironmentTier.PRODUCTION,
      services: [{ name: 'api', workload: WorkloadType.HTTP_API, dataStores: ['orders'] }],
      dataStores: [{ name: 'orders', kind: DataStoreKind.KEY_VALUE }],
    });
    // API Gateway 99.95% x Lambda 99.95% x DynamoDB 99.99% = 0.9995 * 0.9995 * 0.9999 = 99.890%
    expect(compositeAvailability(design).composite).toBe(99.89);
    expect(inSeries([99.95, 99.95, 99.99])).toBeCloseTo(99.89002, 4);
  });

  test('a target the architecture cannot meet is a warning naming the weakest component', () => {
    const { stack } = build({
      name: 'app',
      environment: EnvironmentTier.PRODUCTION,
      availability: { targetPercent: 99.95 },
      services: [{ name: 'site', workload: WorkloadType.STATIC_SITE }],
    });
    Annotations.fromStack(stack).hasWarning('/App', Match.stringLikeRegexp(
      "targetPercent 99.95 is above .* 99.9% on the 'site' request path, whose weakest component is Amazon CloudFront \\(99.9%\\)\\. "
      + 'To meet it: set requirements.availability.targetPercent to 99.9'));
  });
});

describe('reliability score', () => {
  test('is written into the report with every check and its reason', () => {
    const { report, assessment } = build(withDatabase(EnvironmentTier.PRODUCTION, { rpoMinutes: 60, rtoMinutes: 60 }));
    expect(report.reliability.score).toBe(assessment.score);
    expect(report.reliability.checks.length).toBeGreaterThan(8);
    expect(report.reliability.compositeAvailabilityPercent).toBe(assessment.compositeAvailabilityPercent);
    for (const c of report.reliability.checks) expect(c.reason.length).toBeGreaterThan(10);
    expect(report.reliability.checks.find((c: any) => c.name === 'alarms on every compute and data resource')).toEqual(expect.objectContaining({ passed: true }));
    expect(report.reliability.checks.find((c: any) => c.name === 'dead-letter queues for asynchronous work').passed).toBe(true);
  });

  test('goes down from multi-AZ to single-AZ', () => {
    // Staging with a long RTO has no database reader; production has one.
    const multi = build(withDatabase(EnvironmentTier.PRODUCTION, { targetPercent: 99.9, rpoMinutes: 60, rtoMinutes: 600 })).assessment;
    const single = build(withDatabase(EnvironmentTier.STAGING, { targetPercent: 99.9, rpoMinutes: 60, rtoMinutes: 600 })).assessment;
    expect(multi.checks.find((c) => c.name === 'db: standby in another AZ')!.passed).toBe(true);
    expect(single.checks.find((c) => c.name === 'db: standby in another AZ')!.passed).toBe(false);
    expect(single.score).toBeLessThan(multi.score);
    expect(single.compositeAvailabilityPercent).toBeLessThan(multi.compositeAvailabilityPercent);
  });

  test('goes down when the RPO tightens from 24 hours to zero', () => {
    const relaxed = build(withDatabase(EnvironmentTier.PRODUCTION, { rpoMinutes: 1440, rtoMinutes: 600 })).assessment;
    const strict = build(withDatabase(EnvironmentTier.PRODUCTION, { rpoMinutes: 0, rtoMinutes: 600 })).assessment;
    const check = (a: typeof strict) => a.checks.find((c) => c.name === 'db: recovery point within the RPO')!;
    expect(check(relaxed).passed).toBe(true);
    expect(check(strict).passed).toBe(false);
    expect(check(strict).reason).toContain('RPO 0 min');
    expect(strict.score).toBeLessThan(relaxed.score);
  });
});
