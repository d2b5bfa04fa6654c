import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  CloudFormationClient, CloudFormationServiceException, DescribeStackEventsCommand, DescribeStacksCommand, StackEvent,
} from '@aws-sdk/client-cloudformation';
import { mockClient } from 'aws-sdk-client-mock';
import { memoryIo } from './memory-io';
import { runCli } from '../src/program';
import { StatusResult, groupAttempts } from '../src/status/status-attempts';


const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cie-status-'));
const STACK_ID = 'arn:aws:cloudformation:eu-west-1:123456789012:stack/Shop/1a2b3c4d-0000-11ef-9a2b-0a1b2c3d4e5f';
const creds = { AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE' };

let clock = Date.parse('2026-09-01T10:00:00Z');
let eventNumber = 0;
/** A stack event in the SDK v3 output shape (Timestamp is a Date). */
function ev(logicalId: string, type: string, status: string, reason?: string, minutes = 1): StackEvent {
  clock += minutes * 60_000;
  const stackLevel = type === 'AWS::CloudFormation::Stack' && logicalId === 'Shop';
  return {
    StackId: STACK_ID,
    EventId: stackLevel ? `${status}-${++eventNumber}` : `${logicalId}-${status}-${++eventNumber}`,
    StackName: 'Shop',
    LogicalResourceId: logicalId,
    PhysicalResourceId: stackLevel ? STACK_ID : `${logicalId.toLowerCase()}-physical`,
    ResourceType: type,
    Timestamp: new Date(clock),
    ResourceStatus: status as StackEvent['ResourceStatus'],
    ...(reason ? { ResourceStatusReason: reason } : {}),
  };
}
const stackEv = (status: string, reason?: string) => ev('Shop', 'AWS::CloudFormation::Stack', status, reason);
const TABLE = 'AWS::DynamoDB::Table';
const FN = 'AWS::Lambda::Function';

// Oldest first here; the API answers newest first.
const history: StackEvent[] = [
  // 1: create (via a change set, as cdk deploy does), succeeded; a nested stack is a resource, not the stack.
  stackEv('REVIEW_IN_PROGRESS', 'User Initiated'),
  stackEv('CREATE_IN_PROGRESS', 'User Initiated'),
  ev('DataordersTable', TABLE, 'CREATE_IN_PROGRESS'),
  ev('NestedStack', 'AWS::CloudFormation::Stack', 'CREATE_IN_PROGRESS'),
  ev('NestedStack', 'AWS::CloudFormation::Stack', 'CREATE_COMPLETE'),
  ev('DataordersTable', TABLE, 'CREATE_COMPLETE', undefined, 3),
  stackEv('CREATE_COMPLETE'),
  // 2: update, failed on the function and rolled back.
  stackEv('UPDATE_IN_PROGRESS', 'User Initiated'),
  ev('ApiFunction', FN, 'UPDATE_IN_PROGRESS'),
  ev('ApiFunction', FN, 'UPDATE_FAILED', 'Resource handler returned message: "\'MemorySize\' value failed to satisfy constraint: Member must have value less than or equal to 10240"'),
  ev('DataordersTable', TABLE, 'UPDATE_FAILED', 'Resource update cancelled'),
  stackEv('UPDATE_ROLLBACK_IN_PROGRESS', 'The following resource(s) failed to update: [ApiFunction, DataordersTable].'),
  ev('ApiFunction', FN, 'UPDATE_COMPLETE'),
  stackEv('UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS'),
  stackEv('UPDATE_ROLLBACK_COMPLETE'),
  // 3: update, succeeded.
  stackEv('UPDATE_IN_PROGRESS', 'User Initiated'),
  ev('ApiFunction', FN, 'UPDATE_IN_PROGRESS'),
  ev('ApiFunction', FN, 'UPDATE_COMPLETE'),
  stackEv('UPDATE_COMPLETE_CLEANUP_IN_PROGRESS'),
  stackEv('UPDATE_COMPLETE'),
  // 4: update, failed before any resource: only the stack's own reason.
  stackEv('UPDATE_IN_PROGRESS', 'User Initiated'),
  stackEv('UPDATE_ROLLBACK_IN_PROGRESS', 'Export Shop:ApiUrl cannot be updated as it is in use by Web'),
  stackEv('UPDATE_ROLLBACK_COMPLETE'),
  // 5: update, still in progress.
  stackEv('UPDATE_IN_PROGRESS', 'User Initiated'),
  ev('ApiFunction', FN, 'UPDATE_IN_PROGRESS'),
];
const newestFirst = [...history].reverse();

describe('status (aws-sdk-client-mock, CloudFormation wire format)', () => {
  const cfn = mockClient(CloudFormationClient);
  const sleeps: number[] = [];
  const deps = (extra: object = {}) => ({
    status: {
      client: new CloudFormationClient({ region: 'eu-west-1' }),
      resolveCredentials: async () => ({ accessKeyId: 'x' }),
      sleep: async (ms: number) => { sleeps.push(ms); },
      fileExists: () => false,
      now: () => new Date('2026-09-02T00:00:00Z'),
      ...extra,
    },
  });
  beforeEach(() => {
    cfn.reset();
    sleeps.length = 0;
  });

  test('groups the events into attempts across pages, retries throttling, and prints the success rate with how it was computed', async () => {
    cfn.on(DescribeStacksCommand, { StackName: 'Shop' }).resolves({
      Stacks: [{
        StackId: STACK_ID,
        StackName: 'Shop',
        CreationTime: new Date('2026-09-01T10:01:00Z'),
        LastUpdatedTime: new Date(clock),
        StackStatus: 'UPDATE_IN_PROGRESS',
        StackStatusReason: 'User Initiated',
      }],
    });
    cfn.on(DescribeStackEventsCommand, { StackName: STACK_ID }).resolves({ StackEvents: newestFirst.slice(0, 10), NextToken: 'page-2' });
    cfn.on(DescribeStackEventsCommand, { StackName: STACK_ID, NextToken: 'page-2' })
      .rejectsOnce(new CloudFormationServiceException({ name: 'Throttling', $fault: 'client', message: 'Rate exceeded', $metadata: { httpStatusCode: 400 } }))
      .resolves({ StackEvents: newestFirst.slice(10) });
    const json = path.join(tmp, 'status.json');
    const { io, out, err } = memoryIo(creds);
    expect(await runCli(['status', '--stack', 'Shop', '--json', json], io, deps())).toBe(0);

    const calls = cfn.commandCalls(DescribeStackEventsCommand).map((c) => c.args[0].input);
    expect(calls).toEqual([{ StackName: STACK_ID }, { StackName: STACK_ID, NextToken: 'page-2' }, { StackName: STACK_ID, NextToken: 'page-2' }]);
    expect(sleeps).toEqual([250]);
    expect(err.join('')).toMatch(/cloudformation:DescribeStackEvents throttled, retry 1 of 5 in 0.25 s/);

    const text = out.join('\n');
    expect(text).toContain('Stack Shop (eu-west-1): UPDATE_IN_PROGRESS (User Initiated)');
    expect(text).toContain(`from ${history.length} stack events`);
    expect(text).toMatch(/1\s+create\s+2026-09-01 10:02:00Z\s+2026-09-01 10:09:00Z\s+7m 0s\s+succeeded\s+CREATE_COMPLETE/);
    expect(text).toMatch(/2\s+update\s+.*failed\s+UPDATE_ROLLBACK_COMPLETE/);
    expect(text).toMatch(/5\s+update\s+\S+ \S+\s+-\s+-\s+in progress\s+UPDATE_IN_PROGRESS/);
    expect(text).toContain('#2 update: ApiFunction (AWS::Lambda::Function) UPDATE_FAILED: Resource handler returned message: "\'MemorySize\' value failed');
    expect(text).toContain('#4 update: Export Shop:ApiUrl cannot be updated as it is in use by Web');
    expect(text).toContain('Provisioning success rate: 50% (2 of 4 create/update attempts succeeded)');
    expect(text).toMatch(/How it was computed: successful create and update attempts \/ create and update attempts that finished = 2 \/ 4 = 50%\..*1 other attempt/);

    const result = JSON.parse(fs.readFileSync(json, 'utf8')) as StatusResult;
    expect(result).toMatchObject({ kind: 'cdk-infra-engineer/status', stackName: 'Shop', stackId: STACK_ID, region: 'eu-west-1', eventsRead: history.length });
    expect(result.attempts.map((a) => [a.operation, a.outcome])).toEqual([
      ['create', 'succeeded'], ['update', 'failed'], ['update', 'succeeded'], ['update', 'failed'], ['update', 'in progress'],
    ]);
    expect(result.attempts[1].failedResource).toEqual({ logicalId: 'ApiFunction', type: FN, status: 'UPDATE_FAILED' });
    expect(result.provisioningSuccessRate).toMatchObject({ successful: 2, attempted: 4, percent: 50 });
  });

  test('a failed create that rolled back, a history that starts mid-attempt, and a continued rollback', () => {
    clock = Date.parse('2026-10-01T00:00:00Z');
    const failedCreate = [
      stackEv('CREATE_IN_PROGRESS', 'User Initiated'),
      ev('DataordersTable', TABLE, 'CREATE_FAILED', 'Resource handler returned message: "Table already exists: shop-orders"'),
      ev('JobsQueue', 'AWS::SQS::Queue', 'CREATE_FAILED', 'Resource creation cancelled'),
      stackEv('ROLLBACK_IN_PROGRESS', 'The following resource(s) failed to create: [DataordersTable, JobsQueue]. Rollback requested by user.'),
      stackEv('ROLLBACK_COMPLETE'),
    ];
    const attempts = groupAttempts([...failedCreate].reverse(), { stackName: 'Shop', stackId: STACK_ID });
    expect(attempts).toEqual([expect.objectContaining({
      operation: 'create',
      outcome: 'failed',
      finalStatus: 'ROLLBACK_COMPLETE',
      failureReason: 'Resource handler returned message: "Table already exists: shop-orders"',
      failedResource: { logicalId: 'DataordersTable', type: TABLE, status: 'CREATE_FAILED' },
    })]);

    const partial = [
      ev('ApiFunction', FN, 'UPDATE_COMPLETE'),
      stackEv('UPDATE_COMPLETE'),
      stackEv('UPDATE_IN_PROGRESS'),
      ev('ApiFunction', FN, 'UPDATE_FAILED', 'Internal failure'),
      stackEv('UPDATE_ROLLBACK_IN_PROGRESS'),
      stackEv('UPDATE_ROLLBACK_FAILED', 'The following resource(s) failed to update: [ApiFunction].'),
      stackEv('UPDATE_ROLLBACK_IN_PROGRESS', 'User Initiated'),
      stackEv('UPDATE_ROLLBACK_COMPLETE'),
    ];
    const grouped = groupAttempts([...partial].reverse(), { stackName: 'Shop' });
    expect(grouped.map((a) => [a.operation, a.startedAt === null, a.outcome, a.finalStatus])).toEqual([
      ['update', true, 'succeeded', 'UPDATE_COMPLETE'],
      ['update', false, 'failed', 'UPDATE_ROLLBACK_FAILED'],
      ['rollback', false, 'succeeded', 'UPDATE_ROLLBACK_COMPLETE'],
    ]);
    expect(grouped[1].failureReason).toBe('Internal failure');
  });

  test('missing credentials fail fast with one line naming the IAM actions, and nothing is called', async () => {
    const { io, err } = memoryIo({});
    const started = Date.now();
    const code = await runCli(['status', '--stack', 'Shop'], io, deps({
      resolveCredentials: async () => { throw Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' }); },
    }));
    expect(code).toBe(2);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(err).toEqual([expect.stringMatching(/^cdk-infra-engineer: no AWS credentials found .*status calls CloudFormation and needs cloudformation:DescribeStacks, cloudformation:DescribeStackEvents; set AWS_PROFILE/)]);
    expect(cfn.calls()).toHaveLength(0);
  });

  test('the real SDK credential chain without credentials fails in under 2 s, without a request', async () => {
    const saved = { ...process.env };
    for (const name of Object.keys(process.env).filter((k) => k.startsWith('AWS_'))) delete process.env[name];
    process.env.AWS_EC2_METADATA_DISABLED = 'true';
    process.env.HOME = tmp;
    try {
      const { io, err } = memoryIo({ HOME: tmp });
      const started = Date.now();
      expect(await runCli(['status', '--stack', 'Shop', '--region', 'eu-west-1'], io, { status: { fileExists: () => false } })).toBe(2);
      expect(Date.now() - started).toBeLessThan(2000);
      expect(err).toEqual([expect.stringMatching(/^cdk-infra-engineer: no AWS credentials found .*cloudformation:DescribeStacks/)]);
      expect(cfn.calls()).toHaveLength(0);
    } finally {
      process.env = saved;
    }
  });

  test('credentials that never resolve time out instead of hanging', async () => {
    const { io, err } = memoryIo({ AWS_PROFILE: 'ops' });
    const code = await runCli(['status', '--stack', 'Shop'], io, deps({ resolveCredentials: () => new Promise(() => {}), credentialsTimeoutMs: 50 }));
    expect(code).toBe(2);
    expect(err).toEqual([expect.stringMatching(/AWS credentials could not be resolved \(timed out after 0.05 s\): status calls CloudFormation/)]);
  });

  test.each([
    ['AccessDenied', 403, 'User: arn:aws:iam::123456789012:user/dev is not authorized to perform: cloudformation:DescribeStacks on resource: Shop',
      /^cdk-infra-engineer: permission denied: cloudformation:DescribeStacks needs the IAM permission cloudformation:DescribeStacks for the caller/],
    ['ExpiredToken', 400, 'The security token included in the request is expired', /^cdk-infra-engineer: the AWS credentials have expired \(ExpiredToken\)/],
    ['InvalidClientTokenId', 403, 'The security token included in the request is invalid.', /^cdk-infra-engineer: the AWS credentials were rejected \(InvalidClientTokenId/],
    ['ValidationError', 400, 'Stack with id Shop does not exist', /^cdk-infra-engineer: stack Shop does not exist in eu-west-1: check --stack and --region/],
  ])('%s is one clear line', async (name, httpStatusCode, message, expected) => {
    cfn.on(DescribeStacksCommand).rejects(new CloudFormationServiceException({ name, $fault: 'client', message, $metadata: { httpStatusCode } }));
    const { io, err } = memoryIo(creds);
    expect(await runCli(['status', '--stack', 'Shop'], io, deps())).toBe(2);
    expect(err.filter((l) => l.startsWith('cdk-infra-engineer:'))).toEqual([expect.stringMatching(expected)]);
  });

  test('permission denied on the events names that action; persistent throttling gives up after 6 attempts', async () => {
    cfn.on(DescribeStacksCommand).resolves({ Stacks: [{ StackId: STACK_ID, StackName: 'Shop', CreationTime: new Date(), StackStatus: 'CREATE_COMPLETE' }] });
    cfn.on(DescribeStackEventsCommand).rejects(new CloudFormationServiceException({ name: 'AccessDenied', $fault: 'client', message: 'not authorized', $metadata: { httpStatusCode: 403 } }));
    const a = memoryIo(creds);
    expect(await runCli(['status', '--stack', 'Shop'], a.io, deps())).toBe(2);
    expect(a.err.pop()).toMatch(/permission denied: cloudformation:DescribeStackEvents needs the IAM permission cloudformation:DescribeStackEvents/);

    cfn.on(DescribeStackEventsCommand).rejects(new CloudFormationServiceException({ name: 'Throttling', $fault: 'client', message: 'Rate exceeded', $metadata: { httpStatusCode: 400 } }));
    const b = memoryIo(creds);
    expect(await runCli(['status', '--stack', 'Shop'], b.io, deps())).toBe(2);
    expect(sleeps).toEqual([250, 500, 1000, 2000, 4000]);
    expect(b.err.pop()).toMatch(/cloudformation:DescribeStackEvents was still throttled after 6 attempts \(Throttling: Rate exceeded\)/);
  });

  test('no region, or a malformed one, is one line before any call', async () => {
    const a = memoryIo(creds);
    const noRegion = new CloudFormationClient({ region: async () => { throw new Error('Region is missing'); } });
    expect(await runCli(['status', '--stack', 'Shop'], a.io, deps({ client: noRegion }))).toBe(2);
    expect(a.err).toEqual(['cdk-infra-engineer: no AWS region: pass --region or set AWS_REGION (status reads the stack in one region)']);
    const b = memoryIo(creds);
    expect(await runCli(['status', '--stack', 'Shop', '--region', 'Ireland'], b.io, deps())).toBe(2);
    expect(b.err).toEqual([expect.stringMatching(/region 'Ireland' is not an AWS region code/)]);
    expect(cfn.calls()).toHaveLength(0);
  });

  test('missing credentials are reported before a missing region', async () => {
    const { io, err } = memoryIo({});
    const noRegion = new CloudFormationClient({ region: async () => { throw new Error('Region is missing'); } });
    const noCredentials = async () => { throw new Error('Could not load credentials from any providers'); };
    expect(await runCli(['status', '--stack', 'Shop'], io, deps({ client: noRegion, resolveCredentials: noCredentials }))).toBe(2);
    expect(err).toEqual([expect.stringMatching(/^cdk-infra-engineer: no AWS credentials found .*cloudformation:DescribeStacks/)]);
    expect(cfn.calls()).toHaveLength(0);
  });
});
