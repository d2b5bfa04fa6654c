import { CfnOutput, Duration, RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import type * as acm from 'aws-cdk-lib/aws-certificatemanager';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as ecs from 'aws-cdk-lib/aws-ecs';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as route53 from 'aws-cdk-lib/aws-route53';
import { Construct } from 'constructs';
import { BLOCK_MODULES, SERVICE_MODULES } from './block-modules';
import { BuiltDataStore } from './data-stores';
import { envPrefix, outputKey } from './names';
import { logRetention } from './retention';
import type { BlockFunctionProps, IComputeBlock, MessageQueue, NetworkBlock, Observability } from '../blocks';
import { serviceAlarms } from '../design/application-alarms';
import { ResiliencePlan, ServiceBlockKind, ServicePlan } from '../design/model';
import { ApiAuthType } from '../requirements';

export interface ServiceContext {
  readonly resilience: ResiliencePlan;
  readonly network?: NetworkBlock;
  readonly stores: Map<string, BuiltDataStore>;
  /** Services built so far (callees are built before their callers). */
  readonly services: Map<string, BuiltService>;
  readonly observability: Observability;
  /** Scope for shared edge resources (web ACLs). */
  readonly edgeScope: Construct;
  /** Scope for outputs (the stack). */
  readonly outputScope: Construct;
  /**
   * The requirements' domain: user-facing services are served on it over HTTPS.
   * @default - AWS-provided names
   */
  readonly domain?: ServiceDomain;
}

/** The hosted zone user-facing services get their host names and certificates in. */
export interface ServiceDomain {
  readonly zoneName: string;
  readonly zone: route53.IHostedZone;
  /** The requirements' existing certificate; without it each service gets a DNS-validated one. */
  readonly certificate?: acm.ICertificate;
  /**
   * Certificates made in us-east-1 for the static sites (by service name), when the stack deploys elsewhere.
   * @default - none
   */
  readonly siteCertificates?: Map<string, acm.ICertificate>;
}

/** The host a user-facing service is served on: its own `hostName`, or `<service>.<zone>`. */
function hostOf(plan: ServicePlan, domain: ServiceDomain): string {
  return plan.hostName ?? `${plan.name}.${domain.zoneName}`;
}

/** A built service, with what its callers need to reach it. */
export interface BuiltService {
  readonly plan: ServicePlan;
  readonly block: Construct;
  readonly compute?: IComputeBlock;
  /** Environment variables a caller gets (unprefixed: the caller's wiring adds the callee's name). */
  readonly endpoint: { [key: string]: string };
  /** Least-privilege access for a caller: IAM invoke, or network ingress on the service port. */
  readonly allowCaller: (caller: IComputeBlock) => void;
}

export type ServiceBuilder = (scope: Construct, plan: ServicePlan, ctx: ServiceContext) => BuiltService;

/** One builder per block kind: a new ServiceBlockKind does not compile until it is built somewhere. */
export const SERVICE_BUILDERS: Record<ServiceBlockKind, ServiceBuilder> = {
  [ServiceBlockKind.STATIC_SITE]: buildStaticSite,
  [ServiceBlockKind.CONTAINER_SERVICE]: buildContainer,
  [ServiceBlockKind.FUNCTION_API]: buildFunctionApi,
  [ServiceBlockKind.QUEUE_WORKER]: buildQueueWorker,
  [ServiceBlockKind.SCHEDULED_JOB]: buildScheduledJob,
  [ServiceBlockKind.BACKEND_FUNCTION]: buildBackendFunction,
  [ServiceBlockKind.BACKEND_CONTAINER]: buildBackendContainer,
  [ServiceBlockKind.WEBSOCKET_API]: buildWebSocket,
};

/**
 * Builds one service from its plan, grants it least-privilege access to its stores and to the
 * services it calls, monitors it and outputs how to reach it.
 */
export function buildService(scope: Construct, plan: ServicePlan, ctx: ServiceContext): BuiltService {
  const built = SERVICE_BUILDERS[plan.block](scope, plan, ctx);
  if (built.compute) {
    grantStores(plan, built.compute, ctx);
    for (const callee of plan.calls) {
      const target = ctx.services.get(callee)!;
      target.allowCaller(built.compute);
      for (const [key, value] of Object.entries(target.endpoint)) built.compute.addEnvironment(`${envPrefix(callee)}_${key}`, value);
    }
  }
  return built;
}

const noCallerAccess = () => undefined;

function buildStaticSite(scope: Construct, plan: ServicePlan, ctx: ServiceContext): BuiltService {
  const { StaticSite } = BLOCK_MODULES.staticSite();
  const site = new StaticSite(scope, plan.name, { contentPath: plan.codePath, removalPolicy: removal(ctx), ...siteDomain(scope, plan, ctx) });
  ctx.observability._addAlarms(serviceAlarms(plan), { distribution: site.distribution });
  output(ctx, outputKey('siteUrl', plan.name), site.url, `URL of the '${plan.name}' static site (CloudFront)`);
  output(ctx, outputKey('siteBucket', plan.name), site.bucket.bucketName, `Bucket holding the '${plan.name}' site files`);
  return { plan, block: site, endpoint: { URL: site.url }, allowCaller: noCallerAccess };
}

/**
 * CloudFront takes certificates from us-east-1 only: a site is served on its host name with the
 * requirements' certificate (validated to be in us-east-1), one the block creates when the stack
 * deploys there, or one the stack made in its us-east-1 certificate stack (any other region; an
 * environment-agnostic stack is a validation error naming requirements.domain).
 */
function siteDomain(scope: Construct, plan: ServicePlan, ctx: ServiceContext) {
  if (!ctx.domain) return {};
  const host = hostOf(plan, ctx.domain);
  const region = Stack.of(scope).region;
  const certificate = ctx.domain.certificate ?? ctx.domain.siteCertificates?.get(plan.name);
  if (certificate || (!Token.isUnresolved(region) && region === 'us-east-1')) {
    return { domainNames: [host], hostedZone: ctx.domain.zone, certificate };
  }
  throw new Error(`static site '${plan.name}' has no certificate for ${host} in us-east-1 (design bug: the stack makes one)`);
}

/** Who may call an HTTP API, as the function block's authorizer props. */
function apiAuth(plan: ServicePlan) {
  const auth = plan.auth;
  if (!auth) return {};
  if (auth.type === ApiAuthType.JWT) return { jwtAuthorizer: { issuer: auth.issuer!, audience: auth.audience ?? [] } };
  if (auth.type === ApiAuthType.IAM) return { iamAuthorization: true };
  return { publicAccessReason: auth.reason };
}

function buildContainer(scope: Construct, plan: ServicePlan, ctx: ServiceContext): BuiltService {
  const { ContainerService } = BLOCK_MODULES.containerService();
  const service = new ContainerService(scope, plan.name, {
    vpc: ctx.network!.vpc,
    image: plan.containerImage ? containerImage(scope, plan.name, plan.containerImage) : undefined,
    containerPort: plan.containerPort,
    healthCheckPath: plan.healthCheckPath,
    cpu: plan.cpuUnits,
    memoryLimitMiB: plan.memoryMiB,
    desiredCount: plan.minTasks,
    minCapacity: plan.minTasks,
    maxCapacity: plan.maxTasks,
    targetRequestsPerTask: plan.scaleOutRequestsPerTaskPerMinute,
    logRetention: logRetention(ctx.resilience.logRetentionDays),
    removalPolicy: removal(ctx),
    user: plan.containerUser,
    ...(ctx.domain ? { domainName: hostOf(plan, ctx.domain), hostedZone: ctx.domain.zone, certificate: ctx.domain.certificate } : {}),
    // The load balancer verifies tokens against the issuer's key set at its well-known location.
    ...(plan.auth?.type === ApiAuthType.JWT && ctx.domain
      ? { jwtIssuer: plan.auth.issuer, jwksEndpoint: `${plan.auth.issuer!.replace(/\/$/, '')}/.well-known/jwks.json` } : {}),
  });
  let webAclMetricName: string | undefined;
  if (plan.webApplicationFirewall) {
    const { RegionalWebAcl } = BLOCK_MODULES.webAcl();
    const acl = new RegionalWebAcl(ctx.edgeScope, `${plan.name}-waf`, {});
    acl.associate(service.loadBalancer.loadBalancerArn, `${plan.name}-waf-association`);
    webAclMetricName = acl.metricName;
  }
  ctx.observability._addAlarms(serviceAlarms(plan), {
    webAclMetricName, containerService: service.service, loadBalancer: service.loadBalancer, targetGroup: service.targetGroup,
  });
  output(ctx, outputKey('serviceEndpoint', plan.name), service.url, `Endpoint URL of the '${plan.name}' service (Application Load Balancer)`);
  return { plan, block: service, compute: service, endpoint: { URL: service.url }, allowCaller: noCallerAccess };
}

const ECR_IMAGE = /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/([^:@]+)(?::([^@]+)|@(sha256:[a-f0-9]{64}))?$/;

/**
 * A private ECR image is referenced through its repository so the task execution role is
 * granted pull access; any other reference is pulled from its registry as is.
 */
function containerImage(scope: Construct, name: string, image: string): ecs.ContainerImage {
  const ecsModule = SERVICE_MODULES.ecs();
  const ecrMatch = ECR_IMAGE.exec(image);
  if (!ecrMatch) return ecsModule.ContainerImage.fromRegistry(image);
  const [, account, region, repositoryName, tag, digest] = ecrMatch;
  const repository = SERVICE_MODULES.ecr().Repository.fromRepositoryAttributes(scope, `${name}-repository`, {
    repositoryName,
    repositoryArn: `arn:${Stack.of(scope).partition}:ecr:${region}:${account}:repository/${repositoryName}`,
  });
  return ecsModule.ContainerImage.fromEcrRepository(repository, digest ?? tag ?? 'latest');
}

function functionProps(plan: ServicePlan, ctx: ServiceContext): BlockFunctionProps {
  return {
    code: plan.codePath ? SERVICE_MODULES.lambda().Code.fromAsset(plan.codePath) : undefined,
    handler: plan.codePath ? plan.handler : undefined,
    memorySize: plan.memoryMiB,
    timeout: Duration.seconds(plan.timeoutSeconds),
    vpc: plan.inVpc ? ctx.network?.vpc : undefined,
    vpcSubnets: plan.inVpc ? ctx.network?.privateSubnets : undefined,
    reservedConcurrentExecutions: plan.reservedConcurrency,
    logRetention: logRetention(ctx.resilience.logRetentionDays),
    removalPolicy: removal(ctx),
  };
}

function buildFunctionApi(scope: Construct, plan: ServicePlan, ctx: ServiceContext): BuiltService {
  const { FunctionService } = BLOCK_MODULES.functionService();
  const api = new FunctionService(scope, plan.name, {
    ...functionProps(plan, ctx),
    throttlingRateLimit: plan.throttleRatePerSecond,
    throttlingBurstLimit: plan.throttleBurst,
    ...apiAuth(plan),
    ...(ctx.domain ? { domainName: hostOf(plan, ctx.domain), hostedZone: ctx.domain.zone, certificate: ctx.domain.certificate } : {}),
  });
  ctx.observability._addAlarms(serviceAlarms(plan), { function: api.lambdaFunction, deadLetterQueue: api.deadLetterQueue, httpApi: api.httpApi });
  output(ctx, outputKey('serviceEndpoint', plan.name), api.url, `Endpoint URL of the '${plan.name}' API (API Gateway HTTP API)`);
  return { plan, block: api, compute: api, endpoint: { URL: api.url }, allowCaller: noCallerAccess };
}

function buildQueueWorker(scope: Construct, plan: ServicePlan, ctx: ServiceContext): BuiltService {
  const consumed = plan.consumesQueue ? ctx.stores.get(plan.consumesQueue)!.block as MessageQueue : undefined;
  const { QueueWorker } = BLOCK_MODULES.queueWorker();
  const worker = new QueueWorker(scope, plan.name, { ...functionProps(plan, ctx), queue: consumed?.queue });
  const watched = { function: worker.lambdaFunction, deadLetterQueue: worker.deadLetterQueue, queue: worker.queue };
  ctx.observability._addAlarms(serviceAlarms(plan), watched);
  if (!consumed) {
    output(ctx, outputKey('workQueueUrl', plan.name), worker.queue.queueUrl, `URL of the work queue the '${plan.name}' worker consumes`);
  }
  return {
    plan,
    block: worker,
    compute: worker,
    endpoint: { QUEUE_URL: worker.queue.queueUrl },
    allowCaller: (caller) => { worker.queue.grantSendMessages(caller); },
  };
}

function buildScheduledJob(scope: Construct, plan: ServicePlan, ctx: ServiceContext): BuiltService {
  const { ScheduledJob } = BLOCK_MODULES.scheduledJob();
  const schedule = SERVICE_MODULES.scheduler().ScheduleExpression.expression(plan.schedule!);
  const job = new ScheduledJob(scope, plan.name, { ...functionProps(plan, ctx), schedule });
  ctx.observability._addAlarms(serviceAlarms(plan), { function: job.lambdaFunction, deadLetterQueue: job.deadLetterQueue });
  output(ctx, outputKey('jobFunction', plan.name), job.lambdaFunction.functionName, `Function the '${plan.name}' job runs on '${plan.schedule}'`);
  return functionCallee(plan, job, job.lambdaFunction);
}

function buildBackendFunction(scope: Construct, plan: ServicePlan, ctx: ServiceContext): BuiltService {
  const { BackendFunction } = BLOCK_MODULES.backendFunction();
  const backend = new BackendFunction(scope, plan.name, functionProps(plan, ctx));
  ctx.observability._addAlarms(serviceAlarms(plan), { function: backend.lambdaFunction, deadLetterQueue: backend.deadLetterQueue });
  output(ctx, outputKey('backendFunction', plan.name), backend.lambdaFunction.functionName, `Function callers of the '${plan.name}' backend invoke (no public endpoint)`);
  return functionCallee(plan, backend, backend.lambdaFunction);
}

function buildBackendContainer(scope: Construct, plan: ServicePlan, ctx: ServiceContext): BuiltService {
  const { BackendContainerService } = BLOCK_MODULES.backendContainer();
  const backend = new BackendContainerService(scope, plan.name, {
    vpc: ctx.network!.vpc,
    image: plan.containerImage ? containerImage(scope, plan.name, plan.containerImage) : undefined,
    containerPort: plan.containerPort,
    cpu: plan.cpuUnits,
    memoryLimitMiB: plan.memoryMiB,
    desiredCount: plan.minTasks,
    minCapacity: plan.minTasks,
    maxCapacity: plan.maxTasks,
    logRetention: logRetention(ctx.resilience.logRetentionDays),
    removalPolicy: removal(ctx),
    user: plan.containerUser,
  });
  ctx.observability._addAlarms(serviceAlarms(plan), { containerService: backend.service });
  output(ctx, outputKey('backendEndpoint', plan.name), backend.url, `Private URL of the '${plan.name}' backend (Cloud Map name, inside the VPC)`);
  return {
    plan,
    block: backend,
    compute: backend,
    endpoint: { URL: backend.url },
    allowCaller: (caller) => { if (caller.connections) backend.allowCallsFrom(caller.connections); },
  };
}

function buildWebSocket(scope: Construct, plan: ServicePlan, ctx: ServiceContext): BuiltService {
  const { WebSocketService } = BLOCK_MODULES.webSocket();
  const ws = new WebSocketService(scope, plan.name, {
    ...functionProps(plan, ctx),
    throttlingRateLimit: plan.throttleRatePerSecond,
    throttlingBurstLimit: plan.throttleBurst,
    pointInTimeRecovery: ctx.resilience.retainOnDelete || plan.reservedConcurrency !== undefined,
    deletionProtection: ctx.resilience.deletionProtection,
  });
  ctx.observability._addAlarms(serviceAlarms(plan), {
    function: ws.lambdaFunction,
    deadLetterQueue: ws.deadLetterQueue,
    table: ws.connectionsTable,
    webSocketApiId: ws.webSocketApi.apiId,
    webSocketStage: ws.stage.stageName,
  });
  output(ctx, outputKey('webSocketUrl', plan.name), ws.url, `WebSocket URL of the '${plan.name}' API (API Gateway)`);
  return {
    plan,
    block: ws,
    compute: ws,
    endpoint: { CALLBACK_URL: ws.callbackUrl },
    allowCaller: (caller) => ws.grantManageConnections(caller),
  };
}

function functionCallee(plan: ServicePlan, block: IComputeBlock, fn: lambda.IFunction): BuiltService {
  // The function itself, not its versions (`:*`): callers invoke $LATEST by name.
  const allowCaller = (caller: IComputeBlock) => { SERVICE_MODULES.iam().Grant.addToPrincipal({ grantee: caller, actions: ['lambda:InvokeFunction'], resourceArns: [fn.functionArn] }); };
  return { plan, block, compute: block, endpoint: { FUNCTION_NAME: fn.functionName }, allowCaller };
}

/** Least privilege: data actions only, read-only where the requirements say so, network only to stores used. */
function grantStores(plan: ServicePlan, compute: IComputeBlock, ctx: ServiceContext): void {
  const wire = (name: string, readWrite: boolean) => {
    const store = ctx.stores.get(name)!;
    if (readWrite) store.block.grantReadWrite(compute);
    else store.block.grantRead(compute);
    if (compute.connections) allowStoreConnections(store, compute.connections);
    for (const [key, value] of Object.entries(store.block.connectionEnvironment)) {
      compute.addEnvironment(`${envPrefix(name)}_${key}`, value);
    }
  };
  plan.readWriteStores.forEach((n) => wire(n, true));
  plan.readOnlyStores.forEach((n) => wire(n, false));
}

/**
 * Network access to a store. A service in a nested stack gets its ingress rule in its own stack
 * (CDK would put it beside the store's security group, one per service in the application stack).
 */
function allowStoreConnections(store: BuiltDataStore, connections: ec2.Connections): void {
  const own = (store.block as unknown as { connections?: ec2.Connections }).connections;
  const port = own?.defaultPort;
  const nested = Stack.of(connections.securityGroups[0] ?? store.block) !== Stack.of(store.block);
  if (!own || !port || !nested) {
    store.block.allowConnectionsFrom({ connections });
    return;
  }
  // As Connections.allowDefaultPortFrom, with the rules in the peer's stack.
  for (const sg of own.securityGroups) {
    for (const peer of connections.securityGroups) {
      sg.addIngressRule(peer, port, 'Default port', true);
      peer.addEgressRule(sg, port, 'Default port');
    }
  }
}

function removal(ctx: ServiceContext): RemovalPolicy {
  return ctx.resilience.retainOnDelete ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
}

function output(ctx: ServiceContext, key: string, value: string, description: string): void {
  new CfnOutput(ctx.outputScope, key, { value, description });
}
