/** The fields of a CloudFormation stack event that the grouping reads (SDK v3 `StackEvent`). */
export interface StackEventLike {
  readonly Timestamp?: Date;
  readonly LogicalResourceId?: string;
  readonly PhysicalResourceId?: string;
  readonly ResourceType?: string;
  readonly ResourceStatus?: string;
  readonly ResourceStatusReason?: string;
}

export type DeploymentOperation = 'create' | 'update' | 'delete' | 'import' | 'rollback';

/** One deployment attempt: from the stack's *_IN_PROGRESS event to its next terminal status. */
export interface DeploymentAttempt {
  readonly operation: DeploymentOperation;
  /** ISO time of the starting event; null when it is older than the event history. */
  readonly startedAt: string | null;
  /** ISO time of the terminal event; null while in progress. */
  readonly endedAt: string | null;
  /** The terminal stack status, or the last one seen while in progress. */
  readonly finalStatus: string;
  /** `unknown`: an attempt without a terminal status followed by another attempt. */
  readonly outcome: 'succeeded' | 'failed' | 'in progress' | 'unknown';
  /** ResourceStatusReason of the first failed resource event (else the stack's own reason). */
  readonly failureReason?: string;
  readonly failedResource?: { readonly logicalId: string; readonly type: string; readonly status: string };
}

export interface ProvisioningSuccessRate {
  readonly successful: number;
  readonly attempted: number;
  /** successful / attempted x 100, one decimal; null when nothing was attempted. */
  readonly percent: number | null;
  /** How it was computed, with the figures. */
  readonly method: string;
}

/** What `status --json` writes, and `handoff --status` reads. */
export interface StatusResult {
  readonly kind: 'cdk-infra-engineer/status';
  readonly schemaVersion: 1;
  readonly stackName: string;
  readonly stackId: string;
  readonly region: string;
  readonly currentStatus: string;
  readonly currentStatusReason?: string;
  readonly generatedAt: string;
  readonly eventsRead: number;
  readonly attempts: DeploymentAttempt[];
  readonly provisioningSuccessRate: ProvisioningSuccessRate;
}

const START: { [status: string]: DeploymentOperation } = {
  CREATE_IN_PROGRESS: 'create',
  UPDATE_IN_PROGRESS: 'update',
  DELETE_IN_PROGRESS: 'delete',
  IMPORT_IN_PROGRESS: 'import',
};
const SUCCEEDED = new Set(['CREATE_COMPLETE', 'UPDATE_COMPLETE', 'DELETE_COMPLETE', 'IMPORT_COMPLETE']);
const FAILED = new Set([
  'CREATE_FAILED', 'ROLLBACK_COMPLETE', 'ROLLBACK_FAILED', 'UPDATE_FAILED', 'UPDATE_ROLLBACK_COMPLETE',
  'UPDATE_ROLLBACK_FAILED', 'DELETE_FAILED', 'IMPORT_ROLLBACK_COMPLETE', 'IMPORT_ROLLBACK_FAILED',
]);

interface OpenAttempt {
  operation: DeploymentOperation;
  startedAt: string | null;
  endedAt: string | null;
  finalStatus: string;
  outcome: DeploymentAttempt['outcome'];
  stackReason?: string;
  failure?: { reason: string; logicalId: string; type: string; status: string };
}

/**
 * Groups a stack's events into deployment attempts. `events` in any order (the API returns
 * newest first); a stack-level event is one of type AWS::CloudFormation::Stack whose physical
 * ID is the stack ID (or, without it, whose logical ID is the stack name).
 */
export function groupAttempts(events: StackEventLike[], stack: { stackName: string; stackId?: string }): DeploymentAttempt[] {
  // The API lists newest first; reversing keeps its order for events with the same timestamp.
  const ordered = [...events].reverse().map((e, i) => ({ e, i }))
    .sort((a, b) => (time(a.e) - time(b.e)) || (a.i - b.i)).map((x) => x.e);
  const attempts: OpenAttempt[] = [];
  let current: OpenAttempt | undefined;
  for (const e of ordered) {
    const status = e.ResourceStatus ?? '';
    if (!isStackEvent(e, stack)) {
      if (current && current.endedAt === null && status.endsWith('_FAILED') && !current.failure) {
        current.failure = {
          reason: e.ResourceStatusReason ?? 'no reason recorded',
          logicalId: e.LogicalResourceId ?? '?',
          type: e.ResourceType ?? '?',
          status,
        };
      }
      continue;
    }
    if (status === 'REVIEW_IN_PROGRESS') continue; // a change set being created, not a deployment
    const open = current !== undefined && current.endedAt === null;
    const startOp = START[status] ?? (status === 'UPDATE_ROLLBACK_IN_PROGRESS' && !open ? 'rollback' : undefined);
    if (startOp || !open) {
      if (open) current!.outcome = 'unknown';
      current = { operation: startOp ?? operationOf(status), startedAt: startOp ? iso(e) : null, endedAt: null, finalStatus: status, outcome: 'in progress' };
      attempts.push(current);
      if (startOp) continue;
    }
    current = current!;
    current.finalStatus = status;
    if (e.ResourceStatusReason && !current.stackReason && /ROLLBACK|FAILED/.test(status)) current.stackReason = e.ResourceStatusReason;
    if (SUCCEEDED.has(status) || FAILED.has(status)) {
      current.endedAt = iso(e);
      const rolledBack = current.operation === 'rollback' && status === 'UPDATE_ROLLBACK_COMPLETE';
      current.outcome = SUCCEEDED.has(status) || rolledBack ? 'succeeded' : 'failed';
    }
  }
  return attempts.map(finish);
}

/** Successful create and update attempts over the create and update attempts that finished. */
export function provisioningSuccessRate(attempts: DeploymentAttempt[]): ProvisioningSuccessRate {
  const counted = attempts.filter((a) => (a.operation === 'create' || a.operation === 'update') && (a.outcome === 'succeeded' || a.outcome === 'failed'));
  const successful = counted.filter((a) => a.outcome === 'succeeded').length;
  const attempted = counted.length;
  const percent = attempted === 0 ? null : Math.round((successful / attempted) * 1000) / 10;
  const left = attempts.length - attempted;
  const method = `successful create and update attempts / create and update attempts that finished = ${successful} / ${attempted}`
    + `${percent === null ? ' (nothing to count)' : ` = ${percent}%`}. An attempt runs from the stack's CREATE_IN_PROGRESS or UPDATE_IN_PROGRESS `
    + 'event to its next terminal status: CREATE_COMPLETE and UPDATE_COMPLETE are successes; ROLLBACK_COMPLETE, UPDATE_ROLLBACK_COMPLETE '
    + 'and every *_FAILED are failures. Read from the CloudFormation stack events (DescribeStackEvents)'
    + `${left > 0 ? `; ${left} other attempt(s) (deletes, imports, continued rollbacks, in progress) are listed but not counted` : ''}.`;
  return { successful, attempted, percent, method };
}

function finish(a: OpenAttempt): DeploymentAttempt {
  const failed = a.outcome === 'failed' || a.outcome === 'unknown';
  const reason = a.failure?.reason ?? a.stackReason;
  return {
    operation: a.operation,
    startedAt: a.startedAt,
    endedAt: a.endedAt,
    finalStatus: a.finalStatus,
    outcome: a.outcome,
    ...(failed && reason ? { failureReason: reason } : {}),
    ...(failed && a.failure ? { failedResource: { logicalId: a.failure.logicalId, type: a.failure.type, status: a.failure.status } } : {}),
  };
}

function isStackEvent(e: StackEventLike, stack: { stackName: string; stackId?: string }): boolean {
  if (e.ResourceType !== 'AWS::CloudFormation::Stack') return false;
  return stack.stackId && e.PhysicalResourceId ? e.PhysicalResourceId === stack.stackId : e.LogicalResourceId === stack.stackName;
}

function operationOf(status: string): DeploymentOperation {
  if (status.startsWith('UPDATE')) return 'update';
  if (status.startsWith('DELETE')) return 'delete';
  if (status.startsWith('IMPORT')) return 'import';
  return 'create';
}

function time(e: StackEventLike): number {
  return e.Timestamp instanceof Date ? e.Timestamp.getTime() : 0;
}

function iso(e: StackEventLike): string | null {
  return e.Timestamp instanceof Date ? e.Timestamp.toISOString() : null;
}
