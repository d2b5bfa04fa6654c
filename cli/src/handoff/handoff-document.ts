import { SecurityFramework } from 'cdk-infra-engineer/lib/report/model';
import type { ActualsResult } from '../actuals/actuals-result';
import { AssemblyStack } from '../assembly';
import { metricsOf } from './handoff-metrics';
import { DeployedValues, attributesOf, learnDeployedValues, physicalNameOf, resolveValue } from './handoff-physical-names';
import type { StatusResult } from '../status/status-attempts';

/** A quality metric with its value and how it was computed. */
export interface HandoffMetric {
  readonly name: string;
  /** Null when not measured. */
  readonly value: number | null;
  readonly display: string;
  readonly method: string;
  /** The file or section it came from. */
  readonly source: string | null;
}

export interface HandoffResource {
  readonly logicalId: string;
  readonly type: string;
  /** Physical ID (a name, URL or ARN: what `Ref` returns); null when known only after deploy. */
  readonly physicalName: string | null;
  readonly physicalNameSource: 'outputs' | 'template' | null;
  /** Attributes the outputs return (`DomainName`, `Endpoint.Address` ...). */
  readonly attributes?: { readonly [name: string]: string };
  readonly path?: string;
}

export interface HandoffAccessDetail {
  readonly outputKey: string;
  readonly description: string;
  /** The deployed value (or a literal the template fixes); null when known only after deploy. */
  readonly value: string | null;
}

export interface HandoffStack {
  readonly stackName: string;
  readonly artifactId: string;
  readonly environment: string;
  /** The deployed region, where the outputs, report or manifest tell it. */
  readonly region: string | null;
  /** True when the outputs file has the stack. */
  readonly deployed: boolean;
  readonly metrics: HandoffMetric[];
  readonly configuration: {
    readonly security: { readonly evaluated: boolean; readonly frameworks: SecurityFramework[]; readonly acknowledgements: number };
    readonly budget: {
      readonly status: string;
      readonly monthlyUsd: number | null;
      readonly enforcement: string | null;
      readonly estimatedMonthlyUsd: number | null;
    };
    readonly reliability: {
      readonly evaluated: boolean;
      readonly score: number | null;
      readonly compositeAvailabilityPercent: number | null;
      readonly checksPassed: number;
      readonly checksTotal: number;
      readonly failedChecks: Array<{ readonly name: string; readonly reason: string }>;
    };
  };
  readonly accessDetails: HandoffAccessDetail[];
  readonly links: Array<{ readonly description: string; readonly url: string }>;
  readonly resources: HandoffResource[];
  readonly notes: string[];
}

export interface HandoffDocument {
  readonly kind: 'cdk-infra-engineer/handoff';
  readonly schemaVersion: 1;
  readonly generatedAt: string;
  readonly assembly: string;
  readonly outputsFile: string | null;
  readonly stacks: HandoffStack[];
}

export interface StackInputs {
  readonly stack: AssemblyStack;
  /** The stack's deployed outputs; undefined when the outputs file does not have it. */
  readonly outputs?: { [key: string]: string };
  readonly actuals?: { readonly file: string; readonly result: ActualsResult };
  readonly status?: { readonly file: string; readonly result: StatusResult };
}

/** One stack's section of the hand-off. Pure. */
export function handoffStack(input: StackInputs): HandoffStack {
  const { stack } = input;
  const { template, report } = stack;
  const learned = learnDeployedValues(template, input.outputs ?? {});
  const region = learned.refs.get('AWS::Region')
    ?? (report && !report.regionAssumed ? report.region : undefined)
    ?? (/unknown-region$/.test(stack.environment) ? undefined : stack.environment.split('/').pop())
    ?? null;
  const resources = Object.entries(template.Resources ?? {})
    .filter(([, r]) => r.Type !== 'AWS::CDK::Metadata')
    .map(([logicalId, r]): HandoffResource => {
      const name = physicalNameOf(logicalId, r, learned);
      const attributes = attributesOf(logicalId, learned);
      const cdkPath = r.Metadata?.['aws:cdk:path'];
      return {
        logicalId,
        type: r.Type,
        physicalName: name?.name ?? null,
        physicalNameSource: name?.source ?? null,
        ...(attributes ? { attributes } : {}),
        ...(typeof cdkPath === 'string' ? { path: cdkPath } : {}),
      };
    });
  const notes: string[] = [];
  if (!input.outputs) notes.push('Not in the outputs file: not deployed yet, or deployed without `cdk deploy --outputs-file`; deployed values are known after deploy.');
  if (!report) notes.push(`No ${stack.artifactId}.design-report.json in the assembly: configuration status not evaluated.`);
  return {
    stackName: stack.stackName,
    artifactId: stack.artifactId,
    environment: stack.environment,
    region,
    deployed: input.outputs !== undefined,
    metrics: metricsOf(input),
    configuration: configurationOf(input),
    accessDetails: accessDetailsOf(input, learned),
    links: resources.filter((r) => r.type === 'AWS::CloudWatch::Dashboard' && r.physicalName && region).map((r) => ({
      description: `CloudWatch dashboard ${r.physicalName}`,
      url: `https://console.aws.amazon.com/cloudwatch/home?region=${region}#dashboards:name=${encodeURIComponent(r.physicalName!)}`,
    })),
    resources,
    notes,
  };
}

function accessDetailsOf(input: StackInputs, learned: DeployedValues): HandoffAccessDetail[] {
  const outputs = input.stack.template.Outputs ?? {};
  const described = new Map((input.stack.report?.accessDetails ?? []).map((a) => [a.outputKey, a.description]));
  const keys = [...new Set([...Object.keys(outputs), ...Object.keys(input.outputs ?? {})])];
  return keys.map((outputKey) => {
    const deployed = input.outputs?.[outputKey];
    const expr = outputs[outputKey]?.Value;
    const description = described.get(outputKey) ?? (typeof outputs[outputKey]?.Description === 'string' ? outputs[outputKey].Description! : '');
    return { outputKey, description, value: deployed ?? (expr === undefined ? null : resolveValue(expr, learned) ?? null) };
  });
}

function configurationOf(input: StackInputs): HandoffStack['configuration'] {
  const report = input.stack.report;
  const budget = report?.budget;
  const estimate = report?.monthlyCost?.expected ?? null;
  const reliability = report?.reliability;
  const checks = reliability?.checks ?? [];
  return {
    security: {
      evaluated: Boolean(report?.security),
      frameworks: report?.security?.frameworks ?? [],
      acknowledgements: report?.security?.acknowledgements?.length ?? 0,
    },
    budget: {
      status: !report ? 'not evaluated' : !budget ? 'no budget in the requirements'
        : budget.withinBudget === true ? 'within budget' : budget.withinBudget === false ? 'over budget' : 'not checked',
      monthlyUsd: budget?.monthlyUsd ?? null,
      enforcement: budget?.enforcement ?? null,
      estimatedMonthlyUsd: estimate,
    },
    reliability: {
      evaluated: Boolean(reliability),
      score: reliability?.score ?? null,
      compositeAvailabilityPercent: reliability?.compositeAvailabilityPercent ?? null,
      checksPassed: checks.filter((c) => c.passed).length,
      checksTotal: checks.length,
      failedChecks: checks.filter((c) => !c.passed).map((c) => ({ name: c.name, reason: c.reason })),
    },
  };
}
