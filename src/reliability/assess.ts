import { ASSUMED_DURATION_SECONDS, REQUESTS_PER_TASK } from '../design/constants';
import { InfrastructureDesign } from '../design/infrastructure-design';
import { ComputeRuntime, DataStoreTechnology } from '../design/model';
import { CloudFormationTemplate, ReliabilitySection } from '../report/model';
import { EnvironmentTier } from '../requirements';
import { compositeAvailability } from './request-path';
import { SlaComponent } from '../design/slas';


/** Lambda's default regional concurrency quota. */
const LAMBDA_CONCURRENCY_QUOTA = 1000;
/** Assumed recovery times, in minutes, used against the RTO. */
const RECOVERY_MINUTES = {
  auroraFailover: 1,
  auroraRebuild: 10,
  cacheFailover: 1,
  cacheRebuild: 15,
  /** DynamoDB point-in-time restore into a new table: a base time plus time per GB. */
  dynamoRestoreBase: 20,
  dynamoRestorePerGb: 0.5,
};
/** Point-in-time recovery restores to within about five minutes of the failure. */
const PITR_RPO_MINUTES = 5;

export interface ReliabilityCheck {
  readonly name: string;
  readonly passed: boolean;
  readonly reason: string;
}

export interface ReliabilityAssessment extends ReliabilitySection {
  /** The target from the requirements (or the tier default). */
  readonly targetPercent: number;
  /** The component with the lowest SLA on the weakest request path. */
  readonly weakestComponent: string;
  /** Every SLA that went into the composite, per request path. */
  readonly paths: Array<{ readonly service: string; readonly components: SlaComponent[]; readonly percent: number }>;
}

/**
 * Scores the architecture against its requirements: each check passes or fails with a
 * reason, and the composite availability comes from published SLAs. Pure.
 */
export function assessReliability(design: InfrastructureDesign, template: CloudFormationTemplate): ReliabilityAssessment {
  const r = design.resilience;
  const checks: ReliabilityCheck[] = [
    ...multiAz(design),
    ...recoveryPoint(design),
    ...recoveryTime(design),
    alarmCoverage(template),
    ...headroom(design),
    healthChecks(design, template),
    deadLetterQueues(template),
    deletionProtection(design, template),
  ];
  const { paths, weakest, weakestComponent, composite } = compositeAvailability(design);
  checks.push({
    name: 'composite availability meets the target',
    passed: composite >= r.targetAvailabilityPercent,
    reason: `the weakest request path (${weakest.service}: ${weakest.components.map((c) => `${c.service} ${c.percent}%`).join(' x ')}) `
      + `gives ${composite}% against a target of ${r.targetAvailabilityPercent}%; its weakest component is ${weakestComponent.service}`
      + '; asynchronous components (queues it sends to, objects kept for later, credentials read at start) are not on the path',
  });
  const score = Math.round((100 * checks.filter((c) => c.passed).length) / checks.length);
  return {
    score,
    checks,
    compositeAvailabilityPercent: composite,
    targetPercent: r.targetAvailabilityPercent,
    weakestComponent: weakestComponent.service,
    paths,
  };
}

function multiAz(design: InfrastructureDesign): ReliabilityCheck[] {
  const needsHa = design.resilience.environment === EnvironmentTier.PRODUCTION || design.resilience.targetAvailabilityPercent >= 99.9;
  const out: ReliabilityCheck[] = [];
  for (const s of design.services.filter((x) => x.runtime === ComputeRuntime.FARGATE)) {
    out.push({ name: `${s.name}: tasks in more than one AZ`, passed: !needsHa || s.minTasks >= 2, reason: `${s.minTasks} task(s) at minimum${needsHa ? '; an AZ failure must leave one serving' : ''}` });
  }
  for (const d of design.dataStores.filter((x) => x.inVpc)) {
    out.push({ name: `${d.name}: standby in another AZ`, passed: !needsHa || d.replicas >= 1, reason: `${d.replicas} replica(s)${needsHa ? ` for a ${design.resilience.targetAvailabilityPercent}% target` : ''}` });
  }
  if (design.network.required) {
    out.push({ name: 'network spans AZs', passed: design.network.maxAzs >= 2, reason: `${design.network.maxAzs} AZs, ${design.network.natGateways} NAT gateway(s)` });
  }
  return out;
}

function recoveryPoint(design: InfrastructureDesign): ReliabilityCheck[] {
  const rpo = design.resilience.rpoMinutes;
  const transient = [DataStoreTechnology.SQS_STANDARD, DataStoreTechnology.ELASTICACHE_REDIS];
  const persistent = design.dataStores.filter((d) => !transient.includes(d.technology));
  return persistent.map((d) => {
    const continuous = d.pointInTimeRecovery || d.technology === DataStoreTechnology.AURORA_POSTGRESQL_SERVERLESS_V2;
    const achieved = d.technology === DataStoreTechnology.S3 ? (d.versioned ? 0 : Infinity) : continuous ? PITR_RPO_MINUTES : 1440;
    return {
      name: `${d.name}: recovery point within the RPO`,
      passed: achieved <= rpo,
      reason: d.technology === DataStoreTechnology.S3 ? `versioning ${d.versioned ? 'keeps every overwritten object' : 'is off: an overwrite or delete is lost'}; RPO ${rpo} min`
        : `${continuous ? `point-in-time recovery restores to about ${PITR_RPO_MINUTES} minutes before a failure` : 'no point-in-time recovery: daily backups at best'}; RPO ${rpo} min`,
    };
  });
}

function recoveryTime(design: InfrastructureDesign): ReliabilityCheck[] {
  const rto = design.resilience.rtoMinutes;
  const out: ReliabilityCheck[] = [];
  for (const d of design.dataStores) {
    let minutes: number;
    let how: string;
    if (d.technology === DataStoreTechnology.AURORA_POSTGRESQL_SERVERLESS_V2) {
      minutes = d.replicas ? RECOVERY_MINUTES.auroraFailover : RECOVERY_MINUTES.auroraRebuild;
      how = d.replicas ? 'failover to the reader' : 'replacing the single writer';
    } else if (d.technology === DataStoreTechnology.ELASTICACHE_REDIS) {
      minutes = d.replicas ? RECOVERY_MINUTES.cacheFailover : RECOVERY_MINUTES.cacheRebuild;
      how = d.replicas ? 'failover to the replica' : 'replacing the node';
    } else if (d.technology === DataStoreTechnology.DYNAMODB_ON_DEMAND || d.technology === DataStoreTechnology.DYNAMODB_PROVISIONED) {
      minutes = Math.round(RECOVERY_MINUTES.dynamoRestoreBase + RECOVERY_MINUTES.dynamoRestorePerGb * d.storageGb);
      how = `a point-in-time restore of ${d.storageGb} GB into a new table`;
    } else {
      continue;
    }
    out.push({ name: `${d.name}: recovery time within the RTO`, passed: minutes <= rto, reason: `about ${minutes} min for ${how}; RTO ${rto} min` });
  }
  return out;
}

/** Every compute and data resource has at least one alarm on its metrics. */
function alarmCoverage(template: CloudFormationTemplate): ReliabilityCheck {
  const watched = ['AWS::Lambda::Function', 'AWS::ECS::Service', 'AWS::DynamoDB::Table', 'AWS::SQS::Queue', 'AWS::RDS::DBCluster',
    'AWS::ElastiCache::ReplicationGroup', 'AWS::CloudFront::Distribution'];
  const resources = Object.entries(template.Resources ?? {});
  // Handlers of CDK-managed custom resources (log retention, default security group) are
  // deployment machinery, not the application's compute.
  const handlers = new Set(resources.filter(([, r]) => r.Type.startsWith('Custom::') || r.Type === 'AWS::CloudFormation::CustomResource')
    .map(([, r]) => (r.Properties as any)?.ServiceToken?.['Fn::GetAtt']?.[0]).filter((id): id is string => typeof id === 'string'));
  const alarmText = resources.filter(([, r]) => r.Type === 'AWS::CloudWatch::Alarm').map(([, r]) => JSON.stringify(r.Properties ?? {})).join('\n');
  const unwatched = resources
    .filter(([id, r]) => watched.includes(r.Type) && !handlers.has(id) && !alarmText.includes(`"${id}"`))
    .map(([id]) => id);
  return {
    name: 'alarms on every compute and data resource',
    passed: unwatched.length === 0,
    reason: unwatched.length ? `no alarm watches ${unwatched.join(', ')}` : 'every function, service, table, queue, database, cache and distribution has an alarm',
  };
}

function headroom(design: InfrastructureDesign): ReliabilityCheck[] {
  return design.services.filter((s) => s.runtime !== ComputeRuntime.S3_CLOUDFRONT).map((s) => {
    if (s.runtime === ComputeRuntime.FARGATE) {
      const capacity = s.maxTasks * REQUESTS_PER_TASK;
      return { name: `${s.name}: scales to the peak`, passed: capacity >= s.peakRequestsPerSecond, reason: `${s.maxTasks} tasks x ${REQUESTS_PER_TASK}/s = ${capacity}/s for a peak of ${s.peakRequestsPerSecond}/s` };
    }
    const concurrency = Math.ceil(s.peakRequestsPerSecond * ASSUMED_DURATION_SECONDS);
    return {
      name: `${s.name}: scales to the peak`,
      passed: concurrency <= LAMBDA_CONCURRENCY_QUOTA,
      reason: `about ${concurrency} concurrent executions at the peak of ${s.peakRequestsPerSecond}/s (${ASSUMED_DURATION_SECONDS * 1000} ms each), default quota ${LAMBDA_CONCURRENCY_QUOTA}`,
    };
  });
}

function healthChecks(design: InfrastructureDesign, template: CloudFormationTemplate): ReliabilityCheck {
  const containers = design.services.filter((s) => s.runtime === ComputeRuntime.FARGATE).length;
  const groups = Object.values(template.Resources ?? {}).filter((r) => r.Type === 'AWS::ElasticLoadBalancingV2::TargetGroup');
  const checked = groups.filter((g) => (g.Properties as any)?.HealthCheckPath).length;
  return {
    name: 'health checks on load-balanced services',
    passed: checked >= containers,
    reason: containers ? `${checked} of ${containers} container service(s) have a health check path; unhealthy tasks are replaced` : 'no load-balanced services; Lambda and managed services are health-checked by AWS',
  };
}

function deadLetterQueues(template: CloudFormationTemplate): ReliabilityCheck {
  const resources = template.Resources ?? {};
  const consumed = Object.values(resources).filter((r) => r.Type === 'AWS::Lambda::EventSourceMapping')
    .map((m) => (m.Properties as any)?.EventSourceArn?.['Fn::GetAtt']?.[0]).filter((id): id is string => typeof id === 'string');
  const without = consumed.filter((id) => !(resources[id]?.Properties as any)?.RedrivePolicy);
  const schedules = Object.entries(resources).filter(([, r]) => r.Type === 'AWS::Scheduler::Schedule' && !(r.Properties as any)?.Target?.DeadLetterConfig).map(([id]) => id);
  return {
    name: 'dead-letter queues for asynchronous work',
    passed: without.length + schedules.length === 0,
    reason: without.length + schedules.length ? `no dead-letter queue for ${[...without, ...schedules].join(', ')}`
      : `${consumed.length} consumed queue(s) and every schedule keep failed messages in a dead-letter queue`,
  };
}

function deletionProtection(design: InfrastructureDesign, template: CloudFormationTemplate): ReliabilityCheck {
  if (design.resilience.environment !== EnvironmentTier.PRODUCTION) {
    return { name: 'deletion protection', passed: true, reason: `not required in ${design.resilience.environment}` };
  }
  const unprotected = Object.entries(template.Resources ?? {}).filter(([, r]) =>
    (r.Type === 'AWS::DynamoDB::Table' && (r.Properties as any)?.DeletionProtectionEnabled !== true)
    || (r.Type === 'AWS::RDS::DBCluster' && (r.Properties as any)?.DeletionProtection !== true)).map(([id]) => id);
  return {
    name: 'deletion protection',
    passed: unprotected.length === 0,
    reason: unprotected.length ? `unprotected in production: ${unprotected.join(', ')}` : 'every table and database cluster is deletion-protected',
  };
}


