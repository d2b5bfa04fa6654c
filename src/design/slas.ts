/**
 * Published AWS service level agreements (monthly uptime, regional, in percent), and where
 * they come from. A composite availability multiplies the SLAs of the components a request
 * passes through in series.
 */
export interface ServiceSla {
  readonly service: string;
  readonly percent: number;
  readonly source: string;
}

export const SLA = {
  lambda: { service: 'AWS Lambda', percent: 99.95, source: 'AWS Lambda SLA' },
  apiGateway: { service: 'Amazon API Gateway', percent: 99.95, source: 'Amazon API Gateway SLA' },
  elb: { service: 'Elastic Load Balancing', percent: 99.99, source: 'Elastic Load Balancing SLA' },
  fargate: { service: 'Amazon ECS on Fargate', percent: 99.99, source: 'Amazon Compute SLA (ECS, Fargate), multi-AZ' },
  cloudMap: { service: 'AWS Cloud Map', percent: 99.9, source: 'AWS Cloud Map SLA' },
  cloudFront: { service: 'Amazon CloudFront', percent: 99.9, source: 'Amazon CloudFront SLA' },
  s3: { service: 'Amazon S3 Standard', percent: 99.9, source: 'Amazon S3 SLA' },
  dynamoDb: { service: 'Amazon DynamoDB', percent: 99.99, source: 'Amazon DynamoDB SLA (standard tables)' },
  auroraMultiAz: { service: 'Amazon Aurora (Multi-AZ cluster)', percent: 99.99, source: 'Amazon Aurora SLA, Multi-AZ (updated 2022-05-19)' },
  auroraSingleAz: { service: 'Amazon Aurora (Single-AZ cluster)', percent: 99.9, source: 'Amazon Aurora SLA, Single-AZ (updated 2022-05-19)' },
  elastiCacheMultiAz: { service: 'Amazon ElastiCache (Multi-AZ)', percent: 99.99, source: 'Amazon ElastiCache SLA, Multi-AZ configuration' },
  elastiCacheSingleAz: { service: 'Amazon ElastiCache (Single-AZ)', percent: 99.5, source: 'Amazon ElastiCache SLA, Single-AZ configuration' },
  sqs: { service: 'Amazon SQS', percent: 99.9, source: 'Amazon SQS SLA' },
  secretsManager: { service: 'AWS Secrets Manager', percent: 99.9, source: 'AWS Secrets Manager SLA' },
} as const;

/** A component a service depends on, and whether a request waits for it. */
export interface SlaComponent extends ServiceSla {
  /**
   * True when a request (or a run) fails while the component is down: it is on the
   * synchronous path and counts in the composite. Queues a service writes to, objects it
   * stores for later, and credentials fetched once at start do not.
   */
  readonly synchronous: boolean;
}

export function onPath(sla: ServiceSla): SlaComponent {
  return { ...sla, synchronous: true };
}

export function offPath(sla: ServiceSla): SlaComponent {
  return { ...sla, synchronous: false };
}

/** Availability of components in series: the product of their availabilities. */
export function inSeries(percents: number[]): number {
  return percents.reduce((acc, p) => acc * (p / 100), 1) * 100;
}
