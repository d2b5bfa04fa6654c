import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, CfnResource, CustomResource, NestedStack, Stack, Validations } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { ApplicationStack } from '../../src/app';
import { FunctionService, KeyValueTable, MessageQueue, ObjectStore } from '../../src/blocks';
import { ComplianceFramework, DataStoreKind, EnvironmentTier, WorkloadType } from '../../src/requirements';
import { Acknowledgements, ComplianceEvaluation, SecurityPolicy, SecurityRule } from '../../src/security';

const BLOCKED = { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true };
const REASON = 'Reviewed with the security team: this finding is accepted here for a documented reason.';
const requirements = {
  name: 'shop',
  environment: EnvironmentTier.PRODUCTION,
  services: [{ name: 'api', workload: WorkloadType.HTTP_API, dataStores: ['orders', 'files', 'jobs'] }],
  dataStores: [
    { name: 'orders', kind: DataStoreKind.KEY_VALUE },
    { name: 'files', kind: DataStoreKind.OBJECT_STORAGE },
    { name: 'jobs', kind: DataStoreKind.QUEUE },
  ],
};

function tempApp(): App {
  return new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'cie-bypass-')) });
}

/** Synthesizes and returns the error message (or '' when synth passed) and the stack's evaluation. */
function synth(app: App, stack: { security?: { lastEvaluation?: ComplianceEvaluation } }): { message: string; evaluation: ComplianceEvaluation } {
  let message = '';
  try {
    app.synth();
  } catch (e) {
    message = (e as Error).message;
  }
  fs.rmSync(app.outdir, { recursive: true, force: true });
  return { message, evaluation: stack.security!.lastEvaluation! };
}

describe('every bypass of the issue fails synth on the final template, naming the rule, the path and the fix', () => {
  let message: string;
  let evaluation: ComplianceEvaluation;
  beforeAll(() => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const app = tempApp();
    const stack = new ApplicationStack(app, 'Shop', { requirements, designReport: false });
    const data = stack.node.findChild('Data');
    const bucket = (data.node.findChild('files') as ObjectStore).bucket as s3.Bucket;
    const table = (data.node.findChild('orders') as KeyValueTable).table as dynamodb.Table;
    const queue = (data.node.findChild('jobs') as MessageQueue).queue as sqs.Queue;
    const api = (stack.node.findChild('Services').node.findChild('api') as FunctionService).lambdaFunction as lambda.Function;

    // 1. Block public access off by override, and a public-read bucket policy.
    (bucket.node.defaultChild as CfnResource).addPropertyOverride('PublicAccessBlockConfiguration',
      { BlockPublicAcls: false, BlockPublicPolicy: false, IgnorePublicAcls: false, RestrictPublicBuckets: false });
    bucket.addToResourcePolicy(new iam.PolicyStatement({ principals: [new iam.AnyPrincipal()], actions: ['s3:GetObject'], resources: [bucket.arnForObjects('*')] }));
    // Acknowledging other findings of the same resource with a good reason changes nothing.
    Acknowledgements.of(bucket).acknowledge({ ruleId: 'AwsSolutions-S2', reason: REASON });
    // 2. The library's production table: deleted with the stack, unprotected, no PITR.
    const cfnTable = table.node.defaultChild as CfnResource;
    cfnTable.addOverride('DeletionPolicy', 'Delete');
    cfnTable.addPropertyOverride('DeletionProtectionEnabled', false);
    cfnTable.addPropertyOverride('PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled', false);
    // 3. SQS SSE off by override.
    (queue.node.defaultChild as CfnResource).addPropertyOverride('SqsManagedSseEnabled', false);
    // 4. Raw CfnResources: a public-read-write bucket, an unencrypted file system, an open OpenSearch domain.
    new CfnResource(stack, 'RawBucket', { type: 'AWS::S3::Bucket', properties: { AccessControl: 'PublicReadWrite' } });
    new CfnResource(stack, 'RawFileSystem', { type: 'AWS::EFS::FileSystem', properties: { Encrypted: false } });
    new CfnResource(stack, 'RawSearch', {
      type: 'AWS::OpenSearchService::Domain',
      properties: { AccessPolicies: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'es:*', Resource: '*' }] }, EncryptionAtRestOptions: { Enabled: false } },
    });
    // 5. A function URL without auth on the library's API function; a public database in a public subnet.
    api.addFunctionUrl({ authType: lambda.FunctionUrlAuthType.NONE });
    const db = new rds.DatabaseInstance(stack, 'PublicDb', {
      engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }),
      vpc: new ec2.Vpc(stack, 'PublicVpc', { maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'public', subnetType: ec2.SubnetType.PUBLIC }] }),
      vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
      publiclyAccessible: true,
    });
    // 6. Secrets in environment variables under names the old rule did not know.
    api.addEnvironment('DATABASE_URL', 'postgres://admin:S3cret@host/db');
    api.addEnvironment('STRIPE_SK', 'sk_live_51HxYzAbCdEfGhIjKlMn');
    api.addEnvironment('JWT_SIGNING_KEY', 'q8Fz2LmP0vX7rT4wKc9B1nY6');
    // 7. CDK's acknowledge with an empty reason; an App-level exemption marker; a user function as a service token.
    Validations.of(db).acknowledge({ id: 'AwsSolutions-RDS3', reason: '' });
    app.node.addMetadata('cdk-infra-engineer:exemption', { rules: ['RDSInstancePublicAccess', 'DatabaseNotPublic'], reason: REASON });
    const handler = new lambda.Function(stack, 'MyHandler', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler=async()=>({})') });
    new CustomResource(stack, 'MyResource', { serviceToken: handler.functionArn });
    ({ message, evaluation } = synth(app, stack));
  });
  afterAll(() => jest.restoreAllMocks());

  const expectFinding = (ruleId: string, pathPart: string, detail: RegExp) => {
    const f = evaluation.findings.find((x) => x.ruleId === ruleId && x.resourcePath.includes(pathPart) && detail.test(x.description));
    expect({ ruleId, pathPart, detail: String(detail), found: f !== undefined }).toEqual({ ruleId, pathPart, detail: String(detail), found: true });
    expect(f!.fix).toMatch(new RegExp(`Acknowledgements\\.of\\(.*acknowledge\\(\\{ ruleId: '${ruleId.replace(/[.[\]]/g, '\\$&')}'`));
    expect(message).toContain(`[${ruleId}] ${f!.resourcePath}`);
  };

  test('synth fails with one clear message', () => {
    expect(message).toMatch(/^\d+ finding\(s\) stop synthesis:/);
    expect(message).toContain('What: ');
    expect(message).toContain('Fix: ');
  });
  test('public bucket by override and policy', () => {
    expectFinding('CdkInfraEngineer-S3PublicAccessBlocked', 'Shop/Data/files', /BlockPublicAcls is false/);
    expectFinding('CdkInfraEngineer-ResourcePolicyNotPublic', 'Shop/Data/files', /allows s3:GetObject to principal '\*'/);
  });
  test('the production table: deleted with the stack, unprotected, no point-in-time recovery', () => {
    expectFinding('CdkInfraEngineer-StatefulResourceRetained', 'Shop/Data/orders', /DeletionPolicy is "Delete"/);
    expectFinding('CdkInfraEngineer-DeletionProtected', 'Shop/Data/orders', /DeletionProtectionEnabled is false/);
    expectFinding('CdkInfraEngineer-BackupsEnabled', 'Shop/Data/orders', /PointInTimeRecoveryEnabled is false/);
  });
  test('queue encryption off by override', () => {
    expectFinding('CdkInfraEngineer-EncryptedAtRest', 'Shop/Data/jobs', /SqsManagedSseEnabled is false/);
  });
  test('raw CfnResources: public ACL, unencrypted file system, open and unencrypted search domain', () => {
    expectFinding('CdkInfraEngineer-S3NoPublicAcl', 'Shop/RawBucket', /AccessControl is PublicReadWrite/);
    expectFinding('CdkInfraEngineer-EncryptedAtRest', 'Shop/RawFileSystem', /Encrypted is false/);
    expectFinding('CdkInfraEngineer-ResourcePolicyNotPublic', 'Shop/RawSearch', /allows es:\* to principal '\*'/);
    expectFinding('CdkInfraEngineer-EncryptedAtRest', 'Shop/RawSearch', /EncryptionAtRestOptions.Enabled is false/);
  });
  test('function URL without auth and a publicly accessible database, with no compliance framework', () => {
    expectFinding('CdkInfraEngineer-LambdaUrlAuthenticated', 'Shop/Services/api', /AuthType is "NONE"/);
    expectFinding('CdkInfraEngineer-LambdaPermissionNotPublic', 'Shop/Services/api', /FunctionUrlAuthType NONE/);
    expectFinding('CdkInfraEngineer-DatabaseNotPublic', 'Shop/PublicDb', /PubliclyAccessible is true/);
  });
  test('secrets by value in environment variables', () => {
    const f = evaluation.findings.find((x) => x.ruleId === 'CdkInfraEngineer-NoPlaintextSecrets' && x.resourcePath.includes('Shop/Services/api'));
    expect(f?.description).toMatch(/DATABASE_URL holds credentials in a URL/);
    expect(f?.description).toMatch(/STRIPE_SK holds a Stripe live key/);
    expect(f?.description).toMatch(/JWT_SIGNING_KEY holds a high-entropy literal/);
  });
  test('an acknowledgement without a sentence of reason is refused, and the finding says why', () => {
    const f = evaluation.findings.find((x) => x.ruleId === 'AwsSolutions-RDS3' && x.resourcePath.startsWith('Shop/PublicDb'));
    expect(f?.fix).toMatch(/The acknowledgement on 'Shop\/PublicDb' was ignored: its reason must be at least a sentence/);
    expect(evaluation.acknowledgements.some((a) => a.reason === '')).toBe(false);
  });
  test('an App-level exemption marker has no effect', () => {
    expect(evaluation.findings.some((x) => x.ruleId === 'AwsSolutions-RDS2' || x.ruleId === 'CdkInfraEngineer-DatabaseNotPublic')).toBe(true);
  });
  test('a user function used as a service token is checked like any application function', () => {
    expect(evaluation.acknowledgements.filter((a) => a.resourcePath.startsWith('Shop/MyHandler'))).toEqual([]);
    expect(evaluation.findings.some((x) => x.resourcePath.startsWith('Shop/MyHandler'))).toBe(true);
  });
  test('packs with a matching rule are scored by the template check: none reads 100% over a public bucket', () => {
    const aws = evaluation.frameworks.find((f) => f.name === 'AwsSolutions')!;
    expect(aws.compliancePercent).toBeLessThan(100);
    for (const score of evaluation.frameworks) expect(score.compliancePercent).toBeLessThan(100);
    expect(evaluation.frameworks.every((f) => f.notApplicable === false)).toBe(true);
    expect(evaluation.frameworks.find((f) => f.name === 'CdkInfraEngineer')!.findingsAcknowledged).toBeGreaterThanOrEqual(0);
  });
});

describe('the design report', () => {
  test('is written, with the honest scores, before the gate stops synth', () => {
    const app = tempApp();
    const stack = new ApplicationStack(app, 'Shop', { requirements });
    new s3.Bucket(stack, 'Public', { publicReadAccess: true, blockPublicAccess: s3.BlockPublicAccess.BLOCK_ACLS_ONLY });
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() => app.synth()).toThrow(/stop synthesis/);
    jest.restoreAllMocks();
    const report = JSON.parse(fs.readFileSync(path.join(app.outdir, 'Shop.design-report.json'), 'utf8'));
    fs.rmSync(app.outdir, { recursive: true, force: true });
    const percent = (name: string) => report.security.frameworks.find((f: { name: string }) => f.name === name).compliancePercent;
    expect(percent('AwsSolutions')).toBeLessThan(100);
    expect(percent('CdkInfraEngineer')).toBeLessThan(100);
  });
});

describe('the same stack without bypasses, and the policy on any stack', () => {
  test('a plain Stack under SecurityPolicy.applyTo: a hand-added bucket comes out private, encrypted, TLS-only and logged; synth prints nothing', () => {
    const app = tempApp();
    const stack = new Stack(app, 'Platform', { tags: { 'owner': 'platform', 'application': 'shared', 'environment': 'production', 'cost-center': 'cc-1' } });
    const security = SecurityPolicy.forEnvironment({ environment: EnvironmentTier.PRODUCTION }).applyTo(stack);
    new s3.Bucket(stack, 'Shared');
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    let message = '';
    try { app.synth(); } catch (e) { message = (e as Error).message; }
    const printed = [...errors.mock.calls, ...stderr.mock.calls];
    jest.restoreAllMocks();
    const template = JSON.parse(fs.readFileSync(path.join(app.outdir, 'Platform.template.json'), 'utf8'));
    fs.rmSync(app.outdir, { recursive: true, force: true });
    const resources = template.Resources as Record<string, { Type: string; Properties: Record<string, unknown> }>;
    const [bucketId, bucket] = Object.entries(resources).find(([id, r]) => r.Type === 'AWS::S3::Bucket' && id.startsWith('Shared'))!;
    expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual(BLOCKED);
    expect(JSON.stringify(bucket.Properties.BucketEncryption)).toContain('AES256');
    expect(bucket.Properties.LoggingConfiguration).toBeDefined();
    const policy = Object.values(resources).find((r) => r.Type === 'AWS::S3::BucketPolicy' && JSON.stringify(r.Properties.Bucket).includes(bucketId))!;
    expect(JSON.stringify(policy.Properties.PolicyDocument)).toContain('"aws:SecureTransport":"false"');
    expect(message).toBe('');
    expect(security.lastEvaluation!.findings).toEqual([]);
    expect(security.lastEvaluation!.frameworks.map((f) => f.compliancePercent)).toEqual([100, 100]);
    expect(printed).toEqual([]);
  });

  test('a compliant plain stack synthesizes silently; a raw CfnResource gets the secure defaults of its type', () => {
    const app = tempApp();
    const stack = new Stack(app, 'Quiet', { tags: { 'owner': 'platform', 'application': 'shared', 'environment': 'development', 'cost-center': 'cc-1' } });
    const security = SecurityPolicy.forEnvironment({ environment: EnvironmentTier.DEVELOPMENT }).applyTo(stack);
    new CfnResource(stack, 'Files', { type: 'AWS::EFS::FileSystem' });
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    app.synth();
    const printed = [...errors.mock.calls, ...stderr.mock.calls];
    jest.restoreAllMocks();
    const template = JSON.parse(fs.readFileSync(path.join(app.outdir, 'Quiet.template.json'), 'utf8'));
    fs.rmSync(app.outdir, { recursive: true, force: true });
    expect(template.Resources.Files.Properties).toEqual({ Encrypted: true });
    expect(security.lastEvaluation!.findings).toEqual([]);
    expect(printed).toEqual([]);
  });

  test('nested stacks: the aspects enforce inside them and the template check reads their templates', () => {
    const app = tempApp();
    const stack = new Stack(app, 'Parent', { tags: { 'owner': 'platform', 'application': 'shared', 'environment': 'development', 'cost-center': 'cc-1' } });
    const security = SecurityPolicy.forEnvironment({ environment: EnvironmentTier.DEVELOPMENT }).applyTo(stack);
    const nested = new NestedStack(stack, 'Child');
    new s3.Bucket(nested, 'Inner');
    new CfnResource(nested, 'Open', { type: 'AWS::S3::Bucket', properties: { AccessControl: 'PublicRead' } });
    let message = '';
    try { app.synth(); } catch (e) { message = (e as Error).message; }
    const template = JSON.parse(fs.readFileSync(path.join(app.outdir, nested.templateFile), 'utf8'));
    fs.rmSync(app.outdir, { recursive: true, force: true });
    const inner = Object.entries(template.Resources as Record<string, { Type: string; Properties: Record<string, unknown> }>)
      .find(([id, r]) => r.Type === 'AWS::S3::Bucket' && id.startsWith('Inner'))![1];
    expect(inner.Properties.PublicAccessBlockConfiguration).toEqual(BLOCKED);
    expect(template.Resources.Open.Properties.PublicAccessBlockConfiguration).toBeDefined();
    expect(message).toContain('[CdkInfraEngineer-S3NoPublicAcl] Parent/Child/Open');
    expect(security.lastEvaluation!.findings.map((f) => `${f.ruleId} ${f.resourcePath}`)).toContain('CdkInfraEngineer-S3NoPublicAcl Parent/Child/Open');
  });

  test('relaxing a rule a chosen framework requires is refused unless the framework is named; then that pack is below 100%', () => {
    const hipaa = SecurityPolicy.forEnvironment({ environment: EnvironmentTier.PRODUCTION, frameworks: [ComplianceFramework.HIPAA] });
    expect(() => hipaa.relax(SecurityRule.ACCESS_LOGS, 'Access logs go to the organisation-wide log archive instead.'))
      .toThrow(/relaxing 'access-logs'\) refused: hipaa requires it\. To relax it anyway, name the framework/);
    const waived = hipaa.relax(SecurityRule.ACCESS_LOGS, 'Access logs go to the organisation-wide log archive instead.', [ComplianceFramework.HIPAA]);
    const app = tempApp();
    const stack = new Stack(app, 'Waived', { tags: { 'owner': 'platform', 'application': 'shared', 'environment': 'production', 'cost-center': 'cc-1' } });
    const security = waived.applyTo(stack);
    new s3.Bucket(stack, 'Data', { removalPolicy: undefined }).applyRemovalPolicy(0 as never);
    (stack.node.findChild('Data').node.defaultChild as CfnResource).applyRemovalPolicy(undefined);
    try { app.synth(); } catch { /* other findings of a bare bucket are not the point here */ }
    fs.rmSync(app.outdir, { recursive: true, force: true });
    const evaluation = security.lastEvaluation!;
    const hipaaScore = evaluation.frameworks.find((f) => f.name === 'HIPAA.Security')!;
    expect(hipaaScore.rulesWaived).toBeGreaterThan(0);
    expect(hipaaScore.compliancePercent).toBeLessThan(100);
    expect(evaluation.acknowledgements.find((a) => a.kind === 'framework-waiver')?.reason).toMatch(/log archive/);
    expect(evaluation.findings.filter((f) => f.ruleId.includes('S3BucketLoggingEnabled') || f.ruleId === 'AwsSolutions-S1')).toEqual([]);
  });
});
