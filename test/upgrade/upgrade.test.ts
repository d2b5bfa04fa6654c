import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { upgradeCases } from './cases';
import { ReducedTemplate, reduceTemplate, replacements } from './replacement';
import { ApplicationStack } from '../../src/app';

const BASELINE = path.join(__dirname, 'baseline');

describe('upgrading from the last release replaces no stateful resource and no subnet', () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cie-upgrade-'));
  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

  // One app per case, each stack with the baseline's id, so names derived from the path match.
  test.each(upgradeCases())('%s', (name, requirements) => {
    const app = new App({ outdir: path.join(outdir, name) });
    const stack = new ApplicationStack(app, 'App', { requirements, designReport: false });
    const after = reduceTemplate(app.synth().getStackArtifact(stack.artifactId).template);
    const before: ReducedTemplate = JSON.parse(fs.readFileSync(path.join(BASELINE, `${name}.json`), 'utf8'));
    expect(replacements(before, after)).toEqual([]);
  });

  test('the comparison catches a moved subnet, a removed table and a lost Retain', () => {
    const before: ReducedTemplate = {
      Subnet: { Type: 'AWS::EC2::Subnet', Properties: { CidrBlock: '10.0.0.0/22' } },
      Table: { Type: 'AWS::DynamoDB::Table', DeletionPolicy: 'Retain', Properties: {} },
      Bucket: { Type: 'AWS::S3::Bucket', DeletionPolicy: 'Retain', Properties: {} },
    };
    const after: ReducedTemplate = {
      Subnet: { Type: 'AWS::EC2::Subnet', Properties: { CidrBlock: '10.0.4.0/22' } },
      Bucket: { Type: 'AWS::S3::Bucket', DeletionPolicy: 'Delete', Properties: {} },
    };
    expect(replacements(before, after)).toEqual([
      'Subnet (AWS::EC2::Subnet) CidrBlock: "10.0.0.0/22" -> "10.0.4.0/22"',
      'Table (AWS::DynamoDB::Table) is removed',
      'Bucket (AWS::S3::Bucket) DeletionPolicy: Retain -> Delete',
    ]);
  });
});
