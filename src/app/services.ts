import { CfnOutput, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import {
  BlockFunctionProps, ContainerService, FunctionService, IComputeBlock, MessageQueue, NetworkBlock, Observability,
  QueueWorker, RegionalWebAcl, ScheduledJob, StaticSite,
} from '../blocks';
import { ComputeRuntime, ResiliencePlan, ServicePlan } from '../design/model';
import { WorkloadType } from '../requirements';
import { BuiltDataStore } from './data-stores';
import { envPrefix, outputKey } from './names';
import { logRetention } from './retention';

export interface ServiceContext {
  readonly resilience: ResiliencePlan;
  readonly network?: NetworkBlock;
  readonly stores: Map<string, BuiltDataStore>;
  readonly observability: Observability;
  /** Scope for shared edge resources (web ACLs). */
  readonly edgeScope: Construct;
  /** Scope for outputs (the stack). */
  readonly outputScope: Construct;
}

/** Builds one service, grants it least-privilege access to its stores, monitors it and outputs how to reach it. */
export function buildService(scope: Construct, plan: ServicePlan, ctx: ServiceContext): void {
  if (plan.runtime === ComputeRuntime.S3_CLOUDFRONT) {
    const site = new StaticSite(scope, plan.name, {
      contentPath: plan.codePath,
      removalPolicy: ctx.resilience.retainOnDelete ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    ctx.observability.monitorDistribution(plan.name, site.distribution);
    output(ctx, outputKey('siteUrl', plan.name), site.url, `URL of the '${plan.name}' static site (CloudFront)`);
    output(ctx, outputKey('siteBucket', plan.name), site.bucket.bucketName, `Bucket holding the '${plan.name}' site files`);
    return;
  }
  const compute = plan.runtime === ComputeRuntime.FARGATE ? buildContainer(scope, plan, ctx) : buildFunction(scope, plan, ctx);
  grantStores(plan, compute, ctx);
}

function buildContainer(scope: Construct, plan: ServicePlan, ctx: ServiceContext): IComputeBlock {
  const network = ctx.network!;
  const service = new ContainerService(scope, plan.name, {
    vpc: network.vpc,
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
    removalPolicy: ctx.resilience.retainOnDelete ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
  });
  if (plan.webApplicationFirewall) {
    const acl = new RegionalWebAcl(ctx.edgeScope, `${plan.name}-waf`, {});
    acl.associate(service.loadBalancer.loadBalancerArn, `${plan.name}-waf-association`);
  }
  ctx.observability.monitorLoadBalancedService(plan.name, service.service, service.loadBalancer, service.targetGroup);
  output(ctx, outputKey('serviceEndpoint', plan.name), service.url, `Endpoint URL of the '${plan.name}' service (Application Load Balancer)`);
  return service;
}

const ECR_IMAGE = /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/([^:@]+)(?::([^@]+)|@(sha256:[a-f0-9]{64}))?$/;

/**
 * A private ECR image is referenced through its repository so the task execution role is
 * granted pull access; any other reference is pulled from its registry as is.
 */
function containerImage(scope: Construct, name: string, image: string): ecs.ContainerImage {
  const ecrMatch = ECR_IMAGE.exec(image);
  if (!ecrMatch) return ecs.ContainerImage.fromRegistry(image);
  const [, account, region, repositoryName, tag, digest] = ecrMatch;
  const repository = ecr.Repository.fromRepositoryAttributes(scope, `${name}-repository`, {
    repositoryName,
    repositoryArn: `arn:${Stack.of(scope).partition}:ecr:${region}:${account}:repository/${repositoryName}`,
  });
  return ecs.ContainerImage.fromEcrRepository(repository, digest ?? tag ?? 'latest');
}

function buildFunction(scope: Construct, plan: ServicePlan, ctx: ServiceContext): IComputeBlock {
  const common: BlockFunctionProps = {
    code: plan.codePath ? lambda.Code.fromAsset(plan.codePath) : undefined,
    handler: plan.codePath ? plan.handler : undefined,
    memorySize: plan.memoryMiB,
    timeout: Duration.seconds(plan.timeoutSeconds),
    vpc: plan.inVpc ? ctx.network?.vpc : undefined,
    vpcSubnets: plan.inVpc ? ctx.network?.privateSubnets : undefined,
    logRetention: logRetention(ctx.resilience.logRetentionDays),
    removalPolicy: ctx.resilience.retainOnDelete ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
  };
  const o = ctx.observability;
  if (plan.workload === WorkloadType.QUEUE_WORKER) {
    const consumed = plan.consumesQueue ? ctx.stores.get(plan.consumesQueue)!.block as MessageQueue : undefined;
    const worker = new QueueWorker(scope, plan.name, { ...common, queue: consumed?.queue });
    o.monitorFunction(plan.name, worker.lambdaFunction, backgroundLatencyMs(plan));
    if (!consumed) {
      o.monitorQueue(`${plan.name}-queue`, worker.queue, worker.deadLetterQueue);
      output(ctx, outputKey('workQueueUrl', plan.name), (worker.queue as sqs.IQueue).queueUrl, `URL of the work queue the '${plan.name}' worker consumes`);
    }
    return worker;
  }
  if (plan.workload === WorkloadType.SCHEDULED_JOB) {
    const job = new ScheduledJob(scope, plan.name, { ...common, schedule: scheduler.ScheduleExpression.expression(plan.schedule!) });
    o.monitorFunction(plan.name, job.lambdaFunction, backgroundLatencyMs(plan));
    // The scheduler's dead-letter queue holds invocations that could not be delivered: its
    // age alarm fires when one has waited five minutes unhandled.
    o.monitorQueue(`${plan.name}-schedule-dlq`, job.deadLetterQueue);
    output(ctx, outputKey('jobFunction', plan.name), job.lambdaFunction.functionName, `Function the '${plan.name}' job runs on '${plan.schedule}'`);
    return job;
  }
  const api = new FunctionService(scope, plan.name, {
    ...common,
    throttlingRateLimit: plan.throttleRatePerSecond,
    throttlingBurstLimit: plan.throttleBurst,
  });
  o.monitorFunction(plan.name, api.lambdaFunction);
  o.monitorHttpApi(plan.name, api.httpApi);
  output(ctx, outputKey('serviceEndpoint', plan.name), api.url, `Endpoint URL of the '${plan.name}' API (API Gateway HTTP API)`);
  return api;
}

/** Least privilege: data actions only, read-only where the requirements say so, network only to stores used. */
function grantStores(plan: ServicePlan, compute: IComputeBlock, ctx: ServiceContext): void {
  const wire = (name: string, readWrite: boolean) => {
    const store = ctx.stores.get(name)!;
    if (readWrite) store.block.grantReadWrite(compute);
    else store.block.grantRead(compute);
    if (compute.connections) store.block.allowConnectionsFrom({ connections: compute.connections });
    for (const [key, value] of Object.entries(store.block.connectionEnvironment)) {
      compute.addEnvironment(`${envPrefix(name)}_${key}`, value);
    }
  };
  plan.readWriteStores.forEach((n) => wire(n, true));
  plan.readOnlyStores.forEach((n) => wire(n, false));
}

/**
 * Background work (queue batches, scheduled runs) is expected to take long: alarm when its p99
 * nears the timeout (80%), not at an API's latency.
 */
function backgroundLatencyMs(plan: ServicePlan): number {
  return Math.round(plan.timeoutSeconds * 1000 * 0.8);
}

function output(ctx: ServiceContext, key: string, value: string, description: string): void {
  new CfnOutput(ctx.outputScope, key, { value, description });
}
