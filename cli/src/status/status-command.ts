import * as fs from 'fs';
import { CloudFormationClient, DescribeStackEventsCommand, DescribeStacksCommand, StackEvent } from '@aws-sdk/client-cloudformation';
import { AwsCaller, AwsCommandDeps, CLIENT_SETTINGS, checkRegionFormat, firstLine } from '../aws/aws-access';
import { CliError, CliIo } from '../io';
import { progress } from '../progress';
import { DeploymentAttempt, StatusResult, groupAttempts, provisioningSuccessRate } from './status-attempts';
import { table } from '../table';

export interface StatusDeps extends AwsCommandDeps {
  readonly client: CloudFormationClient;
}

export interface StatusOptions {
  /** Stack name, or stack ID (ARN): a deleted stack's history is reachable only by its ID. */
  readonly stack: string;
  readonly region?: string;
  /** Write the result as JSON here (for `handoff --status`). */
  readonly json?: string;
}

export const STATUS_NEEDS = {
  command: 'status',
  service: 'CloudFormation',
  actions: ['cloudformation:DescribeStacks', 'cloudformation:DescribeStackEvents'],
};

/**
 * `status --stack <name> [--region r] [--json file]`: every deployment attempt of the stack
 * from its CloudFormation events, with the outcome and failure reason, and the provisioning
 * success rate with how it was computed.
 */
export async function runStatus(options: StatusOptions, io: CliIo, overrides: Partial<StatusDeps> = {}): Promise<number> {
  if (options.stack.trim() === '') throw new CliError('--stack needs a stack name or stack ID');
  const regionOption = options.region ?? io.env.AWS_REGION ?? io.env.AWS_DEFAULT_REGION;
  if (regionOption !== undefined) checkRegionFormat(regionOption);
  const deps = statusDefaults(overrides, regionOption);
  const wait = progress(io, 'status');
  const aws = new AwsCaller(STATUS_NEEDS, deps, (text) => wait.step(text));
  try {
    // Credentials first: without them, the region is not the problem to report.
    await aws.checkCredentials(io.env);
    const region = await deps.client.config.region().catch(() => {
      throw new CliError('no AWS region: pass --region or set AWS_REGION (status reads the stack in one region)');
    });
    wait.step(`DescribeStacks ${options.stack} in ${region}`);
    const stacks = await aws.call('cloudformation:DescribeStacks', () => deps.client.send(new DescribeStacksCommand({ StackName: options.stack })), ['ValidationError'])
      .catch((e) => {
        if (e instanceof CliError) throw e;
        if (/does not exist/i.test(firstLine(e))) {
          throw new CliError(`stack ${options.stack} does not exist in ${region}: check --stack and --region (a deleted stack's history is reachable only by its stack ID, arn:aws:cloudformation:...)`);
        }
        throw new CliError(`cloudformation:DescribeStacks failed (${firstLine(e)})`);
      });
    const stack = stacks.Stacks?.[0];
    if (!stack?.StackName) throw new CliError(`DescribeStacks returned no stack for ${options.stack} in ${region}`);
    const events: StackEvent[] = [];
    let token: string | undefined;
    for (let page = 1; ; page++) {
      wait.step(`DescribeStackEvents page ${page} (${events.length} events so far)`);
      const input = { StackName: stack.StackId ?? stack.StackName, ...(token ? { NextToken: token } : {}) };
      const result = await aws.call('cloudformation:DescribeStackEvents', () => deps.client.send(new DescribeStackEventsCommand(input)));
      events.push(...(result.StackEvents ?? []));
      if (!result.NextToken || result.NextToken === token) break;
      token = result.NextToken;
    }
    wait.done();
    const attempts = groupAttempts(events, { stackName: stack.StackName, stackId: stack.StackId });
    const result: StatusResult = {
      kind: 'cdk-infra-engineer/status',
      schemaVersion: 1,
      stackName: stack.StackName,
      stackId: stack.StackId ?? '',
      region,
      currentStatus: String(stack.StackStatus ?? 'UNKNOWN'),
      ...(stack.StackStatusReason ? { currentStatusReason: stack.StackStatusReason } : {}),
      generatedAt: deps.now().toISOString(),
      eventsRead: events.length,
      attempts,
      provisioningSuccessRate: provisioningSuccessRate(attempts),
    };
    printStatus(io, result);
    if (options.json) {
      io.writeFile(options.json, JSON.stringify(result, undefined, 2) + '\n');
      io.out(`Wrote ${options.json}`);
    }
    return 0;
  } finally {
    wait.done();
  }
}

function statusDefaults(overrides: Partial<StatusDeps>, region: string | undefined): StatusDeps {
  const client = overrides.client ?? new CloudFormationClient({ ...(region ? { region } : {}), ...CLIENT_SETTINGS });
  return {
    client,
    resolveCredentials: overrides.resolveCredentials ?? (() => client.config.credentials()),
    sleep: overrides.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    fileExists: overrides.fileExists ?? ((file) => fs.existsSync(file)),
    credentialsTimeoutMs: overrides.credentialsTimeoutMs ?? 5000,
    now: overrides.now ?? (() => new Date()),
  };
}

function printStatus(io: CliIo, r: StatusResult): void {
  io.out(`Stack ${r.stackName} (${r.region}): ${r.currentStatus}${r.currentStatusReason ? ` (${r.currentStatusReason})` : ''}`);
  if (r.attempts.length === 0) {
    io.out(`No deployment attempt in the ${r.eventsRead} stack events.`);
  } else {
    io.out(`Deployment attempts, oldest first (from ${r.eventsRead} stack events):`);
    const rows = r.attempts.map((a, i) => [String(i + 1), a.operation, when(a.startedAt), when(a.endedAt), duration(a), a.outcome, a.finalStatus]);
    for (const line of table(['>#', 'Operation', 'Started', 'Ended', '>Duration', 'Outcome', 'Final status'], rows)) io.out(line);
    const failed = r.attempts.map((a, i) => ({ a, n: i + 1 })).filter(({ a }) => a.outcome === 'failed' || a.outcome === 'unknown');
    if (failed.length > 0) io.out('Failure reasons (the first resource that failed in each attempt):');
    for (const { a, n } of failed) {
      const where = a.failedResource ? `${a.failedResource.logicalId} (${a.failedResource.type}) ${a.failedResource.status}: ` : '';
      io.out(`  #${n} ${a.operation}: ${where}${a.failureReason ?? 'no reason recorded'}`);
    }
  }
  const rate = r.provisioningSuccessRate;
  io.out(rate.percent === null
    ? 'Provisioning success rate: not measured (no create or update attempt has finished)'
    : `Provisioning success rate: ${rate.percent}% (${rate.successful} of ${rate.attempted} create/update attempts succeeded)`);
  io.out(`How it was computed: ${rate.method}`);
}

function when(isoTime: string | null): string {
  return isoTime ? isoTime.replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '-';
}

function duration(a: DeploymentAttempt): string {
  if (!a.startedAt || !a.endedAt) return '-';
  const seconds = Math.round((Date.parse(a.endedAt) - Date.parse(a.startedAt)) / 1000);
  return seconds >= 60 ? `${Math.floor(seconds / 60)}m ${seconds % 60}s` : `${seconds}s`;
}
