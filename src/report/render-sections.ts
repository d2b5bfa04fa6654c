import { cell, usd } from './format';
import { DesignReport, ReportResource } from './model';

/** Cost: resources by cost, unpriced ones, the free tier and the assumptions. */
export function renderCost(r: DesignReport): string[] {
  const out = ['## Cost', ''];
  if (!r.monthlyCost) {
    out.push('Not estimated for this stack.', '', '| Logical ID | Type |', '|---|---|');
    out.push(...r.resources.map((x) => `| ${x.logicalId} | ${x.type} |`), '');
    return out;
  }
  out.push(`Expected **${usd(r.monthlyCost.expected)}** a month (low ${usd(r.monthlyCost.low)}, high ${usd(r.monthlyCost.high)}), `
    + `prices as of ${r.pricingCatalogDate} for ${r.region}${r.regionAssumed ? ' (assumed)' : ''}, in ${r.currency}.`
    + (r.freeTierDeduction ? ` The always-free tier takes off ${usd(r.freeTierDeduction)}; the figures above do not include it.` : ''), '');
  if (r.budget?.message) out.push(`> **Budget:** ${r.budget.message}`, '');
  const expected = (x: ReportResource) => x.monthlyCost?.expected ?? -1;
  const sorted = [...r.resources].sort((a, b) => expected(b) - expected(a) || a.logicalId.localeCompare(b.logicalId));
  out.push('| Resource | Type | Status | Expected | Low - high | How |', '|---|---|---|---|---|---|');
  for (const x of sorted) {
    const range = x.monthlyCost ? `${usd(x.monthlyCost.low)} - ${usd(x.monthlyCost.high)}` : '';
    const how = (x.lineItems ?? []).map((l) => `${l.description}: ${fmt(l.quantity)} × ${l.unit} @ ${unitUsd(l.unitPrice)}`).join('; ') || (x.reason ?? '');
    out.push(`| ${x.logicalId} | ${x.type} | ${x.status ?? ''} | ${x.monthlyCost ? usd(x.monthlyCost.expected) : ''} | ${range} | ${cell(how)} |`);
  }
  out.push('');
  const unpriced = r.resources.filter((x) => x.status === 'unpriced');
  if (unpriced.length) {
    out.push('### Unpriced resources', '', ...unpriced.map((x) => `- ${x.logicalId} (${x.type}): ${x.reason ?? 'no model'}`), '');
  }
  const assumptions = [...r.costAssumptions, ...r.resources.flatMap((x) => (x.assumptions ?? []).map((a) => `${x.logicalId}: ${a}`))];
  if (assumptions.length) out.push('### Assumptions', '', ...assumptions.map((a) => `- ${a}`), '');
  return out;
}

/** Security: compliance per framework, and every acknowledgement with its reason. */
export function renderSecurity(r: DesignReport): string[] {
  if (!r.security) return ['## Security', '', 'Not evaluated for this stack.', ''];
  const out = ['## Security', '', '| Framework | Rules evaluated | Passed | Acknowledged | Compliance |', '|---|---|---|---|---|'];
  out.push(...r.security.frameworks.map((f) => `| ${f.name} | ${f.rulesEvaluated} | ${f.rulesPassed} | ${f.rulesAcknowledged} | ${f.compliancePercent}% |`), '');
  out.push('Compliance is the share of evaluated rules with no unacknowledged finding.', '');
  if (r.security.acknowledgements.length) {
    out.push('### Acknowledgements', '', '| Rule | Resource | Reason |', '|---|---|---|');
    out.push(...r.security.acknowledgements.map((a) => `| ${a.ruleId} | ${cell(a.resourcePath)} | ${cell(a.reason)} |`), '');
  }
  return out;
}

/** Reliability: the score, the composite availability and every check. */
export function renderReliability(r: DesignReport): string[] {
  if (!r.reliability) return ['## Reliability', '', 'Not evaluated for this stack.', ''];
  return [
    '## Reliability', '',
    `Score **${r.reliability.score}/100**; composite availability of the architecture ${r.reliability.compositeAvailabilityPercent}%.`, '',
    '| Check | Result | Why |', '|---|---|---|',
    ...r.reliability.checks.map((c) => `| ${cell(c.name)} | ${c.passed ? 'pass' : 'FAIL'} | ${cell(c.reason)} |`), '',
  ];
}

function fmt(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** Unit prices keep their significant digits ($0.045, $0.0000166667). */
function unitUsd(n: number): string {
  return `$${Number(n.toPrecision(6))}`;
}
