/**
 * The public shapes of a cost estimate (jsii-compatible: interfaces with readonly fields,
 * enums, no unions). JSON field names follow the design report contract in DESIGN.md.
 */

/** Whether a resource has a cost figure. No resource is silently $0. */
export enum ResourceCostStatus {
  /** Priced from the catalog (possibly at $0 for zero usage). */
  PRICED = 'priced',
  /** Known to cost nothing by itself (IAM, security groups, subnets, ...). */
  FREE = 'free',
  /** Not priced: the type is not modelled, or the catalog has no figure for a dimension. */
  UNPRICED = 'unpriced',
}

/** A monthly cost in USD as a range. */
export interface MonthlyCostRange {
  /** With usage-driven quantities at the low end of their range. */
  readonly low: number;
  /** With the stated or default usage. */
  readonly expected: number;
  /** With usage-driven quantities at the high end of their range. */
  readonly high: number;
}

/**
 * Expected usage of one resource (or of every resource under a construct path). Every field
 * is optional; a field given as 0 means zero, not "use the default". Fields that do not apply
 * to a resource's type are ignored.
 */
export interface ResourceUsage {
  /**
   * Requests a month: Lambda invocations, API Gateway and CloudFront requests, WebSocket
   * messages, SQS requests, SNS publishes, WAF-inspected requests, KMS and Secrets Manager API
   * calls, Step Functions executions, EventBridge events put on a bus, Kinesis records,
   * Route 53 queries.
   * @default - 1,000,000 (KMS and Secrets Manager: 10,000; Step Functions: 10,000)
   */
  readonly monthlyRequests?: number;
  /**
   * Average Lambda duration in milliseconds.
   * @default 100
   */
  readonly averageDurationMs?: number;
  /**
   * DynamoDB on-demand read request units a month.
   * @default 1,000,000
   */
  readonly monthlyReadRequestUnits?: number;
  /**
   * DynamoDB on-demand write request units a month.
   * @default 1,000,000
   */
  readonly monthlyWriteRequestUnits?: number;
  /**
   * Stored data in GB (DynamoDB, S3, Aurora, CloudWatch Logs retained data; an OpenSearch
   * domain's UltraWarm managed storage).
   * @default - 1 (Aurora and UltraWarm: 10; log groups: ingestion times retention, at most 12 months)
   */
  readonly storageGb?: number;
  /**
   * S3 PUT, COPY, POST and LIST requests a month.
   * @default 10,000
   */
  readonly monthlyPutRequests?: number;
  /**
   * S3 GET and other requests a month.
   * @default 100,000
   */
  readonly monthlyGetRequests?: number;
  /**
   * GB processed a month by a NAT gateway, an interface endpoint or a Transit Gateway
   * attachment, or ingested by an on-demand Kinesis stream.
   * @default - 10 (NAT gateway), 1 (interface endpoint, Transit Gateway attachment, Kinesis stream)
   */
  readonly monthlyDataProcessedGb?: number;
  /**
   * GB a month sent to the internet (CloudFront viewers; API Gateway, load balancer, NAT,
   * EC2 and S3 responses).
   * @default - 10 for CloudFront, 0 elsewhere
   */
  readonly monthlyDataTransferOutGb?: number;
  /**
   * Average load balancer capacity units (LCU or NLCU) per hour.
   * @default 1
   */
  readonly averageLcu?: number;
  /**
   * Average Aurora capacity units per Serverless v2 instance, or of a Serverless v1 cluster.
   * @default - midpoint of the cluster's minimum and maximum capacity (v1: of its ScalingConfiguration, 2 and 16 ACU when not set)
   */
  readonly averageAcu?: number;
  /**
   * Average running Fargate tasks of an ECS service, or instances of an Auto Scaling group or
   * EKS managed node group.
   * @default - the desired count
   */
  readonly averageTaskCount?: number;
  /**
   * GB of logs ingested a month into a log group.
   * @default 1
   */
  readonly monthlyIngestedLogGb?: number;
  /**
   * Hours a month an hourly-billed resource runs (NAT gateway, load balancer, endpoint, EC2,
   * RDS, ElastiCache, Fargate, public IPv4).
   * @default 730
   */
  readonly monthlyHours?: number;
  /**
   * Aurora I/O requests a month (Aurora Standard storage).
   * @default 1,000,000
   */
  readonly monthlyIoRequests?: number;
  /**
   * State transitions a month of a Standard Step Functions state machine.
   * @default - 10 per execution (executions: monthlyRequests, default 10,000)
   */
  readonly monthlyStateTransitions?: number;
  /**
   * Connection minutes a month of an API Gateway WebSocket API.
   * @default 1,000,000
   */
  readonly monthlyConnectionMinutes?: number;
  /**
   * Monthly active users of a Cognito user pool.
   * @default - the user pool model's documented default, written into its assumptions
   */
  readonly monthlyActiveUsers?: number;
}

/** One priced dimension of a resource. */
export interface CostLineItem {
  /** What is charged, e.g. `Duration (x86)`; notes a us-east-1 fallback price. */
  readonly description: string;
  /** Unit of `quantity` and `unitPrice`, e.g. `GB-second`, `1M requests`, `hour`. */
  readonly unit: string;
  /** Expected quantity a month, in `unit`s. */
  readonly quantity: number;
  /** USD per `unit` (for tiered prices, the average over the tiers the usage reaches). */
  readonly unitPrice: number;
  /** Expected USD a month: quantity x unitPrice. */
  readonly monthlyCost: number;
  /** USD a month at low, expected and high usage. */
  readonly monthlyCostRange: MonthlyCostRange;
  /** Price List service code and usage type the price came from. */
  readonly priceDimension: string;
  /** Region whose price was used. */
  readonly priceRegion: string;
  /** True when the stack's region has no figure and us-east-1's was used. */
  readonly estimatedFromOtherRegion: boolean;
  /** Where the price came from. */
  readonly priceSource: string;
}

/** The estimate of one template resource. */
export interface ResourceCostEstimate {
  /** Logical ID in the template. */
  readonly logicalId: string;
  /** CloudFormation type, e.g. `AWS::Lambda::Function`. */
  readonly type: string;
  /**
   * Construct path (`aws:cdk:path` metadata).
   * @default - none in the template
   */
  readonly path?: string;
  /**
   * Logical ID of the nested stack (`AWS::CloudFormation::Stack` in the parent) the resource
   * belongs to; `Outer/Inner` for a stack nested in a nested stack.
   * @default - the resource is in the template itself
   */
  readonly nestedStack?: string;
  /** Priced, free or unpriced. */
  readonly status: ResourceCostStatus;
  /** USD a month; for an unpriced resource, the part that could be priced. */
  readonly monthlyCost: MonthlyCostRange;
  /** The priced dimensions, each quantity x unit price. */
  readonly lineItems: CostLineItem[];
  /** Every default, derived fact and simplification behind the figure. */
  readonly assumptions: string[];
  /**
   * Why the resource is free or unpriced.
   * @default - priced
   */
  readonly reason?: string;
}

/** An always-free allowance applied to the estimate. */
export interface FreeTierDeduction {
  /** The allowance, e.g. `Lambda: 1M requests a month`. */
  readonly description: string;
  /** Free units used, in `unit`s of the catalog dimension. */
  readonly quantity: number;
  /** Price List unit of `quantity`. */
  readonly unit: string;
  /** USD deducted from the expected monthly cost. */
  readonly deduction: number;
}

/** A resource of the template that does not deploy with the given parameters. */
export interface ExcludedResource {
  /** Logical ID in the template. */
  readonly logicalId: string;
  /** CloudFormation type. */
  readonly type: string;
  /** Why it does not deploy: `not deployed: its condition 'IsProd' is false`. */
  readonly reason: string;
  /**
   * The nested stack it belongs to.
   * @default - the template itself
   */
  readonly nestedStack?: string;
}

/** The cost estimate of one template. */
export interface CostEstimate {
  /** Region the template was priced for. */
  readonly region: string;
  /** True when no region was given and us-east-1 is assumed (env-agnostic stack). */
  readonly regionAssumed: boolean;
  /** Always `USD`. */
  readonly currency: string;
  /** Version of the pricing catalog used. */
  readonly pricingCatalogVersion: string;
  /** Date the catalog's prices are effective from (ISO date). */
  readonly pricingCatalogDate: string;
  /** Hours in a month (730). */
  readonly hoursPerMonth: number;
  /** USD a month before the free tier. */
  readonly monthlyCost: MonthlyCostRange;
  /** USD the always-free tier takes off the expected cost. */
  readonly freeTierDeduction: number;
  /** The allowances behind `freeTierDeduction`. */
  readonly freeTier: FreeTierDeduction[];
  /** USD a month after the free tier. */
  readonly monthlyCostAfterFreeTier: MonthlyCostRange;
  /** Every resource of the template (except CDK metadata), most expensive first. */
  readonly resources: ResourceCostEstimate[];
  /** `logicalId (type): reason` of every unpriced resource (`Nested/logicalId` in a nested stack). */
  readonly unpricedResources: string[];
  /** Resources the template declares that do not deploy (their Condition is false). */
  readonly excludedResources: ExcludedResource[];
  /**
   * The expected total and what it leaves out, for a headline:
   * `$422.40 a month + 2 unpriced: AWS::GameLift::Fleet, ...`.
   */
  readonly headline: string;
  /** Estimate-wide assumptions: the range rule, the month, region fallbacks. */
  readonly assumptions: string[];
}

/** Input of `CostEstimator.estimateTemplate`. */
export interface EstimateTemplateOptions {
  /** A synthesized CloudFormation template: the parsed object or its JSON text. */
  readonly template: any;
  /**
   * AWS region the stack deploys to.
   * @default - 'us-east-1', marked as assumed (env-agnostic stack)
   */
  readonly region?: string;
  /**
   * Usage by logical ID or construct path (a path applies to every resource under it; the
   * most specific key wins per field).
   * @default - documented defaults, each written into the resource's assumptions
   */
  readonly usage?: { [key: string]: ResourceUsage };
  /**
   * Values of the template's parameters, by name (lists comma-separated). They win over each
   * parameter's Default; a parameter with neither leaves what depends on it unpriced, naming it.
   * @default - each parameter's Default
   */
  readonly parameters?: { [name: string]: string };
  /**
   * Templates of nested stacks (`AWS::CloudFormation::Stack`), keyed by the nested stack's
   * logical ID (`Outer/Inner` for deeper ones), its `aws:asset:path` or its TemplateURL.
   * @default - read from `assemblyDirectory` when given; otherwise nested stacks are unpriced
   */
  readonly nestedTemplates?: { [key: string]: any };
  /**
   * The cloud assembly directory (`cdk.out`): nested stack templates are read from it by their
   * `aws:asset:path` metadata.
   * @default - nested stack templates only from `nestedTemplates`
   */
  readonly assemblyDirectory?: string;
  /**
   * Multiplier for usage-driven quantities at the low end.
   * @default 0.5
   */
  readonly lowUsageFactor?: number;
  /**
   * Multiplier for usage-driven quantities at the high end.
   * @default 2
   */
  readonly highUsageFactor?: number;
  /**
   * Path of a catalog JSON written by `cdk-infra-engineer pricing refresh --out`.
   * @default - the catalog bundled with the library
   */
  readonly catalogFile?: string;
}
