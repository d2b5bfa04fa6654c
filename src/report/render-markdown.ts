import { DesignReport, ReportResource } from './model';

const usd = (n: number) => `$${n.toFixed(2)}`;
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** Renders the report as GitHub-flavoured Markdown. Pure. */
export function renderMarkdown(r: DesignReport): string {
  const out: string[] = [];
  out.push(`# Design report: ${r.stackName}`, '');
  out.push('| | |', '|---|---|');
  out.push(`| Environment | ${r.environment} |`);
  out.push(`| Region | ${r.region}${r.regionAssumed ? ' (assumed: the stack is environment-agnostic)' : ''} |`);
  out.push(`| Monthly cost (expected) | ${r.monthlyCost ? `${usd(r.monthlyCost.expected)} (low ${usd(r.monthlyCost.low)}, high ${usd(r.monthlyCost.high)})` : 'not estimated'} |`);
  out.push(`| Budget | ${r.budget ? `${usd(r.budget.monthlyUsd)} a month, ${r.budget.enforcement}` : 'none'} |`);
  out.push(`| Resources | ${r.resources.length} |`);
  out.push(`| Security compliance | ${r.security ? r.security.frameworks.map((f) => `${f.name} ${f.compliancePercent}%`).join(', ') : 'not evaluated'} |`);
  out.push(`| Reliability score | ${r.reliability ? `${r.reliability.score}/100` : 'not evaluated'} |`, '');
  if (r.placeholders.length) {
    out.push(`> **Placeholders:** ${r.placeholders.join(', ')} run${r.placeholders.length === 1 ? 's' : ''} placeholder code or a placeholder image. Replace ${r.placeholders.length === 1 ? 'it' : 'them'} before real use.`, '');
  }

  out.push('## Architecture', '', '```mermaid', ...mermaid(r), '```', '');
  out.push('## Components', '', '| Name | Role | Technology | Summary |', '|---|---|---|---|');
  for (const c of r.components) out.push(`| ${cell(c.name)} | ${c.role} | ${cell(c.technology)} | ${cell(c.summary)} |`);
  out.push('');

  out.push('## Decisions', '');
  for (const d of r.decisions) {
    out.push(`### ${d.area}: ${d.subject}`, '', `**Choice:** ${d.choice}`, '', `**Why:** ${d.rationale}`, '');
    if (d.alternatives.length) {
      out.push('**Alternatives considered:**', '');
      for (const a of d.alternatives) out.push(`- ${a.option}: ${a.whyNot}`);
      out.push('');
    }
  }

  out.push('## Access details', '');
  if (r.accessDetails.length === 0) {out.push('None.', '');} else {
    out.push('| Output | Description | Value at deploy |', '|---|---|---|');
    for (const a of r.accessDetails) out.push(`| ${a.outputKey} | ${cell(a.description)} | \`${cell(a.value)}\` |`);
    out.push('', 'Values that are CloudFormation expressions resolve at deploy time: `cdk deploy --outputs-file outputs.json` writes them.', '');
  }

  out.push('## Resources', '', '| Logical ID | Type | Monthly cost |', '|---|---|---|');
  const cost = (x: ReportResource) => x.monthlyCost?.expected ?? -1;
  const sorted = [...r.resources].sort((a, b) => cost(b) - cost(a) || a.logicalId.localeCompare(b.logicalId));
  for (const res of sorted) out.push(`| ${res.logicalId} | ${res.type} | ${res.monthlyCost ? usd(res.monthlyCost.expected) : res.status ?? 'not estimated'} |`);
  out.push('');
  return out.join('\n');
}

function mermaid(r: DesignReport): string[] {
  const id = (name: string) => name.replace(/[^A-Za-z0-9]/g, '_');
  const lines = ['flowchart LR', '  users((users))'];
  for (const c of r.components) {
    if (c.role === 'service' || c.role === 'data-store') lines.push(`  ${id(c.name)}["${c.name}<br/>${c.technology}"]`);
  }
  for (const d of r.decisions) {
    if (d.area === 'edge') lines.push(`  users --> ${id(d.subject)}`);
  }
  for (const e of r.dataFlows) lines.push(`  ${id(e.from)} -->|${e.access}| ${id(e.to)}`);
  return lines;
}
