import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import {
  addFunctionEnvironment, BlockFunctionProps, createBlockFunction, functionConnections, usesPlaceholderCode,
} from './function-defaults';
import { acknowledgeDeadLetterQueue, acknowledgeRules } from '../acknowledge';
import { IComputeBlock } from '../contracts';
import { ManagedPolicyRole } from '../iam/managed-policy-role';

/**
 * Defaults on top of the shared Lambda defaults. Rule: user props win, except the
 * encrypted, TLS-only dead-letter queue for failed invocations, which is always on.
 */
const SCHEDULED_JOB_DEFAULTS = {
  timeout: Duration.minutes(5),
  schedule: scheduler.ScheduleExpression.rate(Duration.hours(1)),
  retryAttempts: 2,
  maxEventAge: Duration.hours(1),
  deadLetterRetention: Duration.days(14),
  removalPolicy: RemovalPolicy.RETAIN,
};

/** Properties for a `ScheduledJob`. */
export interface ScheduledJobProps extends BlockFunctionProps {
  /**
   * When the job runs.
   * @default - every hour (`rate(1 hour)`)
   */
  readonly schedule?: scheduler.ScheduleExpression;
  /**
   * Retries of a failed invocation before it goes to the dead-letter queue (0-185).
   * @default 2
   */
  readonly retryAttempts?: number;
  /**
   * Maximum age of an invocation event before it is sent to the dead-letter queue.
   * @default Duration.hours(1)
   */
  readonly maxEventAge?: Duration;
}

/**
 * A Lambda function invoked on a schedule by EventBridge Scheduler, with retries and a
 * dead-letter queue.
 *
 * Construct ids (contract): 'Function', 'LogGroup', 'ServiceRole', 'Schedule', 'SchedulerRole', 'DeadLetterQueue'.
 */
export class ScheduledJob extends Construct implements IComputeBlock {
  /** The job's function. */
  public readonly lambdaFunction: lambda.IFunction;
  /** The EventBridge Scheduler schedule. */
  public readonly schedule: scheduler.Schedule;
  /** Where invocations that failed after all retries go. */
  public readonly deadLetterQueue: sqs.IQueue;
  /** True when the function runs placeholder code. */
  public readonly usesPlaceholder: boolean;
  /** The principal to grant data access to (the function's role). */
  public readonly grantPrincipal: iam.IPrincipal;
  /** Network connections, when the function runs in a VPC. */
  public readonly connections?: ec2.Connections;

  constructor(scope: Construct, id: string, props: ScheduledJobProps = {}) {
    super(scope, id);

    this.usesPlaceholder = usesPlaceholderCode(props);

    // Construct id 'DeadLetterQueue' is a contract. It receives both the invocations the
    // scheduler could not deliver and the runs that failed after Lambda's own retries.
    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetterQueue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: SCHEDULED_JOB_DEFAULTS.deadLetterRetention,
      removalPolicy: props.removalPolicy ?? SCHEDULED_JOB_DEFAULTS.removalPolicy,
      // The function (or scheduler) sends here directly, not an SQS redrive: no queue may use it as its dead-letter queue.
      redriveAllowPolicy: { redrivePermission: sqs.RedrivePermission.DENY_ALL },
    });
    acknowledgeDeadLetterQueue(this.deadLetterQueue, 'runs of the job that failed or could not be delivered');

    this.lambdaFunction = createBlockFunction(this, props, { timeout: SCHEDULED_JOB_DEFAULTS.timeout, deadLetterQueue: this.deadLetterQueue });
    this.grantPrincipal = this.lambdaFunction.grantPrincipal;
    this.connections = functionConnections(this.lambdaFunction);

    const schedulerRole = new ManagedPolicyRole(this, 'SchedulerRole', { assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com') });
    // Construct id 'Schedule' is a contract.
    this.schedule = new scheduler.Schedule(this, 'Schedule', {
      schedule: props.schedule ?? SCHEDULED_JOB_DEFAULTS.schedule,
      target: new LambdaInvoke(this.lambdaFunction, {
        role: schedulerRole,
        deadLetterQueue: this.deadLetterQueue,
        retryAttempts: props.retryAttempts ?? SCHEDULED_JOB_DEFAULTS.retryAttempts,
        maxEventAge: props.maxEventAge ?? SCHEDULED_JOB_DEFAULTS.maxEventAge,
      }),
    });
    const fn = this.lambdaFunction.node.defaultChild;
    if (fn instanceof lambda.CfnFunction) {
      acknowledgeRules(schedulerRole, [`AwsSolutions-IAM5[Resource::<${Stack.of(this).resolve(fn.logicalId)}.Arn>:*]`],
        'The scheduler may invoke this one function and its versions (`:*`), as grantInvoke grants; nothing else.');
    }
  }

  /** Add an environment variable to the function (a warning for an existing function). */
  public addEnvironment(key: string, value: string): void {
    addFunctionEnvironment(this.lambdaFunction, key, value);
  }
}
