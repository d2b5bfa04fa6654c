import { ReportResource } from 'cdk-infra-engineer/lib/report/model';

/**
 * CloudFormation resource type (prefix) -> the Cost Explorer SERVICE dimension value its
 * charges appear under. The first matching prefix wins, so specific types come first.
 * Notes: CloudWatch Logs is billed under `AmazonCloudWatch` (no space); NAT gateways and EBS
 * volumes under `EC2 - Other`; interface endpoints and public IPv4 addresses under `Amazon
 * Virtual Private Cloud`; EventBridge (and, by our assumption, EventBridge Scheduler) under its
 * former name `CloudWatch Events`; Fargate tasks under `Amazon Elastic Container Service`.
 */
export const COST_EXPLORER_SERVICE: ReadonlyArray<readonly [string, string]> = [
  ['AWS::Lambda::', 'AWS Lambda'],
  ['AWS::DynamoDB::', 'Amazon DynamoDB'],
  ['AWS::S3::', 'Amazon Simple Storage Service'],
  ['AWS::SQS::', 'Amazon Simple Queue Service'],
  ['AWS::SNS::', 'Amazon Simple Notification Service'],
  ['AWS::RDS::', 'Amazon Relational Database Service'],
  ['AWS::ApiGateway::', 'Amazon API Gateway'],
  ['AWS::ApiGatewayV2::', 'Amazon API Gateway'],
  ['AWS::CloudFront::', 'Amazon CloudFront'],
  ['AWS::CloudWatch::', 'AmazonCloudWatch'],
  ['AWS::Logs::', 'AmazonCloudWatch'],
  ['AWS::KMS::', 'AWS Key Management Service'],
  ['AWS::SecretsManager::', 'AWS Secrets Manager'],
  ['AWS::EC2::NatGateway', 'EC2 - Other'],
  ['AWS::EC2::Volume', 'EC2 - Other'],
  ['AWS::EC2::Instance', 'Amazon Elastic Compute Cloud - Compute'],
  ['AWS::EC2::', 'Amazon Virtual Private Cloud'],
  ['AWS::ECS::', 'Amazon Elastic Container Service'],
  ['AWS::ElasticLoadBalancingV2::', 'Amazon Elastic Load Balancing'],
  ['AWS::ElastiCache::', 'Amazon ElastiCache'],
  ['AWS::WAFv2::', 'AWS WAF'],
  ['AWS::Events::', 'CloudWatch Events'],
  ['AWS::Scheduler::', 'CloudWatch Events'],
  ['AWS::StepFunctions::', 'AWS Step Functions'],
  ['AWS::Backup::', 'AWS Backup'],
  ['AWS::ECR::', 'Amazon EC2 Container Registry (ECR)'],
  ['AWS::Route53::', 'Amazon Route 53'],
  ['AWS::EFS::', 'Amazon Elastic File System'],
  ['AWS::Kinesis::', 'Amazon Kinesis'],
  ['AWS::Cognito::', 'Amazon Cognito'],
];

/** Days in the month the estimate uses: 730 hours / 24. */
export const DAYS_PER_MONTH = 730 / 24;

export function costExplorerService(resourceType: string): string | undefined {
  return COST_EXPLORER_SERVICE.find(([prefix]) => resourceType.startsWith(prefix))?.[1];
}

export interface ServiceComparison {
  /** Cost Explorer SERVICE value. */
  readonly service: string;
  /** Resource types of the estimate in this service. */
  readonly resourceTypes: string[];
  /** Expected monthly cost of those resources; null when the estimate has none in this service. */
  readonly estimatedMonthly: number | null;
  /** Tagged cost over the days counted. */
  readonly actual: number;
  /** actual / days counted x DAYS_PER_MONTH. */
  readonly actualMonthlyRunRate: number;
  /** estimatedMonthly / actualMonthlyRunRate; null when either is missing or the run-rate is 0. */
  readonly ratio: number | null;
}

export interface Comparison {
  readonly services: ServiceComparison[];
  /** Types with an expected cost above 0 that map to no Cost Explorer service. */
  readonly unmappedResourceTypes: string[];
}

/** Estimate per Cost Explorer service against the actual cost per service, sorted by estimate then actual. */
export function compareByService(resources: ReportResource[], actual: Map<string, number>, daysCounted: number): Comparison {
  const estimated = new Map<string, { cost: number; types: Set<string> }>();
  const unmapped = new Set<string>();
  for (const r of resources) {
    const cost = r.monthlyCost?.expected ?? 0;
    const service = costExplorerService(r.type);
    if (!service) {
      if (cost > 0) unmapped.add(r.type);
      continue;
    }
    const entry = estimated.get(service) ?? { cost: 0, types: new Set<string>() };
    entry.cost += cost;
    entry.types.add(r.type);
    estimated.set(service, entry);
  }
  const services = [...new Set([...estimated.keys(), ...actual.keys()])].map((service): ServiceComparison => {
    const est = estimated.get(service);
    const spent = actual.get(service) ?? 0;
    const runRate = runRateOf(spent, daysCounted);
    return {
      service,
      resourceTypes: est ? [...est.types].sort() : [],
      estimatedMonthly: est ? round(est.cost) : null,
      actual: round(spent),
      actualMonthlyRunRate: round(runRate),
      ratio: est && runRate > 0 ? ratioOf(est.cost, runRate) : null,
    };
  }).filter((s) => (s.estimatedMonthly ?? 0) > 0 || s.actual !== 0);
  services.sort((a, b) => ((b.estimatedMonthly ?? 0) - (a.estimatedMonthly ?? 0)) || (b.actual - a.actual) || a.service.localeCompare(b.service));
  return { services, unmappedResourceTypes: [...unmapped].sort() };
}

export function runRateOf(actual: number, daysCounted: number): number {
  return daysCounted > 0 ? (actual / daysCounted) * DAYS_PER_MONTH : 0;
}

export function ratioOf(estimate: number, runRate: number): number | null {
  return runRate > 0 ? Math.round((estimate / runRate) * 100) / 100 : null;
}

/** What a cost optimization ratio says, in words. */
export function ratioVerdict(ratio: number | null): string {
  if (ratio === null) return 'not measured (no tagged cost in the window)';
  if (ratio >= 0.9 && ratio <= 1.1) return 'on estimate (within 10%)';
  return ratio > 1 ? 'the stack costs less than estimated' : 'the stack costs more than estimated';
}

export function round(value: number): number {
  return Math.round(value * 100) / 100;
}
