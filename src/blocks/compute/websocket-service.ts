import { ArnFormat, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { WebSocketLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct, IConstruct } from 'constructs';
import { addFunctionEnvironment, BlockFunctionProps, createBlockFunction, functionConnections, usesPlaceholderCode } from './function-defaults';
import { acknowledgeDeadLetterQueue, acknowledgeRules, wildcardResourceFinding } from '../acknowledge';
import { IComputeBlock } from '../contracts';

/** Properties of a WebSocketService. */
export interface WebSocketServiceProps extends BlockFunctionProps {
  /**
   * Steady-state messages per second the stage accepts.
   * @default - no stage throttling
   */
  readonly throttlingRateLimit?: number;
  /**
   * Burst of messages the stage accepts.
   * @default - no stage throttling
   */
  readonly throttlingBurstLimit?: number;
  /**
   * Point-in-time recovery of the connections table.
   * @default true
   */
  readonly pointInTimeRecovery?: boolean;
  /**
   * Deletion protection of the connections table.
   * @default false
   */
  readonly deletionProtection?: boolean;
}

const ACCESS_LOG_FIELDS = {
  requestId: '$context.requestId',
  ip: '$context.identity.sourceIp',
  requestTime: '$context.requestTime',
  routeKey: '$context.routeKey',
  eventType: '$context.eventType',
  connectionId: '$context.connectionId',
  status: '$context.status',
  integrationError: '$context.integrationErrorMessage',
};

/**
 * An API Gateway WebSocket API whose $connect, $disconnect and $default routes run one
 * function, with a DynamoDB table of open connections (`CONNECTIONS_TABLE`) and the
 * management endpoint (`CALLBACK_URL`) to post back to clients.
 */
export class WebSocketService extends Construct implements IComputeBlock {
  public readonly lambdaFunction: lambda.IFunction;
  public readonly webSocketApi: apigwv2.WebSocketApi;
  public readonly stage: apigwv2.WebSocketStage;
  /** Open connections: partition key `connectionId`. */
  public readonly connectionsTable: dynamodb.Table;
  public readonly deadLetterQueue: sqs.IQueue;
  /** The wss:// URL clients connect to. */
  public readonly url: string;
  /** The https:// management endpoint the function posts messages to. */
  public readonly callbackUrl: string;
  public readonly usesPlaceholder: boolean;
  public readonly grantPrincipal: iam.IPrincipal;
  /**
   * Network connections, when the function runs in a VPC.
   * @default - not in a VPC
   */
  public readonly connections?: ec2.Connections;

  constructor(scope: Construct, id: string, props: WebSocketServiceProps = {}) {
    super(scope, id);
    this.usesPlaceholder = usesPlaceholderCode(props);
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    this.connectionsTable = new dynamodb.Table(this, 'Connections', {
      partitionKey: { name: 'connectionId', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: props.pointInTimeRecovery ?? true },
      deletionProtection: props.deletionProtection ?? false,
      timeToLiveAttribute: 'expiresAt',
      removalPolicy,
    });
    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetterQueue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
      removalPolicy,
      // The function (or scheduler) sends here directly, not an SQS redrive: no queue may use it as its dead-letter queue.
      redriveAllowPolicy: { redrivePermission: sqs.RedrivePermission.DENY_ALL },
    });
    acknowledgeDeadLetterQueue(this.deadLetterQueue, 'the function\'s failed asynchronous invocations');
    this.lambdaFunction = createBlockFunction(this, props, { timeout: Duration.seconds(10), deadLetterQueue: this.deadLetterQueue });
    this.grantPrincipal = this.lambdaFunction.grantPrincipal;
    this.connections = functionConnections(this.lambdaFunction);
    this.connectionsTable.grantReadWriteData(this.lambdaFunction);

    const integration = (name: string) => new WebSocketLambdaIntegration(name, this.lambdaFunction);
    this.webSocketApi = new apigwv2.WebSocketApi(this, 'Api', {
      connectRouteOptions: { integration: integration('ConnectIntegration') },
      disconnectRouteOptions: { integration: integration('DisconnectIntegration') },
      defaultRouteOptions: { integration: integration('MessageIntegration') },
    });
    acknowledgeRules(this.webSocketApi, ['AwsSolutions-APIG4'],
      'The $connect route is public: the function authenticates each connection (a token in the query string) before storing it.');
    const accessLogs = new logs.LogGroup(this, 'AccessLogGroup', { retention: props.logRetention ?? logs.RetentionDays.ONE_YEAR, removalPolicy });
    const throttled = props.throttlingRateLimit !== undefined || props.throttlingBurstLimit !== undefined;
    this.stage = new apigwv2.WebSocketStage(this, 'Stage', {
      webSocketApi: this.webSocketApi,
      stageName: 'live',
      autoDeploy: true,
      accessLogSettings: {
        destination: new apigwv2.LogGroupLogDestination(accessLogs),
        format: apigw.AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)),
      },
      throttle: throttled ? { rateLimit: props.throttlingRateLimit, burstLimit: props.throttlingBurstLimit } : undefined,
    });
    this.grantManageConnections(this);
    this.url = this.stage.url;
    this.callbackUrl = this.stage.callbackUrl;
    this.addEnvironment('CONNECTIONS_TABLE', this.connectionsTable.tableName);
    this.addEnvironment('CALLBACK_URL', this.callbackUrl);
  }

  /**
   * Lets a grantee post to (and disconnect) the stage's clients: the connection id is only known
   * at run time, so the resource ends in a wildcard, acknowledged on the grantee with that reason.
   */
  public grantManageConnections(grantee: iam.IGrantable): void {
    const arn = Stack.of(this).formatArn({
      service: 'execute-api', resource: this.webSocketApi.apiId, arnFormat: ArnFormat.SLASH_RESOURCE_NAME, resourceName: `${this.stage.stageName}/POST/@connections/*`,
    });
    iam.Grant.addToPrincipal({ grantee, actions: ['execute-api:ManageConnections'], resourceArns: [arn] });
    // On the principal (the role that owns the policy), where the finding is raised.
    const principal = Construct.isConstruct(grantee.grantPrincipal) ? grantee.grantPrincipal as IConstruct : undefined;
    if (principal) {
      acknowledgeRules(principal, [wildcardResourceFinding(this, arn)],
        'Posting to a WebSocket client names its connection id, known only at run time; the grant is limited to this API\'s stage and its @connections path.');
    }
  }

  public addEnvironment(key: string, value: string): void {
    addFunctionEnvironment(this.lambdaFunction, key, value);
  }
}
