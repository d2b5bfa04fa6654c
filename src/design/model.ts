import { BudgetEnforcement, CacheAuthenticationRequirement, DataStoreKind, EnvironmentTier, ServiceAuthRequirements, WorkloadType } from '../requirements';

/** The area an architecture decision belongs to. */
export enum DecisionArea {
  ENVIRONMENT = 'environment',
  COMPUTE = 'compute',
  DATA = 'data',
  NETWORK = 'network',
  EDGE = 'edge',
  OBSERVABILITY = 'observability',
  SECURITY = 'security',
}

/** An option that was considered and not taken. */
export interface DesignAlternative {
  /** The option. */
  readonly option: string;
  /** Why it was not chosen for these requirements. */
  readonly whyNot: string;
  /**
   * What the option would deploy, in CloudFormation terms, so the cost estimate can price it
   * next to the choice.
   * @default - not priced
   */
  readonly pricedAs?: AlternativeResources;
  /**
   * The option's expected monthly cost in USD, filled in by the cost estimate at synth.
   * @default - not priced
   */
  readonly estimatedMonthlyUsd?: number;
}

/** The resources an alternative would deploy, with their expected usage. */
export interface AlternativeResources {
  /** A CloudFormation `Resources` section (logical ID to resource). */
  readonly resources: { [logicalId: string]: any };
  /**
   * Usage per logical ID, in the cost estimator's vocabulary (`monthlyRequests`, ...).
   * @default - the estimator's defaults
   */
  readonly usage?: { [logicalId: string]: { [field: string]: number } };
}

/** One architecture choice and why it was made. */
export interface ArchitectureDecision {
  /** The area of the decision. */
  readonly area: DecisionArea;
  /** What the decision is about: a service or data store name, or the application. */
  readonly subject: string;
  /** What was chosen. */
  readonly choice: string;
  /** Why, naming the requirement figures that drove it. */
  readonly rationale: string;
  /** Options considered and not taken. */
  readonly alternatives: DesignAlternative[];
  /**
   * What the choice deploys, priced the same way as its alternatives' `pricedAs`, so the
   * choice and the alternatives compare like for like.
   * @default - not priced
   */
  readonly choicePricedAs?: AlternativeResources;
  /**
   * The choice's expected monthly cost in USD (of `choicePricedAs`), filled in by the cost
   * estimate at synth.
   * @default - not priced
   */
  readonly choiceEstimatedMonthlyUsd?: number;
}

/** Where a service's code runs. */
export enum ComputeRuntime {
  /** AWS Lambda (behind an HTTP API, an SQS event source or a schedule). */
  LAMBDA = 'lambda',
  /** ECS on Fargate behind an Application Load Balancer. */
  FARGATE = 'fargate',
  /** S3 bucket behind CloudFront. */
  S3_CLOUDFRONT = 's3-cloudfront',
}

/** The technology chosen for a data store. */
export enum DataStoreTechnology {
  DYNAMODB_ON_DEMAND = 'dynamodb-on-demand',
  DYNAMODB_PROVISIONED = 'dynamodb-provisioned',
  AURORA_POSTGRESQL_SERVERLESS_V2 = 'aurora-postgresql-serverless-v2',
  S3 = 's3',
  SQS_STANDARD = 'sqs-standard',
  ELASTICACHE_REDIS = 'elasticache-redis',
}

/** How private subnets reach AWS services and the internet. */
export enum NatStrategy {
  /** One NAT gateway per AZ: no single-AZ point of failure for egress. */
  NAT_GATEWAY_PER_AZ = 'nat-gateway-per-az',
  /** One NAT gateway for the VPC: cheaper, egress fails with its AZ. */
  SINGLE_NAT_GATEWAY = 'single-nat-gateway',
  /** No internet egress: gateway and interface endpoints to AWS services only. */
  VPC_ENDPOINTS_ONLY = 'vpc-endpoints-only',
}

/** The building block a service plan is built with (one builder each in the stack). */
export enum ServiceBlockKind {
  /** `FunctionService`: a function behind an HTTP API. */
  FUNCTION_API = 'function-api',
  /** `ContainerService`: Fargate tasks behind an Application Load Balancer. */
  CONTAINER_SERVICE = 'container-service',
  /** `QueueWorker`: a function consuming a queue. */
  QUEUE_WORKER = 'queue-worker',
  /** `ScheduledJob`: a function run by EventBridge Scheduler. */
  SCHEDULED_JOB = 'scheduled-job',
  /** `StaticSite`: a private bucket behind CloudFront. */
  STATIC_SITE = 'static-site',
  /** `BackendFunction`: a function only other services invoke (no public entry point). */
  BACKEND_FUNCTION = 'backend-function',
  /** `BackendContainerService`: Fargate tasks reached through ECS Service Connect (no load balancer). */
  BACKEND_CONTAINER = 'backend-container',
  /** `WebSocketService`: an API Gateway WebSocket API, route handler function and connections table. */
  WEBSOCKET_API = 'websocket-api',
}

/** How one service is built. */
export interface ServicePlan {
  readonly name: string;
  readonly workload: WorkloadType;
  readonly runtime: ComputeRuntime;
  /** The block that builds it. */
  readonly block: ServiceBlockKind;
  /** Services this one calls (their endpoint in its environment, their SLA on its request path). */
  readonly calls: string[];
  /**
   * Host name the service is served on, when the requirements give a `domain`.
   * @default - `<name>.<domain zoneName>` with a domain, else the AWS-provided name
   */
  readonly hostName?: string;
  /**
   * Who may call the service's API (the requirements' `auth`).
   * @default - as the block's defaults
   */
  readonly auth?: ServiceAuthRequirements;
  /**
   * User a container runs as (the requirements' `containerUser`).
   * @default - the block's default: non-root for the placeholder image, the image's own USER otherwise
   */
  readonly containerUser?: string;
  /**
   * The nested stack the service is placed in, for applications with many services.
   * @default - the application stack itself
   */
  readonly placement?: string;
  /** Runs a month of a scheduled job (from its expression); 0 for other workloads. */
  readonly runsPerMonth: number;
  /** Function memory, or task memory for containers (MiB); 0 for static sites. */
  readonly memoryMiB: number;
  /** Fargate CPU units (1024 = 1 vCPU); 0 when not a container. */
  readonly cpuUnits: number;
  /** Fargate tasks kept running; 0 when not a container. */
  readonly minTasks: number;
  /** Fargate tasks at most; 0 when not a container. */
  readonly maxTasks: number;
  /**
   * Load balancer requests per task per minute that trigger a scale-out (target tracking);
   * 0 when not a container.
   */
  readonly scaleOutRequestsPerTaskPerMinute: number;
  /** Port the container listens on; 0 when not a container. */
  readonly containerPort: number;
  /** Health check path for containers; '' when not a container. */
  readonly healthCheckPath: string;
  /** Function or request timeout in seconds; 0 for static sites. */
  readonly timeoutSeconds: number;
  /**
   * API throttling rate (requests per second) for function APIs.
   * @default - no stage throttling
   */
  readonly throttleRatePerSecond?: number;
  /**
   * API throttling burst for function APIs.
   * @default - no stage throttling
   */
  readonly throttleBurst?: number;
  /**
   * Reserved concurrent executions of a function, when a compliance framework asks for a
   * concurrency limit.
   * @default - no reservation (the account's unreserved pool)
   */
  readonly reservedConcurrency?: number;
  /** Whether the compute runs in the VPC. */
  readonly inVpc: boolean;
  /** Stores the service reads and writes. */
  readonly readWriteStores: string[];
  /** Stores the service only reads. */
  readonly readOnlyStores: string[];
  /**
   * For queue workers: the queue data store consumed.
   * @default - a queue of the worker's own
   */
  readonly consumesQueue?: string;
  /**
   * Container image reference.
   * @default - placeholder image
   */
  readonly containerImage?: string;
  /**
   * Code or site folder.
   * @default - placeholder code
   */
  readonly codePath?: string;
  /** Function handler. */
  readonly handler: string;
  /**
   * Scheduler expression for scheduled jobs.
   * @default - not a scheduled job
   */
  readonly schedule?: string;
  /** True when placeholder code or a placeholder image is used. */
  readonly usesPlaceholder: boolean;
  /** True when the service is reachable from the internet. */
  readonly publicEndpoint: boolean;
  /** True when a web application firewall protects the endpoint. */
  readonly webApplicationFirewall: boolean;
  /** Requests in a month (from traffic, or the default). */
  readonly monthlyRequests: number;
  /** Peak requests per second (from traffic, or the default). */
  readonly peakRequestsPerSecond: number;
  /** Average response size in KB. */
  readonly averageResponseSizeKb: number;
}

/** How one data store is built. */
export interface DataStorePlan {
  readonly name: string;
  readonly kind: DataStoreKind;
  readonly technology: DataStoreTechnology;
  /** Expected size in GB. */
  readonly storageGb: number;
  /** Provisioned read capacity units (provisioned DynamoDB); 0 otherwise. */
  readonly readCapacityUnits: number;
  /** Provisioned write capacity units (provisioned DynamoDB); 0 otherwise. */
  readonly writeCapacityUnits: number;
  /** Aurora minimum ACU; 0 otherwise. */
  readonly minAcu: number;
  /** Aurora maximum ACU; 0 otherwise. */
  readonly maxAcu: number;
  /** Aurora readers, or cache replicas. */
  readonly replicas: number;
  /**
   * Cache node type.
   * @default - not a cache
   */
  readonly cacheNodeType?: string;
  /**
   * How the cache's clients authenticate.
   * @default - not a cache
   */
  readonly cacheAuthentication?: CacheAuthenticationRequirement;
  /**
   * Why the cache's clients connect without authentication, as the requirements say.
   * @default - none given
   */
  readonly cacheAuthenticationReason?: string;
  /** Whether the store lives in the VPC. */
  readonly inVpc: boolean;
  /** Point-in-time recovery (DynamoDB) or continuous backup (Aurora). */
  readonly pointInTimeRecovery: boolean;
  /** Days of automated backups or snapshots kept. */
  readonly backupRetentionDays: number;
  /** Object versioning (S3). */
  readonly versioned: boolean;
  /**
   * Objects replicated to a replica bucket (S3, when a compliance framework asks).
   * @default false
   */
  readonly replicated?: boolean;
  /**
   * Queue visibility timeout in seconds: at least six times the longest consumer's
   * function timeout, as Lambda's SQS event source requires; 0 when not a queue.
   */
  readonly visibilityTimeoutSeconds: number;
}

/** The network, when one is needed. */
export interface NetworkPlan {
  /** Whether a VPC is created at all. */
  readonly required: boolean;
  /** Availability zones used. */
  readonly maxAzs: number;
  readonly natStrategy: NatStrategy;
  /** NAT gateways created. */
  readonly natGateways: number;
  /** AWS services reached through interface endpoints (`secretsmanager`, `sqs`, ...). */
  readonly interfaceEndpoints: string[];
}

/** What the environment tier and the recovery objectives set for every resource. */
export interface ResiliencePlan {
  readonly environment: EnvironmentTier;
  /** Stateful resources are kept when the stack is deleted. */
  readonly retainOnDelete: boolean;
  /** Deletion protection on databases and tables. */
  readonly deletionProtection: boolean;
  /** Log retention in days. */
  readonly logRetentionDays: number;
  /** Availability target in percent. */
  readonly targetAvailabilityPercent: number;
  /** Recovery point objective in minutes. */
  readonly rpoMinutes: number;
  /** Recovery time objective in minutes. */
  readonly rtoMinutes: number;
}

/** The monthly budget with its enforcement resolved. */
export interface BudgetPlan {
  /** Monthly budget in USD. */
  readonly monthlyUsd: number;
  /** What exceeding it does. */
  readonly enforcement: BudgetEnforcement;
}

/** A component of the architecture, for the report. */
export interface DesignComponent {
  /** Service, data store or shared component name. */
  readonly name: string;
  /** Role in the architecture (`service`, `data-store`, `network`, `edge`, `observability`). */
  readonly role: string;
  /** Technology, for example `AWS Lambda + API Gateway HTTP API`. */
  readonly technology: string;
  /** One line on what it is and how it is sized. */
  readonly summary: string;
}

/**
 * A choice to record so later syntheses keep it: put `key: value` in the app's context
 * (`cdk.json` "context", or `cdk.context.json`). While the requirements allow the recorded
 * value, the design keeps it, whatever an upgrade of the library or a price change would choose.
 */
export interface DecisionPin {
  /** The service the choice is about, or `network` for the NAT strategy. */
  readonly subject: string;
  /** The context key within the stack (`ApplicationStack` prefixes it with the stack name). */
  readonly key: string;
  /** The value to record. */
  readonly value: string;
}

/** How an alarm compares its metric with the threshold (CloudFormation's `ComparisonOperator`). */
export enum AlarmComparison {
  GREATER_THAN = 'GreaterThanThreshold',
  GREATER_THAN_OR_EQUAL = 'GreaterThanOrEqualToThreshold',
  LESS_THAN = 'LessThanThreshold',
  LESS_THAN_OR_EQUAL = 'LessThanOrEqualToThreshold',
}

/** What an alarm makes of a period without data (CloudFormation's `TreatMissingData`). */
export enum AlarmMissingData {
  /** No data is fine: quiet resources (no traffic, no messages) publish nothing. */
  NOT_BREACHING = 'notBreaching',
  BREACHING = 'breaching',
  IGNORE = 'ignore',
  MISSING = 'missing',
}

/** The built resource a metric's dimensions come from: `Observability` resolves them from the construct. */
export enum AlarmMetricSource {
  /** A Lambda function: `FunctionName`. */
  FUNCTION = 'function',
  /** An HTTP API: `ApiId`. */
  HTTP_API = 'http-api',
  /** An Application Load Balancer: `LoadBalancer`. */
  LOAD_BALANCER = 'load-balancer',
  /** A load balancer's target group: `LoadBalancer`, `TargetGroup`. */
  TARGET_GROUP = 'target-group',
  /** An ECS service: `ClusterName`, `ServiceName`. */
  CONTAINER_SERVICE = 'container-service',
  /** A queue: `QueueName`. */
  QUEUE = 'queue',
  /** A dead-letter queue (a function's, a queue's or a schedule's): `QueueName`. */
  DEAD_LETTER_QUEUE = 'dead-letter-queue',
  /** A DynamoDB table: `TableName`. */
  TABLE = 'table',
  /** An Aurora cluster: `DBClusterIdentifier`. */
  DATABASE = 'database',
  /** A node of an ElastiCache replication group: `CacheClusterId` (`<group>-00<node>`). */
  CACHE_NODE = 'cache-node',
  /** A CloudFront distribution: `DistributionId`. */
  DISTRIBUTION = 'distribution',
  /** A regional web ACL: `WebACL`, `Region`. */
  WEB_ACL = 'web-acl',
  /** A WebSocket API's stage: `ApiId`, `Stage`. */
  WEBSOCKET_STAGE = 'websocket-stage',
}

/** The kind of resource an alarm watches: alarms are built under `Observability/<kind>-<resource name>/<id>`. */
export enum MonitoredResourceKind {
  FUNCTION = 'Function',
  HTTP_API = 'HttpApi',
  LOAD_BALANCED_SERVICE = 'Service',
  WEB_ACL = 'WebAcl',
  QUEUE = 'Queue',
  TABLE = 'Table',
  DATABASE = 'Database',
  CACHE = 'Cache',
  DISTRIBUTION = 'Distribution',
  BACKEND_SERVICE = 'BackendService',
  WEBSOCKET_API = 'WebSocketApi',
}

/** A CloudWatch metric an alarm watches, with its dimensions named by the resource they come from. */
export interface AlarmMetric {
  /** Id of the metric in the alarm's expression (unused when the alarm watches this metric alone). */
  readonly id: string;
  readonly namespace: string;
  readonly metricName: string;
  /** `Sum`, `Maximum`, `Minimum`, `Average` or a percentile such as `p99`. */
  readonly statistic: string;
  readonly periodSeconds: number;
  /** The built resource whose identifiers are the metric's dimensions. */
  readonly source: AlarmMetricSource;
  /**
   * Dimensions with fixed values, besides the source's (`Operation`, `Rule`).
   * @default - the source's dimensions only
   */
  readonly dimensions?: { [name: string]: string };
  /**
   * For `CACHE_NODE`: the node (1 for `<group>-001`).
   * @default 1
   */
  readonly node?: number;
  /**
   * Region the metric is published in (CloudFront: us-east-1 only). CloudWatch alarms only on
   * metrics of their own region: in a stack of another region the alarm is not created.
   * @default - the stack's region
   */
  readonly region?: string;
}

/** One alarm of the design: what the stack builds and the report lists, from the same data. */
export interface AlarmDefinition {
  /** The service or data store the alarm belongs to. */
  readonly subject: string;
  /** The kind of resource watched. */
  readonly resourceKind: MonitoredResourceKind;
  /** Name of the resource watched (the subject, or `<subject>-queue`, `<subject>-connections`, ...). */
  readonly resourceName: string;
  /** Construct id of the alarm under its resource (`Errors`, `Latency`, ...). */
  readonly id: string;
  /** The condition in words, with its threshold (`p99 duration (ms) > 1000`). */
  readonly condition: string;
  /** The metrics: one, or those the expression combines. */
  readonly metrics: AlarmMetric[];
  /**
   * Metric math over the metrics' ids.
   * @default - the alarm watches its one metric
   */
  readonly expression?: string;
  /**
   * Label of the expression.
   * @default - none
   */
  readonly expressionLabel?: string;
  readonly threshold: number;
  readonly comparison: AlarmComparison;
  /** Consecutive periods the condition must hold. */
  readonly evaluationPeriods: number;
  readonly missingData: AlarmMissingData;
}
