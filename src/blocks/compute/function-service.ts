import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import {
  addFunctionEnvironment, BlockFunctionProps, createBlockFunction, functionConnections, usesPlaceholderCode,
} from './function-defaults';
import { acknowledgeDeadLetterQueue, acknowledgeRules } from '../acknowledge';
import { IComputeBlock } from '../contracts';

/**
 * Defaults on top of the shared Lambda defaults. Rule: user props win, except JSON access
 * logging on the default stage and an encrypted, TLS-only dead-letter queue, which are
 * always on.
 */
const FUNCTION_SERVICE_DEFAULTS = {
  timeout: Duration.seconds(10),
  logRetention: logs.RetentionDays.ONE_YEAR,
  removalPolicy: RemovalPolicy.RETAIN,
  deadLetterRetention: Duration.days(14),
};

/** Structured (JSON) access log record, with variables HTTP APIs support. */
const HTTP_API_ACCESS_LOG_FIELDS = {
  requestId: '$context.requestId',
  ip: '$context.identity.sourceIp',
  requestTime: '$context.requestTime',
  httpMethod: '$context.httpMethod',
  routeKey: '$context.routeKey',
  path: '$context.path',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  latencyMs: '$context.responseLatency',
  integrationError: '$context.integrationErrorMessage',
};

/** Properties for a `FunctionService`. */
export interface FunctionServiceProps extends BlockFunctionProps {
  /**
   * Steady-state request rate limit (requests per second) of the default stage.
   * @default - no stage throttling (account-level limits apply)
   */
  readonly throttlingRateLimit?: number;
  /**
   * Burst limit (requests) of the default stage.
   * @default - no stage throttling (account-level limits apply)
   */
  readonly throttlingBurstLimit?: number;
  /**
   * Authorizer of the catch-all route (JWT, Lambda or IAM).
   * @default - no authorizer: the application authenticates requests itself
   */
  readonly authorizer?: apigwv2.IHttpRouteAuthorizer;
}

/**
 * An HTTP API (API Gateway v2) whose catch-all `$default` route invokes a Lambda function.
 *
 * Construct ids (contract): 'Function', 'LogGroup', 'ServiceRole', 'DeadLetterQueue', 'HttpApi',
 * 'HttpApi/DefaultStage', 'AccessLogGroup'.
 */
export class FunctionService extends Construct implements IComputeBlock {
  /** The function serving requests. */
  public readonly lambdaFunction: lambda.IFunction;
  /** The HTTP API. */
  public readonly httpApi: apigwv2.HttpApi;
  /** The default stage (with access logging). */
  public readonly stage: apigwv2.HttpStage;
  /** The access log group of the default stage. */
  public readonly accessLogGroup: logs.ILogGroup;
  /**
   * Where failed asynchronous invocations of the function go.
   * @default - none for an existing function
   */
  public readonly deadLetterQueue?: sqs.IQueue;
  /** The API endpoint URL. */
  public readonly url: string;
  /** True when the function runs placeholder code. */
  public readonly usesPlaceholder: boolean;
  /** The principal to grant data access to (the function's role). */
  public readonly grantPrincipal: iam.IPrincipal;
  /** Network connections, when the function runs in a VPC. */
  public readonly connections?: ec2.Connections;

  constructor(scope: Construct, id: string, props: FunctionServiceProps = {}) {
    super(scope, id);

    this.usesPlaceholder = usesPlaceholderCode(props);
    const removalPolicy = props.removalPolicy ?? FUNCTION_SERVICE_DEFAULTS.removalPolicy;
    // Construct id 'DeadLetterQueue' is a contract.
    this.deadLetterQueue = props.existingFunction ? undefined : new sqs.Queue(this, 'DeadLetterQueue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: FUNCTION_SERVICE_DEFAULTS.deadLetterRetention,
      removalPolicy,
    });
    if (this.deadLetterQueue) acknowledgeDeadLetterQueue(this.deadLetterQueue, 'the function\'s failed asynchronous invocations');
    this.lambdaFunction = createBlockFunction(this, props, { timeout: FUNCTION_SERVICE_DEFAULTS.timeout, deadLetterQueue: this.deadLetterQueue });
    this.grantPrincipal = this.lambdaFunction.grantPrincipal;
    this.connections = functionConnections(this.lambdaFunction);

    this.httpApi = new apigwv2.HttpApi(this, 'HttpApi', {
      defaultIntegration: new HttpLambdaIntegration('Integration', this.lambdaFunction),
      defaultAuthorizer: props.authorizer,
      createDefaultStage: false,
    });
    if (!props.authorizer) {
      acknowledgeRules(this.httpApi, ['AwsSolutions-APIG4'],
        'Public API without an authorizer: the application authenticates its requests; pass `authorizer` (JWT, Lambda or IAM) '
        + 'to authorize at the edge instead.');
    }

    this.accessLogGroup = new logs.LogGroup(this, 'AccessLogGroup', {
      retention: props.logRetention ?? FUNCTION_SERVICE_DEFAULTS.logRetention,
      removalPolicy,
    });

    const throttled = props.throttlingRateLimit !== undefined || props.throttlingBurstLimit !== undefined;
    this.stage = this.httpApi.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      accessLogSettings: {
        destination: new apigwv2.LogGroupLogDestination(this.accessLogGroup),
        format: apigw.AccessLogFormat.custom(JSON.stringify(HTTP_API_ACCESS_LOG_FIELDS)),
      },
      throttle: throttled
        ? { rateLimit: props.throttlingRateLimit, burstLimit: props.throttlingBurstLimit }
        : undefined,
    });

    this.url = this.stage.url;
  }

  /** Add an environment variable to the function (a warning for an existing function). */
  public addEnvironment(key: string, value: string): void {
    addFunctionEnvironment(this.lambdaFunction, key, value);
  }
}
