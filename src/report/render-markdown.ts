import { cell, usd } from './format';
import { DesignReport } from './model';
import { renderCost, renderReliability, renderSecurity } from './render-sections';
import { readableValue } from './render-value';

/** Renders the report as GitHub-flavoured Markdown. Pure. */
export function renderMarkdown(r: DesignReport): string {
  // A cost-only report (CostReport on a plain stack) has no design to show.
  const design = r.components.length > 0 || r.decisions.length > 0;
  return [
    ...summary(r),
    // The decisions come first: they are what a reviewer reads the report for.
    ...(design ? [...decisions(r), '## Architecture', '', '```mermaid', ...mermaid(r), '```', '', ...components(r), ...alarms(r)] : []),
    ...renderCost(r),
    ...renderSecurity(r),
    ...renderReliability(r),
    ...accessDetails(r),
  ].join('\n');
}

function summary(r: DesignReport): string[] {
  const cost = r.monthlyCost
    ? `${usd(r.monthlyCost.expected)} (low ${usd(r.monthlyCost.low)}, high ${usd(r.monthlyCost.high)})`
      + (r.freeTierDeduction ? `, ${usd(r.freeTierDeduction)} less with the free tier` : '')
    : 'not estimated';
  const budget = r.budget
    ? `${usd(r.budget.monthlyUsd)} a month, ${r.budget.enforcement}${r.budget.withinBudget === undefined ? '' : r.budget.withinBudget ? ': within' : ': **exceeded**'}`
    : 'none';
  const out = [
    `# ${r.decisions.length ? 'Design' : 'Cost'} report: ${r.stackName}`, '',
    '| | |', '|---|---|',
    `| Environment | ${r.environment} |`,
    `| Region | ${r.region}${r.regionAssumed ? ' (assumed: the stack is environment-agnostic)' : ''} |`,
    `| Monthly cost (expected) | ${cost} |`,
    `| Budget | ${budget} |`,
    ...(r.unpricedResources?.length ? [`| Not priced | ${r.unpricedResources.length} resource${r.unpricedResources.length === 1 ? '' : 's'} (listed under Cost): the total leaves ${r.unpricedResources.length === 1 ? 'it' : 'them'} out |`] : []),
    `| Resources | ${r.resources.length} |`,
    `| Security compliance | ${r.security ? r.security.frameworks.map((f) => `${f.name} ${f.notApplicable ? 'not applicable' : `${f.compliancePercent}%`}`).join(', ') : 'not evaluated'} |`,
    `| Reliability score | ${r.reliability ? `${r.reliability.score}/100` : 'not evaluated'} |`, '',
  ];
  const cheaper = cheaperAlternatives(r);
  if (cheaper.length) {
    out.push(`> **Cheaper alternatives:** ${cheaper.map((c) => `${c.subject} (${c.area}): ${c.option}, about ${usd(c.saving)} a month less`).join('; ')}. `
      + 'See Decisions for why each was not chosen.', '');
  }
  if (r.placeholders.length) {
    const one = r.placeholders.length === 1;
    out.push(`> **Placeholders:** ${r.placeholders.join(', ')} run${one ? 's' : ''} placeholder code or a placeholder image. Replace ${one ? 'it' : 'them'} before real use.`, '');
  }
  return out;
}

function components(r: DesignReport): string[] {
  return [
    '## Components', '', '| Name | Role | Technology | Summary |', '|---|---|---|---|',
    ...r.components.map((c) => `| ${cell(c.name)} | ${c.role} | ${cell(c.technology)} | ${cell(c.summary)} |`), '',
  ];
}

/** One line per alarm, grouped by service or store: what the template holds. */
function alarms(r: DesignReport): string[] {
  if (!r.alarms) return [];
  const minutes = (a: { evaluationPeriods: number; periodSeconds: number }) => {
    const m = (a.evaluationPeriods * a.periodSeconds) / 60;
    return a.evaluationPeriods === 1 ? `${m} min` : `${a.evaluationPeriods} x ${a.periodSeconds / 60} min`;
  };
  return [
    '## Alarms', '',
    `${r.alarms.length} alarm${r.alarms.length === 1 ? '' : 's'}, each notifying the alarm topic${r.alarms.every((a) => a.missingData === 'notBreaching') ? '; a period without data does not breach' : ''}.`, '',
    '| Service or store | Watches | Condition | Over |', '|---|---|---|---|',
    ...r.alarms.map((a) => `| ${cell(a.subject)} | ${cell(a.watches)} | ${cell(a.condition)}${a.missingData === 'notBreaching' ? '' : ` (no data: ${a.missingData})`} | ${minutes(a)} |`), '',
  ];
}

function decisions(r: DesignReport): string[] {
  const out = ['## Decisions', ''];
  const cost = (usd2?: number) => (usd2 === undefined ? '' : ` (about ${usd(usd2)} a month)`);
  for (const d of r.decisions) {
    out.push(`### ${d.area}: ${d.subject}`, '', `**Choice:** ${d.choice}${cost(d.choiceEstimatedMonthlyUsd)}`, '', `**Why:** ${d.rationale}`, '');
    if (d.alternatives.length) {
      const versus = (a: { estimatedMonthlyUsd?: number }) => {
        if (a.estimatedMonthlyUsd === undefined || d.choiceEstimatedMonthlyUsd === undefined) return cost(a.estimatedMonthlyUsd);
        const diff = a.estimatedMonthlyUsd - d.choiceEstimatedMonthlyUsd;
        return Math.abs(diff) < 0.005 ? ` (about ${usd(a.estimatedMonthlyUsd)} a month, the same as the choice)`
          : ` (about ${usd(a.estimatedMonthlyUsd)} a month, ${usd(Math.abs(diff))} ${diff < 0 ? 'less' : 'more'} than the choice)`;
      };
      out.push('**Alternatives considered:**', '', ...d.alternatives.map((a) => `- ${a.option}${versus(a)}: ${a.whyNot}`), '');
    }
  }
  return out;
}

/** Alternatives priced below their decision's choice, like for like: a fact for the reader, not a decision. */
function cheaperAlternatives(r: DesignReport): Array<{ area: string; subject: string; option: string; saving: number }> {
  return r.decisions.flatMap((d) => d.alternatives
    .filter((a) => a.estimatedMonthlyUsd !== undefined && d.choiceEstimatedMonthlyUsd !== undefined
      && d.choiceEstimatedMonthlyUsd - a.estimatedMonthlyUsd >= 0.005)
    .map((a) => ({ area: d.area, subject: d.subject, option: a.option, saving: d.choiceEstimatedMonthlyUsd! - a.estimatedMonthlyUsd! })));
}

function accessDetails(r: DesignReport): string[] {
  if (r.accessDetails.length === 0) return ['## Access details', '', 'None.', ''];
  const known = { region: r.regionAssumed ? undefined : r.region };
  return [
    '## Access details', '', '| Output | Description | Value at deploy |', '|---|---|---|',
    ...r.accessDetails.map((a) => `| ${a.outputKey} | ${cell(a.description)} | \`${cell(readableValue(a.value, known))}\` |`), '',
    'A `<LogicalId>` or `<LogicalId.Attribute>` is known once deployed: `cdk deploy --outputs-file outputs.json` writes the values.', '',
  ];
}

function mermaid(r: DesignReport): string[] {
  const id = (name: string) => name.replace(/[^A-Za-z0-9]/g, '_');
  const nodes = r.components.filter((c) => c.role === 'service' || c.role === 'data-store');
  const names = new Set(nodes.map((c) => c.name));
  const publicServices = new Set(r.decisions.filter((d) => d.area === 'edge' && names.has(d.subject)).map((d) => d.subject));
  return [
    'flowchart LR',
    '  users((users))',
    ...nodes.map((c) => `  ${id(c.name)}["${c.name}<br/>${c.technology}"]`),
    ...[...publicServices].map((s) => `  users --> ${id(s)}`),
    ...r.dataFlows.map((e) => `  ${id(e.from)} -->|${e.access}| ${id(e.to)}`),
  ];
}
