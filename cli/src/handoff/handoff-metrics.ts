import type { HandoffMetric, StackInputs } from './handoff-document';
import { usd } from '../table';

/**
 * The quality metrics of a stack, each with how it was computed: security compliance per
 * framework and the reliability score (design report), the cost optimization ratio (an
 * `actuals --json` file) and the provisioning success rate (a `status --json` file).
 */
export function metricsOf(input: StackInputs): HandoffMetric[] {
  const { stack } = input;
  const report = stack.report;
  const reportFile = `${stack.artifactId}.design-report.json`;
  const metrics: HandoffMetric[] = [];
  if (report?.security && report.security.frameworks.length === 0) {
    metrics.push({ name: 'Security compliance', value: null, display: 'not evaluated', method: 'the design report\'s security section lists no framework', source: `${reportFile} (security)` });
  } else if (report?.security) {
    for (const f of report.security.frameworks) {
      metrics.push({
        name: `Security compliance (${f.name})`,
        value: f.notApplicable ? null : f.compliancePercent,
        display: f.notApplicable ? 'not applicable' : `${f.compliancePercent}%`,
        method: f.notApplicable ? `no ${f.name} rule applies to the template`
          : `the share of the ${f.rulesEvaluated} ${f.name} rules evaluated on the template at synth with no unacknowledged finding `
          + `(${f.rulesPassed} passed, ${f.rulesAcknowledged} with acknowledged findings, ${f.rulesWaived ?? 0} waived)`,
        source: `${reportFile} (security)`,
      });
    }
  } else {
    metrics.push({
      name: 'Security compliance',
      value: null,
      display: 'not evaluated',
      method: report ? 'the design report has no security section (the compliance packs did not run)' : 'no design report for this stack',
      source: null,
    });
  }
  const reliability = report?.reliability;
  metrics.push(reliability ? {
    name: 'Reliability score',
    value: reliability.score,
    display: `${reliability.score}/100`,
    method: `from the reliability checks against the requirements at synth: ${reliability.checks.filter((c) => c.passed).length} of `
      + `${reliability.checks.length} passed; composite availability of the architecture from published SLAs ${reliability.compositeAvailabilityPercent}%`,
    source: `${reportFile} (reliability)`,
  } : { name: 'Reliability score', value: null, display: 'not evaluated', method: 'the design report has no reliability section', source: null });

  const actuals = input.actuals;
  const ratio = actuals?.result.costOptimizationRatio;
  metrics.push(actuals && ratio ? {
    name: 'Cost optimization ratio',
    value: ratio.value,
    display: ratio.value === null ? `not measured: ${ratio.verdict}` : `${ratio.value.toFixed(2)}, ${ratio.verdict}; estimate ${usd(actuals.result.total.estimatedMonthly)} `
      + `against a run-rate of ${usd(actuals.result.total.actualMonthlyRunRate)} a month`,
    method: `${ratio.method} ${ratio.interpretation}`,
    source: `${actuals.file} (Cost Explorer, ${actuals.result.window.start} to ${actuals.result.window.end})`,
  } : {
    name: 'Cost optimization ratio',
    value: null,
    display: 'not measured',
    method: `after the stack has run a few days: cdk-infra-engineer actuals --report <cdk.out>/${reportFile} --json actuals.json, then handoff --actuals actuals.json`,
    source: null,
  });

  const status = input.status;
  const rate = status?.result.provisioningSuccessRate;
  metrics.push(status && rate ? {
    name: 'Provisioning success rate',
    value: rate.percent,
    display: rate.percent === null ? 'not measured (no finished create or update attempt)' : `${rate.percent}% (${rate.successful} of ${rate.attempted} create/update attempts)`,
    method: rate.method,
    source: `${status.file} (CloudFormation events, ${status.result.generatedAt})`,
  } : {
    name: 'Provisioning success rate',
    value: null,
    display: 'not measured',
    method: `after deploying: cdk-infra-engineer status --stack ${stack.stackName} --json status.json, then handoff --status status.json`,
    source: null,
  });
  return metrics;
}
