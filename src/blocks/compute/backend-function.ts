import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { addFunctionEnvironment, BlockFunctionProps, createBlockFunction, functionConnections, usesPlaceholderCode } from './function-defaults';
import { acknowledgeDeadLetterQueue } from '../acknowledge';
import { IComputeBlock } from '../contracts';

/** Properties of a BackendFunction. */
export interface BackendFunctionProps extends BlockFunctionProps {}

/**
 * A function only other services call: no public endpoint. Callers invoke it with IAM
 * (`grantInvoke`) by its name; failed asynchronous invocations go to a dead-letter queue.
 */
export class BackendFunction extends Construct implements IComputeBlock {
  /** The function. */
  public readonly lambdaFunction: lambda.IFunction;
  /** Dead-letter queue of failed asynchronous invocations. */
  public readonly deadLetterQueue: sqs.IQueue;
  /** True when placeholder code is deployed. */
  public readonly usesPlaceholder: boolean;
  public readonly grantPrincipal: iam.IPrincipal;
  /**
   * Network connections, when the function runs in a VPC.
   * @default - not in a VPC
   */
  public readonly connections?: ec2.Connections;

  constructor(scope: Construct, id: string, props: BackendFunctionProps = {}) {
    super(scope, id);
    this.usesPlaceholder = usesPlaceholderCode(props);
    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetterQueue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
      // The function sends here directly, not an SQS redrive: no queue may use it as its dead-letter queue.
      redriveAllowPolicy: { redrivePermission: sqs.RedrivePermission.DENY_ALL },
    });
    acknowledgeDeadLetterQueue(this.deadLetterQueue, 'the function\'s failed asynchronous invocations');
    this.lambdaFunction = createBlockFunction(this, props, { timeout: Duration.seconds(10), deadLetterQueue: this.deadLetterQueue });
    this.grantPrincipal = this.lambdaFunction.grantPrincipal;
    this.connections = functionConnections(this.lambdaFunction);
  }

  /** Add an environment variable to the function. */
  public addEnvironment(key: string, value: string): void {
    addFunctionEnvironment(this.lambdaFunction, key, value);
  }
}
