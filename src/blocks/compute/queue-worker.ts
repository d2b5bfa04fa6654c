import { Duration, Names, RemovalPolicy } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import {
  addFunctionEnvironment, BlockFunctionProps, createBlockFunction, functionConnections, usesPlaceholderCode,
} from './function-defaults';
import { acknowledgeDeadLetterQueue, acknowledgeRules } from '../acknowledge';
import { IComputeBlock } from '../contracts';
import { restrictRedriveSources } from '../data/redrive-allow';

/**
 * Defaults on top of the shared Lambda defaults. Rule: user props win, except these
 * which are always on: partial batch responses (ReportBatchItemFailures), and on a
 * created queue SQS-managed encryption, enforceSSL and a dead-letter queue.
 */
const QUEUE_WORKER_DEFAULTS = {
  timeout: Duration.seconds(30),
  batchSize: 10,
  maxReceiveCount: 3,
  /** SQS guidance: visibility timeout at least 6x the function timeout. */
  visibilityTimeoutFactor: 6,
  deadLetterRetention: Duration.days(14),
  removalPolicy: RemovalPolicy.RETAIN,
};

/** Properties for a `QueueWorker`. */
export interface QueueWorkerProps extends BlockFunctionProps {
  /**
   * An existing queue to consume. Its visibility timeout should be at least 6x the
   * function timeout.
   * @default - a new encrypted queue with a dead-letter queue
   */
  readonly queue?: sqs.IQueue;
  /**
   * Messages per batch.
   * @default 10
   */
  readonly batchSize?: number;
  /**
   * Maximum concurrent function invocations for this event source (2-1000).
   * @default - no limit beyond the function's concurrency
   */
  readonly maxConcurrency?: number;
  /**
   * Receives before a message moves to the dead-letter queue (created queue only).
   * @default 3
   */
  readonly maxReceiveCount?: number;
}

/**
 * A Lambda function consuming an SQS queue with partial batch failure reporting.
 *
 * Construct ids (contract): 'Function', 'LogGroup', 'ServiceRole', 'Queue', 'DeadLetterQueue'.
 */
export class QueueWorker extends Construct implements IComputeBlock {
  /** The consuming function. */
  public readonly lambdaFunction: lambda.IFunction;
  /** The queue consumed. */
  public readonly queue: sqs.IQueue;
  /**
   * The dead-letter queue: the created queue's, or the given queue's when it has one. The
   * function's failed asynchronous invocations go there too.
   * @default - none for a given queue without a dead-letter queue
   */
  public readonly deadLetterQueue?: sqs.IQueue;
  /** True when the function runs placeholder code. */
  public readonly usesPlaceholder: boolean;
  /** The principal to grant data access to (the function's role). */
  public readonly grantPrincipal: iam.IPrincipal;
  /** Network connections, when the function runs in a VPC. */
  public readonly connections?: ec2.Connections;

  constructor(scope: Construct, id: string, props: QueueWorkerProps = {}) {
    super(scope, id);

    this.usesPlaceholder = usesPlaceholderCode(props);
    if (props.queue) {
      this.queue = props.queue;
      this.deadLetterQueue = props.queue instanceof sqs.Queue ? props.queue.deadLetterQueue?.queue : undefined;
    } else {
      const removalPolicy = props.removalPolicy ?? QUEUE_WORKER_DEFAULTS.removalPolicy;
      // Construct id 'DeadLetterQueue' is a contract.
      const deadLetterQueue = new sqs.Queue(this, 'DeadLetterQueue', {
        encryption: sqs.QueueEncryption.SQS_MANAGED,
        enforceSSL: true,
        retentionPeriod: QUEUE_WORKER_DEFAULTS.deadLetterRetention,
        removalPolicy,
      });
      acknowledgeDeadLetterQueue(deadLetterQueue, 'messages the worker failed to process');
      const functionTimeout = props.timeout ?? QUEUE_WORKER_DEFAULTS.timeout;
      // Construct id 'Queue' is a contract.
      this.queue = new sqs.Queue(this, 'Queue', {
        encryption: sqs.QueueEncryption.SQS_MANAGED,
        enforceSSL: true,
        visibilityTimeout: Duration.seconds(functionTimeout.toSeconds() * QUEUE_WORKER_DEFAULTS.visibilityTimeoutFactor),
        deadLetterQueue: { queue: deadLetterQueue, maxReceiveCount: props.maxReceiveCount ?? QUEUE_WORKER_DEFAULTS.maxReceiveCount },
        removalPolicy,
      });
      this.deadLetterQueue = deadLetterQueue;
      // The dead-letter queue takes redrives from this queue only (the worker's failed asynchronous
      // invocations are sent to it directly, which the policy does not restrict).
      restrictRedriveSources(this, deadLetterQueue, this.queue);
    }

    // Failed asynchronous invocations (not the queue's messages) share the queue's dead-letter queue.
    this.lambdaFunction = createBlockFunction(this, props, {
      timeout: QUEUE_WORKER_DEFAULTS.timeout,
      placeholderExtraFields: 'batchItemFailures: []',
      deadLetterQueue: this.deadLetterQueue,
    });
    this.grantPrincipal = this.lambdaFunction.grantPrincipal;
    this.connections = functionConnections(this.lambdaFunction);

    const source = new SqsEventSource(this.queue, {
      batchSize: props.batchSize ?? QUEUE_WORKER_DEFAULTS.batchSize,
      maxConcurrency: props.maxConcurrency,
      reportBatchItemFailures: true,
    });
    this.lambdaFunction.addEventSource(source);
    const mapping = this.lambdaFunction.node.tryFindChild(`SqsEventSource:${Names.nodeUniqueId(this.queue.node)}`);
    if (mapping) {
      acknowledgeRules(mapping, ['Serverless-LambdaEventSourceMappingDestination'],
        'SQS event sources take no on-failure destination: a message that keeps failing moves to the queue\'s dead-letter queue '
        + 'after its maximum receive count.');
    }
  }

  /** Add an environment variable to the function (a warning for an existing function). */
  public addEnvironment(key: string, value: string): void {
    addFunctionEnvironment(this.lambdaFunction, key, value);
  }
}
