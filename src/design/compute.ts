import { EnvironmentTier, RuntimePreference, ServiceRequirements, WorkloadType } from '../requirements';
import { PRICED_AS, decisionIn, responseGb } from './alternatives';
import { ArchitectureDecision, ComputeRuntime, DecisionArea, ServicePlan } from './model';

const decision = decisionIn.bind(undefined, DecisionArea.COMPUTE);
const edgeDecision = decisionIn.bind(undefined, DecisionArea.EDGE);

const SECONDS_PER_MONTH = 730 * 3600;
/** Average request rate above which always-on containers beat per-request Lambda pricing. */
export const CONTAINER_BREAK_EVEN_RPS = 100;
/** Requests per second one 0.5 vCPU Fargate task is assumed to serve. */
export const REQUESTS_PER_TASK = 100;
/** Share of a task's assumed capacity at which autoscaling adds tasks. */
const SCALE_OUT_UTILISATION = 0.7;
/** Assumed average function duration for concurrency estimates. */
const ASSUMED_DURATION_SECONDS = 0.1;
const DEFAULT_MONTHLY_REQUESTS = 1_000_000;
const DEFAULT_PEAK_RPS = 10;
/** Smallest concurrency reserved for a function when a framework asks for a limit. */
const MIN_RESERVED_CONCURRENCY = 5;

export interface ComputeContext {
  readonly tier: EnvironmentTier;
  /** Stores the service uses that live in a VPC (relational, cache). */
  readonly vpcStoresUsed: string[];
  /** Compliance frameworks that require functions in a VPC. */
  readonly complianceNames: string[];
  /** The queue the worker consumes, if it is a declared store. */
  readonly consumesQueue?: string;
}

export function planService(s: ServiceRequirements, ctx: ComputeContext): { plan: ServicePlan; decisions: ArchitectureDecision[] } {
  const monthlyRequests = s.traffic?.monthlyRequests ?? (s.workload === WorkloadType.SCHEDULED_JOB ? 730 : DEFAULT_MONTHLY_REQUESTS);
  const peak = s.traffic?.peakRequestsPerSecond ?? DEFAULT_PEAK_RPS;
  const avgRps = monthlyRequests / SECONDS_PER_MONTH;
  const trafficText = `${monthlyRequests.toLocaleString('en-US')} requests/month (average ${round(avgRps)}/s), peak ${peak}/s`
    + (s.traffic ? '' : ' (defaults: no traffic was given)');
  const runtimePref = s.runtime ?? RuntimePreference.AUTO;
  const base = {
    name: s.name,
    workload: s.workload,
    readWriteStores: s.dataStores ?? [],
    readOnlyStores: s.readOnlyDataStores ?? [],
    consumesQueue: ctx.consumesQueue,
    containerImage: s.containerImage,
    codePath: s.codePath,
    handler: s.handler ?? 'index.handler',
    scaleOutRequestsPerTaskPerMinute: 0,
    containerPort: 0,
    healthCheckPath: '',
    schedule: s.workload === WorkloadType.SCHEDULED_JOB ? (s.schedule ?? 'rate(1 hour)') : undefined,
    monthlyRequests,
    peakRequestsPerSecond: peak,
    averageResponseSizeKb: s.traffic?.averageResponseSizeKb ?? 10,
  };

  if (s.workload === WorkloadType.STATIC_SITE) {
    const plan: ServicePlan = {
      ...base,
      runtime: ComputeRuntime.S3_CLOUDFRONT,
      memoryMiB: 0,
      cpuUnits: 0,
      minTasks: 0,
      maxTasks: 0,
      timeoutSeconds: 0,
      inVpc: false,
      usesPlaceholder: !s.codePath,
      publicEndpoint: true,
      webApplicationFirewall: false,
    };
    return {
      plan,
      decisions: [decision(s.name, 'Amazon S3 + CloudFront with origin access control', `static website, ${trafficText}: no code runs on the server, so files are served from a private bucket through the CDN`, [
        { option: 'Fargate web server', whyNot: 'pays for always-on compute to serve files' },
        { option: 'S3 website hosting', whyNot: 'needs a public bucket and serves HTTP only' },
      ]), edgeDecision(s.name, 'CloudFront (HTTPS, security headers); no WAF by default', 'CloudFront-scope WAF web ACLs must be created in us-east-1, and this stack may deploy to any region', [
        { option: 'CloudFront + WAF', whyNot: 'needs a web ACL in us-east-1; attach one with StaticSite webAclArn' },
      ])],
    };
  }

  const outGb = responseGb(monthlyRequests, base.averageResponseSizeKb);
  const wantsContainer = runtimePref === RuntimePreference.CONTAINER
    || (runtimePref === RuntimePreference.AUTO && (s.workload === WorkloadType.WEB_SERVICE
      || (s.workload === WorkloadType.HTTP_API && avgRps >= CONTAINER_BREAK_EVEN_RPS)));
  const decisions: ArchitectureDecision[] = [];
  let plan: ServicePlan;
  if (wantsContainer) {
    const small = ctx.tier === EnvironmentTier.DEVELOPMENT;
    const tierMin = small ? 1 : 2;
    const minTasks = Math.max(tierMin, Math.ceil(avgRps / REQUESTS_PER_TASK));
    const maxTasks = Math.max(minTasks * 2, Math.ceil((peak * 1.3) / REQUESTS_PER_TASK));
    plan = {
      ...base,
      runtime: ComputeRuntime.FARGATE,
      memoryMiB: small ? 512 : 1024,
      cpuUnits: small ? 256 : 512,
      minTasks,
      maxTasks,
      // Scale out at 70% of what a task is assumed to serve; the ALB metric counts per minute.
      scaleOutRequestsPerTaskPerMinute: Math.round(REQUESTS_PER_TASK * 60 * SCALE_OUT_UTILISATION),
      containerPort: s.containerPort ?? 80,
      healthCheckPath: s.healthCheckPath ?? '/',
      timeoutSeconds: 60,
      inVpc: true,
      usesPlaceholder: !s.containerImage,
      publicEndpoint: s.workload === WorkloadType.HTTP_API || s.workload === WorkloadType.WEB_SERVICE,
      webApplicationFirewall: ctx.tier !== EnvironmentTier.DEVELOPMENT || ctx.complianceNames.length > 0,
    };
    const why = runtimePref === RuntimePreference.CONTAINER ? 'the service asks for a container runtime'
      : s.workload === WorkloadType.WEB_SERVICE ? 'a long-running web service keeps connections and state warm'
        : `average load of ${round(avgRps)}/s is above ${CONTAINER_BREAK_EVEN_RPS}/s, where always-on tasks usually cost less than per-request pricing`;
    decisions.push(decision(s.name, `ECS Fargate behind an Application Load Balancer: ${plan.cpuUnits / 1024} vCPU / ${plan.memoryMiB} MiB tasks, ${minTasks}-${maxTasks} tasks`,
      `${why}; ${trafficText}; assuming ${REQUESTS_PER_TASK} requests/s per task, ${minTasks} task(s) carry the average and ${maxTasks} cover the peak with 30% headroom`
      + (tierMin > 1 ? `; at least ${tierMin} tasks so a task or AZ failure leaves one serving` : '')
      + `; scale out above ${plan.scaleOutRequestsPerTaskPerMinute} requests per task per minute (${SCALE_OUT_UTILISATION * 100}% of capacity)`,
      [{
        option: 'AWS Lambda + HTTP API',
        whyNot: runtimePref === RuntimePreference.CONTAINER ? 'not the requested runtime' : 'per-request pricing and cold starts at this load',
        pricedAs: plan.publicEndpoint ? PRICED_AS.lambdaBehindHttpApi(512, monthlyRequests, outGb) : undefined,
      }],
      plan.publicEndpoint ? PRICED_AS.fargateBehindAlb(minTasks, plan.cpuUnits, plan.memoryMiB, monthlyRequests, outGb) : undefined));
    decisions.push(edgeDecision(s.name, plan.webApplicationFirewall ? 'internet-facing ALB with a regional WAF web ACL (AWS managed rules, rate limit)' : 'internet-facing ALB, no WAF',
      plan.webApplicationFirewall ? `a public endpoint in ${ctx.tier}${ctx.complianceNames.length ? ` under ${ctx.complianceNames.join(', ')}` : ''}`
        : 'development endpoints are short-lived; WAF adds a fixed monthly cost',
      [{ option: 'CloudFront in front of the ALB', whyNot: 'adds a second edge for a dynamic service; consider it for global users' }]));
  } else {
    const inVpc = ctx.vpcStoresUsed.length > 0 || ctx.complianceNames.length > 0;
    const timeout = s.workload === WorkloadType.SCHEDULED_JOB ? 300 : s.workload === WorkloadType.QUEUE_WORKER ? 60 : 10;
    const isApi = s.workload === WorkloadType.HTTP_API || s.workload === WorkloadType.WEB_SERVICE;
    const rate = isApi ? Math.ceil(peak * 1.5) : undefined;
    // Twice the estimated peak concurrency, at least 5 (SQS event sources poll with 5 at first).
    const reserved = ctx.complianceNames.length > 0 ? Math.max(MIN_RESERVED_CONCURRENCY, Math.ceil(peak * ASSUMED_DURATION_SECONDS * 2)) : undefined;
    plan = {
      ...base,
      runtime: ComputeRuntime.LAMBDA,
      memoryMiB: 512,
      cpuUnits: 0,
      minTasks: 0,
      maxTasks: 0,
      timeoutSeconds: timeout,
      throttleRatePerSecond: rate,
      throttleBurst: rate ? rate * 2 : undefined,
      reservedConcurrency: reserved,
      inVpc,
      usesPlaceholder: !s.codePath,
      publicEndpoint: isApi,
      webApplicationFirewall: false,
    };
    const concurrency = Math.ceil(peak * ASSUMED_DURATION_SECONDS);
    const front = isApi ? ' behind an API Gateway HTTP API' : s.workload === WorkloadType.QUEUE_WORKER ? ' with an SQS event source' : ' invoked by EventBridge Scheduler';
    decisions.push(decision(s.name, `AWS Lambda (arm64, 512 MiB, ${timeout} s timeout)${front}`,
      `${runtimePref === RuntimePreference.FUNCTION ? 'the service asks for a function runtime; ' : ''}${trafficText}: `
      + (isApi ? `below ${CONTAINER_BREAK_EVEN_RPS}/s on average, functions need no capacity planning and cost nothing when idle (compare the alternatives' estimated cost); the peak needs about ${concurrency} concurrent executions at ${ASSUMED_DURATION_SECONDS * 1000} ms each, within the default 1,000 account limit${concurrency > 900 ? ' only with a quota increase' : ''}; stage throttling at ${rate}/s (1.5x peak), burst ${rate! * 2}`
        : s.workload === WorkloadType.QUEUE_WORKER ? 'work arrives in messages, so the function scales with the queue and partial batch failures are retried'
          : `runs on '${plan.schedule}'; nothing runs between runs`)
      + (reserved ? `; ${reserved} reserved concurrent executions (twice the estimated peak), which ${ctx.complianceNames.join(', ')} asks for: `
        + 'they bound the function and are taken from the account\'s pool of 1,000' : '')
      + (inVpc ? `; runs in the VPC because ${ctx.vpcStoresUsed.length ? `it reaches ${ctx.vpcStoresUsed.join(', ')}` : `${ctx.complianceNames.join(', ')} expects functions inside a VPC`}` : ''),
      [{
        option: 'ECS Fargate',
        whyNot: runtimePref === RuntimePreference.FUNCTION ? 'not the requested runtime' : 'tasks and a load balancer run (and cost) all month whatever the load, and need capacity planning',
        // Priced as the smallest production-shaped service: two 0.5 vCPU tasks behind a load balancer.
        pricedAs: isApi ? PRICED_AS.fargateBehindAlb(2, 512, 1024, monthlyRequests, outGb) : undefined,
      }],
      isApi ? PRICED_AS.lambdaBehindHttpApi(512, monthlyRequests, outGb) : undefined));
    if (isApi) {
      decisions.push(edgeDecision(s.name, 'API Gateway HTTP API endpoint with stage throttling; no WAF', 'HTTP APIs cannot be associated with AWS WAF; throttling limits abuse', [
        { option: 'REST API + regional WAF', whyNot: 'REST API requests cost about 3.5x HTTP API requests', pricedAs: PRICED_AS.restApiWithWaf(monthlyRequests, outGb) },
        { option: 'CloudFront + WAF in front of the HTTP API', whyNot: 'needs a web ACL in us-east-1 and a second edge' },
      ], PRICED_AS.httpApi(monthlyRequests, outGb)));
    }
  }
  return { plan, decisions };
}

function round(n: number): string {
  return n >= 10 ? n.toFixed(0) : n >= 1 ? n.toFixed(1) : n.toFixed(2);
}
