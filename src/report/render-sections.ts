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
  if (r.costHeadline) out.push(`**Total:** ${r.costHeadline}`, '');
  if (r.budget?.message) out.push(`> **Budget:** ${r.budget.message}`, '');
  const expected = (x: ReportResource) => x.monthlyCost?.expected ?? -1;
  const sorted = [...r.resources].sort((a, b) => expected(b) - expected(a) || a.logicalId.localeCompare(b.logicalId));
  // Rows under a cent are most of a stack (roles, policies, routes): collapsed, so the table shows what costs.
  const isZero = (x: ReportResource) => x.monthlyCost !== undefined && x.monthlyCost !== null && x.monthlyCost.expected < 0.005;
  const costing = sorted.filter((x) => !isZero(x));
  const zero = sorted.filter(isZero);
  out.push(...costTable(costing));
  if (zero.length) {
    out.push(...collapsed(`${zero.length} resources at $0.00 expected (free, or no usage assumed)`, costTable(zero)));
  }
  const unpriced = r.resources.filter((x) => x.status === 'unpriced');
  if (unpriced.length) {
    out.push('### Unpriced resources', '', 'The total leaves these out.', '', ...unpriced.map((x) => `- ${x.logicalId} (${x.type}): ${x.reason ?? 'no model'}`), '');
  }
  if (r.excludedResources?.length) {
    out.push('### Not deployed', '', ...r.excludedResources.map((x) => `- ${x.logicalId} (${x.type}): ${x.reason}`), '');
  }
  const assumptions = [...r.costAssumptions, ...r.resources.flatMap((x) => (x.assumptions ?? []).map((a) => `${x.logicalId}: ${a}`))];
  if (assumptions.length) out.push(...collapsed(`Assumptions (${assumptions.length})`, assumptions.map((a) => `- ${a}`)));
  return out;
}

function costTable(resources: ReportResource[]): string[] {
  const out = ['| Resource | Type | Status | Expected | Low - high | How |', '|---|---|---|---|---|---|'];
  for (const x of resources) {
    const range = x.monthlyCost ? `${usd(x.monthlyCost.low)} - ${usd(x.monthlyCost.high)}` : '';
    const how = (x.lineItems ?? []).map((l) => `${l.description}: ${fmt(l.quantity)} × ${l.unit} @ ${unitUsd(l.unitPrice)}`).join('; ') || (x.reason ?? '');
    out.push(`| ${x.nestedStack ? `${x.nestedStack}/` : ''}${x.logicalId} | ${x.type} | ${x.status ?? ''} | ${x.monthlyCost ? usd(x.monthlyCost.expected) : ''} | ${range} | ${cell(how)} |`);
  }
  out.push('');
  return out;
}

/** A GitHub-collapsed section: the summary line shows, the body opens on a click. */
function collapsed(summary: string, body: string[]): string[] {
  return ['<details>', `<summary>${summary}</summary>`, '', ...body, '</details>', ''];
}

/** Security: compliance per framework, and every acknowledgement with its reason. */
export function renderSecurity(r: DesignReport): string[] {
  if (!r.security) return ['## Security', '', 'Not evaluated for this stack.', ''];
  const out = ['## Security', '', '| Framework | Rules evaluated | Passed | Failed | Acknowledged | Waived | Compliance |', '|---|---|---|---|---|---|---|'];
  out.push(...r.security.frameworks.map((f) => `| ${f.name} | ${f.rulesEvaluated} | ${f.rulesPassed} | ${f.rulesFailed ?? 0} | ${f.rulesAcknowledged} | ${f.rulesWaived ?? 0} | `
    + `${f.notApplicable ? 'not applicable' : `${f.compliancePercent}%`} |`), '');
  out.push('Compliance is the share of evaluated rules with no unacknowledged finding.', '');
  if (r.security.acknowledgements.length) {
    out.push(...collapsed(`Acknowledgements (${r.security.acknowledgements.length}): findings accepted, each with its reason`, [
      '| Rule | Resource | How | Reason |', '|---|---|---|---|',
      ...r.security.acknowledgements.map((a) => `| ${a.ruleId} | ${cell(a.resourcePath)} | ${a.kind ?? 'acknowledgement'} | ${cell(a.reason)} |`), '',
    ]));
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

/** `n.toLocaleString('en-US', { maximumFractionDigits: 2 })`, with the formatter made once (toLocaleString makes one per call). */
const QUANTITY = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
function fmt(n: number): string {
  return QUANTITY.format(n);
}

/** Unit prices keep their significant digits ($0.045, $0.0000166667). */
function unitUsd(n: number): string {
  return `$${Number(n.toPrecision(6))}`;
}
