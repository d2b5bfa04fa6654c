import { ComputeRuntime, DataStorePlan, DataStoreTechnology, DesignComponent, NatStrategy, NetworkPlan, ServicePlan } from './model';

const TECHNOLOGY: Record<DataStoreTechnology, string> = {
  [DataStoreTechnology.DYNAMODB_ON_DEMAND]: 'Amazon DynamoDB (on-demand)',
  [DataStoreTechnology.DYNAMODB_PROVISIONED]: 'Amazon DynamoDB (provisioned, autoscaling)',
  [DataStoreTechnology.AURORA_POSTGRESQL_SERVERLESS_V2]: 'Aurora PostgreSQL Serverless v2',
  [DataStoreTechnology.S3]: 'Amazon S3',
  [DataStoreTechnology.SQS_STANDARD]: 'Amazon SQS (standard, with DLQ)',
  [DataStoreTechnology.ELASTICACHE_REDIS]: 'Amazon ElastiCache (Redis OSS)',
};

export function describeComponents(services: ServicePlan[], stores: DataStorePlan[], network: NetworkPlan): DesignComponent[] {
  const out: DesignComponent[] = [];
  for (const s of services) {
    const placeholder = s.usesPlaceholder ? ' PLACEHOLDER code/image: replace before real use.' : '';
    if (s.runtime === ComputeRuntime.S3_CLOUDFRONT) {
      out.push({ name: s.name, role: 'service', technology: 'Amazon S3 + Amazon CloudFront', summary: `static site, private bucket with origin access control.${placeholder}` });
    } else if (s.runtime === ComputeRuntime.FARGATE) {
      out.push({ name: s.name, role: 'service', technology: 'Amazon ECS on Fargate + Application Load Balancer', summary: `${s.cpuUnits / 1024} vCPU / ${s.memoryMiB} MiB, ${s.minTasks}-${s.maxTasks} tasks${s.webApplicationFirewall ? ', WAF' : ''}.${placeholder}` });
    } else {
      const trigger = s.publicEndpoint ? ' + API Gateway HTTP API' : s.schedule ? ' + EventBridge Scheduler' : ' + SQS event source';
      out.push({ name: s.name, role: 'service', technology: `AWS Lambda${trigger}`, summary: `${s.memoryMiB} MiB arm64, ${s.timeoutSeconds} s timeout${s.inVpc ? ', in VPC' : ''}.${placeholder}` });
    }
    if (s.runtime === ComputeRuntime.LAMBDA && s.workload === 'queue-worker' && !s.consumesQueue) {
      out.push({ name: `${s.name}-queue`, role: 'data-store', technology: TECHNOLOGY[DataStoreTechnology.SQS_STANDARD], summary: `dedicated work queue of ${s.name}` });
    }
  }
  for (const d of stores) {
    const size = d.technology === DataStoreTechnology.AURORA_POSTGRESQL_SERVERLESS_V2 ? `, ${d.minAcu}-${d.maxAcu} ACU, ${d.replicas} reader(s)`
      : d.cacheNodeType ? `, ${d.cacheNodeType} x${1 + d.replicas}`
        : d.technology === DataStoreTechnology.DYNAMODB_PROVISIONED ? `, ${d.readCapacityUnits} RCU / ${d.writeCapacityUnits} WCU` : '';
    const summary = d.technology === DataStoreTechnology.SQS_STANDARD ? 'standard queue, dead-letter queue after 5 receives' : `${d.storageGb} GB${size}`;
    out.push({ name: d.name, role: 'data-store', technology: TECHNOLOGY[d.technology], summary });
  }
  if (network.required) {
    out.push({
      name: 'network',
      role: 'network',
      technology: 'Amazon VPC',
      summary: `${network.maxAzs} AZs, ${network.natStrategy === NatStrategy.VPC_ENDPOINTS_ONLY ? 'endpoints only' : `${network.natGateways} NAT gateway(s)`}, flow logs`,
    });
  }
  out.push({ name: 'observability', role: 'observability', technology: 'Amazon CloudWatch + Amazon SNS', summary: 'alarms on every compute and data resource, one dashboard, one alarm topic' });
  return out;
}
