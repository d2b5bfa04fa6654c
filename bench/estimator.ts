// Times CostEstimator.estimateTemplate on generated templates of mixed resource types.
// `benchEstimator()` returns the figures; run directly (ts-node bench/estimator.ts) to print them.
import { CostEstimator } from '../src/cost';
import * as resolveModule from '../src/cost/estimator/resolve';
import { resolveTemplate } from '../src/cost/estimator/resolve';

export interface EstimatorBenchResult {
  readonly resources: number;
  /** Median milliseconds of one estimate. */
  readonly medianMs: number;
  /** medianMs / the previous size's medianMs (undefined for the first size). */
  readonly growthRatio?: number;
  /** Size ratio to the previous size (10 for 100 -> 1,000). */
  readonly sizeRatio?: number;
}

/** A template of `count` resources cycling through priced, free and unpriced types, with cross-references. */
export function generatedTemplate(count: number): { Resources: { [id: string]: unknown } } {
  const kinds: Array<(i: number) => unknown> = [
    (i) => ({ Type: 'AWS::Lambda::Function', Properties: { MemorySize: 256 + (i % 4) * 256, Architectures: [i % 2 ? 'arm64' : 'x86_64'] } }),
    () => ({ Type: 'AWS::DynamoDB::Table', Properties: { BillingMode: 'PAY_PER_REQUEST' } }),
    () => ({ Type: 'AWS::S3::Bucket', Properties: {} }),
    (i) => ({ Type: 'AWS::SQS::Queue', Properties: { FifoQueue: i % 3 === 0 } }),
    () => ({ Type: 'AWS::CloudWatch::Alarm', Properties: { Period: 300 } }),
    () => ({ Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: 30 } }),
    () => ({ Type: 'AWS::IAM::Role', Properties: {} }),
    (i) => ({ Type: 'AWS::IAM::Policy', Properties: { Roles: [{ Ref: `R${i - 1}` }] } }),
    () => ({ Type: 'AWS::EC2::NatGateway', Properties: {} }),
    () => ({ Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Subnets: ['a', 'b'] } }),
    (i) => ({ Type: 'AWS::ECS::TaskDefinition', Properties: { Cpu: '256', Memory: '512', Family: `f${i}` } }),
    (i) => ({ Type: 'AWS::ECS::Service', Properties: { LaunchType: 'FARGATE', DesiredCount: 2, TaskDefinition: { Ref: `R${i - 1}` } } }),
    () => ({ Type: 'AWS::Kinesis::Stream', Properties: {} }),
    () => ({ Type: 'AWS::KMS::Key', Properties: {} }),
  ];
  const resources: { [id: string]: unknown } = {};
  for (let i = 0; i < count; i++) resources[`R${i}`] = kinds[i % kinds.length](i);
  return { Resources: resources };
}

function timeOnce(template: unknown): number {
  const start = process.hrtime.bigint();
  CostEstimator.estimateTemplate({ template });
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Median time of `estimateTemplate` per size, and growth ratios between consecutive sizes. */
export function benchEstimator(sizes: number[] = [100, 1_000, 10_000], rounds = 7): EstimatorBenchResult[] {
  const results: EstimatorBenchResult[] = [];
  for (const size of sizes) {
    const template = generatedTemplate(size);
    timeOnce(template); // warm up
    const times = Array.from({ length: rounds }, () => timeOnce(template)).sort((a, b) => a - b);
    const medianMs = times[Math.floor(times.length / 2)];
    const prev = results[results.length - 1];
    results.push({ resources: size, medianMs, ...(prev ? { growthRatio: medianMs / prev.medianMs, sizeRatio: size / prev.resources } : {}) });
  }
  return results;
}

/** Prints the results as the bench's lines. */
export function printEstimatorBench(results: EstimatorBenchResult[], log: (line: string) => void = console.log): void {
  log('cost estimator (median of 7 runs):');
  for (const r of results) {
    const growth = r.growthRatio === undefined ? '' : `  x${r.growthRatio.toFixed(1)} for x${r.sizeRatio} resources`;
    log(`  ${String(r.resources).padStart(6)} resources: ${r.medianMs.toFixed(1).padStart(7)} ms${growth}`);
  }
  const largest = results[results.length - 1];
  if (largest) log(`  target: 10,000 resources under 250 ms -> ${largest.medianMs < 250 ? 'met' : 'NOT met'}`);
}

/**
 * The same generated template written the way hand-made templates are: sizes as parameters
 * (with Defaults), a third of the resources under conditions, mappings and Fn::Sub names.
 */
export function parameterisedTemplate(count: number): { [key: string]: unknown } {
  const base = generatedTemplate(count).Resources as { [id: string]: any };
  const resources: { [id: string]: unknown } = {};
  for (const [id, r] of Object.entries(base)) {
    const i = Number(id.slice(1));
    const p = { ...r.Properties };
    if (r.Type === 'AWS::Lambda::Function') p.MemorySize = { Ref: 'Memory' };
    if (r.Type === 'AWS::ECS::Service') p.DesiredCount = { 'Fn::FindInMap': ['Sizes', { Ref: 'Env' }, 'Tasks'] };
    p.Name = { 'Fn::Sub': `\${AWS::StackName}-${id}-\${Env}` };
    resources[id] = { ...r, Properties: p, ...(i % 3 === 0 ? { Condition: i % 2 ? 'IsProd' : 'IsDev' } : {}) };
  }
  return {
    Parameters: { Memory: { Type: 'Number', Default: 512 }, Env: { Type: 'String', Default: 'prod' } },
    Mappings: { Sizes: { prod: { Tasks: 4 }, dev: { Tasks: 1 } } },
    Conditions: { IsProd: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] }, IsDev: { 'Fn::Not': [{ Condition: 'IsProd' }] } },
    Resources: resources,
  };
}

function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
}

/** Wall and CPU milliseconds of one call (CPU time is steadier on a shared machine). */
function time(fn: () => unknown): { wall: number; cpu: number } {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  fn();
  const used = process.cpuUsage(cpu);
  return { wall: Number(process.hrtime.bigint() - start) / 1e6, cpu: (used.user + used.system) / 1000 };
}

/** What `benchResolution` measures (medians over its rounds). */
export interface ResolutionBench {
  readonly estimateMs: number;
  readonly resolveMs: number;
  readonly estimateCpuMs: number;
  readonly resolveCpuMs: number;
  /** Median over the rounds of resolution CPU / estimate CPU. */
  readonly cpuShare: number;
}

/**
 * Full estimates of a parameterised template of `size` resources, with the time parameter
 * resolution takes inside each (the estimator's own `resolveTemplate` calls, timed where the
 * estimate makes them): medians, and the median of each estimate's resolution share of CPU.
 */
export function benchResolution(size = 10_000, rounds = 15): ResolutionBench {
  const template = parameterisedTemplate(size);
  const module = resolveModule as { resolveTemplate: typeof resolveTemplate };
  const original = module.resolveTemplate;
  let inside = { wall: 0, cpu: 0 };
  module.resolveTemplate = (...args: Parameters<typeof resolveTemplate>) => {
    let result: ReturnType<typeof resolveTemplate> | undefined;
    const t = time(() => result = original(...args));
    inside = { wall: inside.wall + t.wall, cpu: inside.cpu + t.cpu };
    return result!;
  };
  try {
    time(() => CostEstimator.estimateTemplate({ template }));
    const estimates: Array<{ wall: number; cpu: number }> = [];
    const resolutions: Array<{ wall: number; cpu: number }> = [];
    for (let i = 0; i < rounds; i++) {
      inside = { wall: 0, cpu: 0 };
      estimates.push(time(() => CostEstimator.estimateTemplate({ template })));
      resolutions.push(inside);
    }
    if (resolutions.some((r) => r.wall === 0)) throw new Error('the estimator no longer calls resolveTemplate through its module: the bench cannot time resolution');
    return {
      estimateMs: median(estimates.map((t) => t.wall)),
      resolveMs: median(resolutions.map((t) => t.wall)),
      estimateCpuMs: median(estimates.map((t) => t.cpu)),
      resolveCpuMs: median(resolutions.map((t) => t.cpu)),
      cpuShare: median(resolutions.map((r, i) => r.cpu / estimates[i].cpu)),
    };
  } finally {
    module.resolveTemplate = original;
  }
}

/** The bench's lines (wired into `npm run bench` by bench/run.ts). */
export async function run(): Promise<string[]> {
  const lines: string[] = [];
  printEstimatorBench(benchEstimator(), (l) => lines.push(l));
  const r = benchResolution();
  const share = r.cpuShare;
  lines.push('parameterised template (parameters, mappings, conditions on a third, Fn::Sub names), 10,000 resources, median of 15:');
  lines.push(`  estimate: ${r.estimateMs.toFixed(1)} ms wall, ${r.estimateCpuMs.toFixed(1)} ms CPU (target under 250 ms: ${r.estimateMs < 250 ? 'met' : 'NOT met'})`);
  lines.push(`  parameter resolution inside it: ${r.resolveMs.toFixed(1)} ms wall, ${r.resolveCpuMs.toFixed(1)} ms CPU; its share of each estimate's CPU time, median ${(share * 100).toFixed(1)}% (target at most 20%: ${share <= 0.2 ? 'met' : 'NOT met'})`);
  return lines;
}

if (require.main === module) void run().then((lines) => lines.forEach((l) => console.log(l)));
