import { HandoffDocument, HandoffStack } from './handoff-document';
import { usd } from '../table';

/** The hand-off as Markdown: one section per stack, for whoever operates the system. */
export function renderHandoffMarkdown(doc: HandoffDocument): string {
  const lines = [
    `# Hand-off: ${doc.stacks.map((s) => s.stackName).join(', ')}`,
    '',
    `Generated ${doc.generatedAt} by \`cdk-infra-engineer handoff\` from the cloud assembly \`${doc.assembly}\``
      + `${doc.outputsFile ? ` and the deployed outputs \`${doc.outputsFile}\`` : ' (no outputs file: deployed values are known after deploy)'}.`,
    '',
  ];
  for (const stack of doc.stacks) lines.push(...stackSection(stack));
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

function stackSection(s: HandoffStack): string[] {
  const named = s.resources.filter((r) => r.physicalName !== null).length;
  return [
    `## Stack \`${s.stackName}\``,
    '',
    `- Environment: ${s.environment}${s.region ? `; deployed region: ${s.region}` : ''}`,
    `- Deployed: ${s.deployed ? 'yes (in the outputs file)' : 'not in the outputs file'}`,
    ...s.notes.map((n) => `- Note: ${n}`),
    '',
    '### Quality metrics',
    '',
    '| Metric | Value | How it was computed | Source |',
    '|---|---|---|---|',
    ...s.metrics.map((m) => row([m.name, m.display, m.method, m.source ?? '-'])),
    '',
    '### Configuration status',
    '',
    ...securityLines(s),
    ...budgetLines(s),
    ...reliabilityLines(s),
    '',
    '### Access details',
    '',
    ...(s.accessDetails.length === 0 ? ['No stack outputs.'] : [
      '| What | Output | Value |',
      '|---|---|---|',
      ...s.accessDetails.map((a) => row([a.description || '-', `\`${a.outputKey}\``, a.value === null ? '_known after deploy_' : `\`${a.value}\``])),
    ]),
    ...(s.links.length > 0 ? ['', ...s.links.map((l) => `- [${l.description}](${l.url})`)] : []),
    '',
    `### Provisioned resources (${s.resources.length}; ${named} with a known physical name)`,
    '',
    '| Logical ID | Type | Physical name |',
    '|---|---|---|',
    ...s.resources.map((r) => row([
      `\`${r.logicalId}\``,
      r.type,
      (r.physicalName === null ? '_known after deploy_'
        : `\`${r.physicalName}\` (${r.physicalNameSource === 'outputs' ? 'from the outputs' : 'set in the template'})`)
        + `${r.attributes ? `; ${Object.entries(r.attributes).map(([k, v]) => `${k}: \`${v}\``).join('; ')}` : ''}`,
    ])),
    '',
  ];
}

function securityLines(s: HandoffStack): string[] {
  const sec = s.configuration.security;
  if (!sec.evaluated) return ['- **Security compliance**: not evaluated (no security section in the design report)'];
  return [
    `- **Security compliance** (${sec.acknowledgements} acknowledged finding(s), each with a reason in the design report):`,
    ...sec.frameworks.map((f) => (f.notApplicable ? `  - ${f.name}: not applicable (no rule of the pack applies)`
      : `  - ${f.name}: ${f.compliancePercent}% (${f.rulesPassed} of ${f.rulesEvaluated} rules passed, ${f.rulesFailed ?? 0} failed, `
        + `${f.rulesAcknowledged} acknowledged, ${f.rulesWaived ?? 0} waived)`)),
  ];
}

function budgetLines(s: HandoffStack): string[] {
  const b = s.configuration.budget;
  if (b.monthlyUsd === null) return [`- **Budget**: ${b.status}${b.estimatedMonthlyUsd !== null ? ` (estimate ${usd(b.estimatedMonthlyUsd)} a month)` : ''}`];
  return [`- **Budget**: ${b.status}: ${usd(b.monthlyUsd)} a month (${b.enforcement}), estimate ${b.estimatedMonthlyUsd === null ? 'not computed' : usd(b.estimatedMonthlyUsd)}`];
}

function reliabilityLines(s: HandoffStack): string[] {
  const r = s.configuration.reliability;
  if (!r.evaluated) return ['- **Reliability**: not evaluated (no reliability section in the design report)'];
  return [
    `- **Reliability score**: ${r.score}/100 (${r.checksPassed} of ${r.checksTotal} checks passed); composite availability ${r.compositeAvailabilityPercent}%`,
    ...r.failedChecks.map((c) => `  - failed: ${c.name}: ${c.reason}`),
  ];
}

function row(cells: string[]): string {
  return `| ${cells.map((c) => c.replace(/\|/g, '\\|').replace(/\n/g, ' ')).join(' | ')} |`;
}
