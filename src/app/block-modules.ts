/* eslint-disable @typescript-eslint/no-require-imports */
// Each block's module (and the aws-cdk-lib service modules it imports) is loaded when the stack
// first builds that block, not when the package is required: a stack of functions never loads
// ECS, RDS or ElastiCache. Types come from `import type`, which TypeScript erases.

type Module<T> = () => T;

function lazy<T>(load: () => T): Module<T> {
  let loaded: T | undefined;
  return () => (loaded ??= load());
}

export const BLOCK_MODULES = {
  network: lazy(() => require('../blocks/network') as typeof import('../blocks/network')),
  subnetCidrs: lazy(() => require('../blocks/subnet-cidrs') as typeof import('../blocks/subnet-cidrs')),
  observability: lazy(() => require('../blocks/observability/observability') as typeof import('../blocks/observability/observability')),
  functionService: lazy(() => require('../blocks/compute/function-service') as typeof import('../blocks/compute/function-service')),
  containerService: lazy(() => require('../blocks/compute/container-service') as typeof import('../blocks/compute/container-service')),
  queueWorker: lazy(() => require('../blocks/compute/queue-worker') as typeof import('../blocks/compute/queue-worker')),
  scheduledJob: lazy(() => require('../blocks/compute/scheduled-job') as typeof import('../blocks/compute/scheduled-job')),
  backendFunction: lazy(() => require('../blocks/compute/backend-function') as typeof import('../blocks/compute/backend-function')),
  backendContainer: lazy(() => require('../blocks/compute/backend-container-service') as typeof import('../blocks/compute/backend-container-service')),
  webSocket: lazy(() => require('../blocks/compute/websocket-service') as typeof import('../blocks/compute/websocket-service')),
  staticSite: lazy(() => require('../blocks/edge/static-site') as typeof import('../blocks/edge/static-site')),
  cloudFrontCertificateStack: lazy(() => require('../blocks/edge/cloudfront-certificate-stack') as typeof import('../blocks/edge/cloudfront-certificate-stack')),
  webAcl: lazy(() => require('../blocks/edge/web-application-firewall') as typeof import('../blocks/edge/web-application-firewall')),
  keyValueTable: lazy(() => require('../blocks/data/key-value-table') as typeof import('../blocks/data/key-value-table')),
  relationalDatabase: lazy(() => require('../blocks/data/relational-database') as typeof import('../blocks/data/relational-database')),
  objectStore: lazy(() => require('../blocks/data/object-store') as typeof import('../blocks/data/object-store')),
  messageQueue: lazy(() => require('../blocks/data/message-queue') as typeof import('../blocks/data/message-queue')),
  cacheCluster: lazy(() => require('../blocks/data/cache-cluster') as typeof import('../blocks/data/cache-cluster')),
};

/** aws-cdk-lib service modules the stack's own wiring uses, loaded with the block that needs them. */
export const SERVICE_MODULES = {
  ecs: lazy(() => require('aws-cdk-lib/aws-ecs') as typeof import('aws-cdk-lib/aws-ecs')),
  ecr: lazy(() => require('aws-cdk-lib/aws-ecr') as typeof import('aws-cdk-lib/aws-ecr')),
  lambda: lazy(() => require('aws-cdk-lib/aws-lambda') as typeof import('aws-cdk-lib/aws-lambda')),
  scheduler: lazy(() => require('aws-cdk-lib/aws-scheduler') as typeof import('aws-cdk-lib/aws-scheduler')),
  iam: lazy(() => require('aws-cdk-lib/aws-iam') as typeof import('aws-cdk-lib/aws-iam')),
  cloudwatch: lazy(() => require('aws-cdk-lib/aws-cloudwatch') as typeof import('aws-cdk-lib/aws-cloudwatch')),
  cloudwatchActions: lazy(() => require('aws-cdk-lib/aws-cloudwatch-actions') as typeof import('aws-cdk-lib/aws-cloudwatch-actions')),
  logs: lazy(() => require('aws-cdk-lib/aws-logs') as typeof import('aws-cdk-lib/aws-logs')),
  route53: lazy(() => require('aws-cdk-lib/aws-route53') as typeof import('aws-cdk-lib/aws-route53')),
  acm: lazy(() => require('aws-cdk-lib/aws-certificatemanager') as typeof import('aws-cdk-lib/aws-certificatemanager')),
};
