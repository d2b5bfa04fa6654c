import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { AlarmSpec } from './alarm-specs';

/** How many alarms a monitored resource gets. */
export enum AlarmGrouping {
  /** One alarm per condition (errors, throttles, latency, ...): the most specific notification. */
  PER_CONDITION = 'PER_CONDITION',
  /**
   * One metric-math alarm per resource for the conditions that fire at once (errors, 5xx,
   * rates, messages in a dead-letter queue) and one for the sustained ones (latency, CPU,
   * capacity): the same conditions, in two to three times fewer alarms and dashboard widgets.
   */
  PER_RESOURCE = 'PER_RESOURCE',
}

/** CloudWatch lets an alarm's metric math use at most 10 metrics and expressions. */
const MAX_METRICS_PER_ALARM = 10;

const OPERATORS: Record<cloudwatch.ComparisonOperator, string | undefined> = {
  [cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD]: '>',
  [cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD]: '>=',
  [cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD]: '<',
  [cloudwatch.ComparisonOperator.LESS_THAN_OR_EQUAL_TO_THRESHOLD]: '<=',
  [cloudwatch.ComparisonOperator.LESS_THAN_LOWER_OR_GREATER_THAN_UPPER_THRESHOLD]: undefined,
  [cloudwatch.ComparisonOperator.LESS_THAN_LOWER_THRESHOLD]: undefined,
  [cloudwatch.ComparisonOperator.GREATER_THAN_UPPER_THRESHOLD]: undefined,
};

/**
 * Specs merged into as few as possible: specs with the same evaluation periods become one
 * spec whose metric is 1 when any of their conditions holds (`IF(m0 > t0 OR m1 < t1, 1, 0)`),
 * within CloudWatch's 10 metrics per alarm. A spec alone in its group stays as it is.
 */
export function groupSpecs(specs: AlarmSpec[]): AlarmSpec[] {
  const byPeriods = new Map<number, AlarmSpec[]>();
  for (const spec of specs) {
    const periods = spec.evaluationPeriods ?? 1;
    byPeriods.set(periods, [...byPeriods.get(periods) ?? [], spec]);
  }
  const out: AlarmSpec[] = [];
  for (const [periods, group] of byPeriods) {
    let batch: AlarmSpec[] = [];
    let used = 0;
    const flush = () => {
      if (batch.length === 1) out.push(batch[0]);
      else if (batch.length > 1) out.push(merge(batch, periods, out.length));
      batch = [];
      used = 0;
    };
    for (const spec of group) {
      const size = metricCount(spec.metric);
      if (used + size + 1 > MAX_METRICS_PER_ALARM) flush();
      batch.push(spec);
      used += size;
    }
    flush();
  }
  return out;
}

function merge(batch: AlarmSpec[], periods: number, index: number): AlarmSpec {
  const usingMetrics: Record<string, cloudwatch.IMetric> = {};
  const conditions = batch.map((spec, i) => {
    const operator = OPERATORS[spec.comparison ?? cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD];
    if (!operator) throw new Error(`alarm '${spec.id}' uses a band comparison, which cannot be grouped`);
    usingMetrics[`m${i}`] = withSuffix(spec.metric, `${i}`);
    return `m${i} ${operator} ${spec.threshold}`;
  });
  const config = batch[0].metric.toMetricConfig();
  const mathPeriod = config.mathExpression?.period;
  const period = config.metricStat?.period ?? (mathPeriod !== undefined ? Duration.seconds(mathPeriod) : undefined);
  return {
    id: periods === 1 ? (index === 0 ? 'Failures' : `Failures${index}`) : (index === 0 ? 'Sustained' : `Sustained${index}`),
    metric: new cloudwatch.MathExpression({ expression: `IF(${conditions.join(' OR ')}, 1, 0)`, usingMetrics, period }),
    threshold: 0,
    evaluationPeriods: periods,
    description: batch.map((s) => s.description).join(' or ') + (periods > 1 ? ` (for ${periods} periods)` : ''),
  };
}

function metricCount(metric: cloudwatch.IMetric): number {
  if (metric instanceof cloudwatch.MathExpression) {
    return 1 + Object.values(metric.usingMetrics).reduce((n, m) => n + metricCount(m), 0);
  }
  return 1;
}

/** The same metric, with the ids inside a math expression made unique in the merged alarm. */
function withSuffix(metric: cloudwatch.IMetric, suffix: string): cloudwatch.IMetric {
  if (!(metric instanceof cloudwatch.MathExpression)) return metric;
  let expression = metric.expression;
  const usingMetrics: Record<string, cloudwatch.IMetric> = {};
  for (const [id, inner] of Object.entries(metric.usingMetrics)) {
    expression = expression.replace(new RegExp(`\\b${id}\\b`, 'g'), `${id}_${suffix}`);
    usingMetrics[`${id}_${suffix}`] = withSuffix(inner, `${suffix}_${id}`);
  }
  return new cloudwatch.MathExpression({ expression, usingMetrics, period: metric.period, label: metric.label });
}
