import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { acknowledgeDeadLetterQueue } from '../acknowledge';
import { restrictRedriveSources } from './redrive-allow';
import { IDataStoreBlock } from '../contracts';

/** Properties for a `MessageQueue`. */
export interface MessageQueueProps {
  /**
   * Receives before a message is moved to the dead-letter queue.
   * @default 5
   */
  readonly maxReceiveCount?: number;
  /**
   * KMS key for both queues (SSE-KMS).
   * @default - SQS managed encryption (SSE-SQS)
   */
  readonly encryptionKey?: kms.IKey;
  /**
   * How long a received message stays hidden from other consumers.
   * @default Duration.seconds(30)
   */
  readonly visibilityTimeout?: Duration;
  /**
   * How long the main queue keeps a message. The dead-letter queue always keeps 14 days.
   * @default Duration.days(4)
   */
  readonly retentionPeriod?: Duration;
  /**
   * What happens to both queues when they leave the stack.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * Use this queue instead of creating one (and its dead-letter queue); every other prop
   * is then ignored.
   * @default - a new queue and dead-letter queue are created
   */
  readonly existingQueue?: sqs.IQueue;
  /**
   * The dead-letter queue of `existingQueue`, exposed for monitoring. Ignored without
   * `existingQueue`.
   * @default - none
   */
  readonly existingDeadLetterQueue?: sqs.IQueue;
  /**
   * Give the created dead-letter queue a redrive allow policy naming the queue as its only
   * source (`byQueue`), so no other queue can dump its failures there. CloudFormation cannot
   * express it on the queue itself (see `MessageQueue`), so a CDK `AwsCustomResource` sets it.
   * @default true
   */
  readonly restrictRedriveSources?: boolean;
}

/**
 * Secure defaults. Rule: user props win, except encryption at rest, the TLS-only queue
 * policy and the dead-letter queue, which are always on.
 */
const MESSAGE_QUEUE_DEFAULTS = {
  maxReceiveCount: 5,
  visibilityTimeout: Duration.seconds(30),
  retentionPeriod: Duration.days(4),
  deadLetterRetentionPeriod: Duration.days(14),
  removalPolicy: RemovalPolicy.RETAIN,
};

/** SQS's error codes for a queue that is gone (the dead-letter queue deleted before the policy is restored). */
/**
 * An encrypted, TLS-only SQS standard queue with a dead-letter queue, which accepts the
 * queue's failed messages only (a redrive allow policy `byQueue` naming the queue).
 *
 * Construct ids (contract): 'Queue', 'DeadLetterQueue', 'RedriveAllowPolicy'.
 */
export class MessageQueue extends Construct implements IDataStoreBlock {
  /** The queue consumers read from (created or given). */
  public readonly queue: sqs.IQueue;
  /**
   * Where messages go after `maxReceiveCount` failed receives. Undefined for an existing
   * queue given without `existingDeadLetterQueue`.
   */
  public readonly deadLetterQueue?: sqs.IQueue;
  /** Environment variables that locate the queue: `QUEUE_URL`. */
  public readonly connectionEnvironment: { [key: string]: string };

  constructor(scope: Construct, id: string, props: MessageQueueProps = {}) {
    super(scope, id);
    if (props.existingQueue) {
      this.queue = props.existingQueue;
      this.deadLetterQueue = props.existingDeadLetterQueue;
    } else {
      const d = MESSAGE_QUEUE_DEFAULTS;
      const encryption = {
        encryption: props.encryptionKey ? sqs.QueueEncryption.KMS : sqs.QueueEncryption.SQS_MANAGED,
        encryptionMasterKey: props.encryptionKey,
        enforceSSL: true,
        removalPolicy: props.removalPolicy ?? d.removalPolicy,
      };
      // Construct ids 'DeadLetterQueue' and 'Queue' are a contract: they fix logical IDs.
      const deadLetterQueue = new sqs.Queue(this, 'DeadLetterQueue', {
        ...encryption,
        retentionPeriod: d.deadLetterRetentionPeriod,
      });
      this.queue = new sqs.Queue(this, 'Queue', {
        ...encryption,
        visibilityTimeout: props.visibilityTimeout ?? d.visibilityTimeout,
        retentionPeriod: props.retentionPeriod ?? d.retentionPeriod,
        deadLetterQueue: { queue: deadLetterQueue, maxReceiveCount: props.maxReceiveCount ?? d.maxReceiveCount },
      });
      this.deadLetterQueue = deadLetterQueue;
      acknowledgeDeadLetterQueue(deadLetterQueue, 'messages consumers failed to process');
      if (props.restrictRedriveSources ?? true) restrictRedriveSources(this, deadLetterQueue, this.queue);
    }
    this.connectionEnvironment = { QUEUE_URL: this.queue.queueUrl };
  }

  /**
   * Consume messages: receive, delete and change visibility. Deleting a received message is
   * part of reading from a queue.
   */
  public grantRead(grantee: iam.IGrantable): void {
    this.queue.grantConsumeMessages(grantee);
  }

  /** Send and consume messages. */
  public grantReadWrite(grantee: iam.IGrantable): void {
    this.queue.grantSendMessages(grantee);
    this.queue.grantConsumeMessages(grantee);
  }

  /** No-op: SQS is reached through the AWS API, not the VPC network. */
  public allowConnectionsFrom(peer: ec2.IConnectable): void {
    void peer;
  }
}
