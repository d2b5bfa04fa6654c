import { AccessDetail, CloudFormationTemplate, DesignReport, REPORT_SCHEMA_VERSION, ReportContributor, ReportResource } from './model';
import { applicationAlarms } from '../design/application-alarms';
import { InfrastructureDesign } from '../design/infrastructure-design';

export interface ReportInput {
  readonly stackName: string;
  /** Resolved region, or undefined for an env-agnostic stack. */
  readonly region?: string;
  readonly design: InfrastructureDesign;
  readonly template: CloudFormationTemplate;
  readonly contributors?: ReportContributor[];
}

/** Region assumed for env-agnostic stacks (prices and SLAs are quoted for it). */
export const ASSUMED_REGION = 'us-east-1';

/** Builds the report model from the design and the synthesized template. Pure. */
export function buildDesignReport(input: ReportInput): DesignReport {
  const { design, template } = input;
  const base: DesignReport = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    stackName: input.stackName,
    region: input.region ?? ASSUMED_REGION,
    regionAssumed: input.region === undefined,
    environment: design.resilience.environment,
    currency: 'USD',
    pricingCatalogDate: null,
    monthlyCost: null,
    freeTierDeduction: null,
    costAssumptions: [],
    budget: design.budget ? { monthlyUsd: design.budget.monthlyUsd, enforcement: design.budget.enforcement } : null,
    resources: resourcesOf(template),
    components: design.components,
    decisions: design.decisions,
    dataFlows: design.services.flatMap((s) => [
      ...s.readWriteStores.map((to) => ({ from: s.name, to, access: 'read-write' as const })),
      ...s.readOnlyStores.map((to) => ({ from: s.name, to, access: 'read' as const })),
      ...(s.consumesQueue ? [{ from: s.consumesQueue, to: s.name, access: 'consume' as const }] : []),
    ]),
    placeholders: design.services.filter((s) => s.usesPlaceholder).map((s) => s.name),
    security: null,
    reliability: null,
    accessDetails: accessDetailsOf(template),
    alarms: applicationAlarms(design, input.region).map((a) => ({
      subject: a.subject,
      watches: `${a.resourceKind} ${a.resourceName}`,
      id: a.id,
      condition: a.condition,
      threshold: a.threshold,
      comparison: a.comparison,
      evaluationPeriods: a.evaluationPeriods,
      periodSeconds: a.metrics[0].periodSeconds,
      missingData: a.missingData,
    })),
  };
  return (input.contributors ?? []).reduce((report, c) => c.contribute(report, template), base);
}

function resourcesOf(template: CloudFormationTemplate): ReportResource[] {
  return Object.entries(template.Resources ?? {})
    .filter(([, r]) => r.Type !== 'AWS::CDK::Metadata')
    .map(([logicalId, r]) => {
      const path = r.Metadata?.['aws:cdk:path'];
      return { logicalId, type: r.Type, ...(typeof path === 'string' ? { path } : {}) };
    });
}

function accessDetailsOf(template: CloudFormationTemplate): AccessDetail[] {
  return Object.entries(template.Outputs ?? {}).map(([outputKey, o]) => ({
    outputKey,
    description: typeof o.Description === 'string' ? o.Description : JSON.stringify(o.Description ?? ''),
    value: typeof o.Value === 'string' ? o.Value : JSON.stringify(o.Value),
    ...(o.Export ? { exportName: typeof o.Export.Name === 'string' ? o.Export.Name : JSON.stringify(o.Export.Name) } : {}),
  }));
}
