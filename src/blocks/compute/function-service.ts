import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpIamAuthorizer, HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as route53Targets from 'aws-cdk-lib/aws-route53-targets';
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

/** A JWT authorizer: tokens from `issuer` whose audience is one of `audience`. */
export interface JwtAuthorizerOptions {
  /** The token issuer's https URL (its OpenID discovery document is read from there). */
  readonly issuer: string;
  /** Accepted audiences (client IDs); at least one. */
  readonly audience: string[];
}

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
   * Authorizer of the catch-all route (JWT, Lambda or IAM). At most one of `authorizer`,
   * `jwtAuthorizer` and `iamAuthorization`.
   * @default - no authorizer (see `publicAccessReason`)
   */
  readonly authorizer?: apigwv2.IHttpRouteAuthorizer;
  /**
   * Verify JSON Web Tokens at the API (an `HttpJwtAuthorizer`).
   * @default - no JWT authorizer
   */
  readonly jwtAuthorizer?: JwtAuthorizerOptions;
  /**
   * Require SigV4-signed requests from IAM principals allowed `execute-api:Invoke` (an `HttpIamAuthorizer`).
   * @default false
   */
  readonly iamAuthorization?: boolean;
  /**
   * Why the API has no authorizer, shown with the acknowledged `AwsSolutions-APIG4` finding
   * (for example the requirements' `auth.reason`).
   * @default - 'the application authenticates its requests'
   */
  readonly publicAccessReason?: string;
  /**
   * Custom domain (for example `api.example.com`) served with TLS 1.2 or later, mapped to
   * the default stage; the execute-api endpoint is then disabled so every caller uses it.
   * @default - the execute-api endpoint only
   */
  readonly domainName?: string;
  /**
   * Hosted zone of `domainName`: an alias record is created in it, and the certificate is
   * validated in it when `certificate` is not given.
   * @default - none (then `certificate` is required with `domainName`, and no record is created)
   */
  readonly hostedZone?: route53.IHostedZone;
  /**
   * Certificate for `domainName`, in the stack's region.
   * @default - a DNS-validated certificate created in `hostedZone`
   */
  readonly certificate?: acm.ICertificate;
}

/**
 * An HTTP API (API Gateway v2) whose catch-all `$default` route invokes a Lambda function.
 *
 * Construct ids (contract): 'Function', 'LogGroup', 'ServiceRole', 'DeadLetterQueue', 'HttpApi',
 * 'HttpApi/DefaultStage', 'AccessLogGroup', 'DomainName', 'Certificate', 'ApiMapping', 'AliasRecord'.
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
      // The function sends here directly (not an SQS redrive), so no queue may use it as its dead-letter queue.
      redriveAllowPolicy: { redrivePermission: sqs.RedrivePermission.DENY_ALL },
    });
    if (this.deadLetterQueue) acknowledgeDeadLetterQueue(this.deadLetterQueue, 'the function\'s failed asynchronous invocations');
    this.lambdaFunction = createBlockFunction(this, props, { timeout: FUNCTION_SERVICE_DEFAULTS.timeout, deadLetterQueue: this.deadLetterQueue });
    this.grantPrincipal = this.lambdaFunction.grantPrincipal;
    this.connections = functionConnections(this.lambdaFunction);

    const authorizer = this.authorizerOf(props);
    this.httpApi = new apigwv2.HttpApi(this, 'HttpApi', {
      defaultIntegration: new HttpLambdaIntegration('Integration', this.lambdaFunction),
      defaultAuthorizer: authorizer,
      createDefaultStage: false,
      disableExecuteApiEndpoint: props.domainName !== undefined ? true : undefined,
    });
    if (!authorizer) {
      acknowledgeRules(this.httpApi, ['AwsSolutions-APIG4'],
        `Public API without an authorizer: ${props.publicAccessReason ?? 'the application authenticates its requests'}; `
        + 'pass jwtAuthorizer, iamAuthorization or authorizer to authorize at the API instead.');
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

    this.url = props.domainName ? `https://${props.domainName}/` : this.stage.url;
    if (props.domainName) this.mapCustomDomain(props, props.domainName);
  }

  private authorizerOf(props: FunctionServiceProps): apigwv2.IHttpRouteAuthorizer | undefined {
    const given = [props.authorizer, props.jwtAuthorizer, props.iamAuthorization || undefined].filter((a) => a !== undefined);
    if (given.length > 1) throw new Error(`${this.node.path}: give at most one of authorizer, jwtAuthorizer and iamAuthorization`);
    if (props.jwtAuthorizer) {
      const { issuer, audience } = props.jwtAuthorizer;
      if (!issuer.startsWith('https://') || audience.length === 0) {
        throw new Error(`${this.node.path}: jwtAuthorizer needs an https issuer and at least one audience`);
      }
      return new HttpJwtAuthorizer('JwtAuthorizer', issuer, { jwtAudience: audience });
    }
    if (props.iamAuthorization) return new HttpIamAuthorizer();
    return props.authorizer;
  }

  private mapCustomDomain(props: FunctionServiceProps, domainName: string): void {
    if (!props.certificate && !props.hostedZone) {
      throw new Error(`${this.node.path}: domainName needs a certificate or a hostedZone to validate one in`);
    }
    const certificate = props.certificate ?? new acm.Certificate(this, 'Certificate', {
      domainName, validation: acm.CertificateValidation.fromDns(props.hostedZone),
    });
    const domain = new apigwv2.DomainName(this, 'DomainName', {
      domainName, certificate, securityPolicy: apigwv2.SecurityPolicy.TLS_1_2, endpointType: apigwv2.EndpointType.REGIONAL,
    });
    new apigwv2.ApiMapping(this, 'ApiMapping', { api: this.httpApi, domainName: domain, stage: this.stage });
    if (props.hostedZone) {
      const target = new route53Targets.ApiGatewayv2DomainProperties(domain.regionalDomainName, domain.regionalHostedZoneId);
      new route53.ARecord(this, 'AliasRecord', { zone: props.hostedZone, recordName: domainName, target: route53.RecordTarget.fromAlias(target) });
    }
  }

  /** Add an environment variable to the function (a warning for an existing function). */
  public addEnvironment(key: string, value: string): void {
    addFunctionEnvironment(this.lambdaFunction, key, value);
  }
}
