import { ArchitectureDecision, DesignComponent } from '../design/model';

/** Version of the report's JSON layout; bumped on any breaking change. */
export const REPORT_SCHEMA_VERSION = 1;

export interface CostRange {
  readonly low: number;
  readonly expected: number;
  readonly high: number;
}

export interface ReportResource {
  readonly logicalId: string;
  readonly type: string;
  /** Construct path, when the template carries it (aws:cdk:path metadata). */
  readonly path?: string;
  /** Logical ID of the nested stack the resource is in (priced inside this stack's total). */
  readonly nestedStack?: string;
  /** Filled by the cost estimator; absent until then. */
  readonly status?: 'priced' | 'free' | 'unpriced';
  readonly monthlyCost?: CostRange;
  /** Priced dimensions: quantity x unit price. */
  readonly lineItems?: ReportLineItem[];
  /** Defaults and simplifications behind the figure. */
  readonly assumptions?: string[];
  /** Why the resource is free or unpriced. */
  readonly reason?: string;
}

export interface ReportLineItem {
  readonly description: string;
  readonly unit: string;
  readonly quantity: number;
  readonly unitPrice: number;
  readonly monthlyCost: number;
}

export interface DataFlow {
  readonly from: string;
  readonly to: string;
  readonly access: 'read' | 'read-write' | 'consume';
}

export interface AccessDetail {
  /** CloudFormation output key. */
  readonly outputKey: string;
  readonly description: string;
  /** Literal value, or the CloudFormation expression resolved at deploy time. */
  readonly value: string;
  /** Export name, when the output is exported. */
  readonly exportName?: string;
}

export interface SecurityFramework {
  readonly name: string;
  readonly rulesEvaluated: number;
  readonly rulesPassed: number;
  readonly rulesAcknowledged: number;
  /** Evaluated rules with an unacknowledged finding. */
  readonly rulesFailed: number;
  /** Evaluated rules accepted only by a waiver naming this framework: they count against the percentage. */
  readonly rulesWaived: number;
  /** Rule results that passed only through an acknowledgement, exemption or relaxation. */
  readonly findingsAcknowledged: number;
  /** No rule of the pack applied: shown as "not applicable", never as 100%. */
  readonly notApplicable: boolean;
  readonly compliancePercent: number;
}

/** A finding accepted without a fix, and how: `acknowledgement`, `library exemption`, `policy relaxation` or `framework waiver`. */
export interface SecurityAcceptance {
  readonly ruleId: string;
  readonly resourcePath: string;
  readonly reason: string;
  readonly kind: string;
}

export interface SecuritySection {
  readonly frameworks: SecurityFramework[];
  readonly acknowledgements: SecurityAcceptance[];
}

export interface ReliabilitySection {
  readonly score: number;
  readonly checks: Array<{ readonly name: string; readonly passed: boolean; readonly reason: string }>;
  readonly compositeAvailabilityPercent: number;
}

export interface BudgetSection {
  readonly monthlyUsd: number;
  readonly enforcement: string;
  /** Filled by the budget guard. */
  readonly withinBudget?: boolean;
  /** The budget guard's message: budget, estimate and top cost drivers. */
  readonly message?: string;
  /** True when unpriced resources are left out of the figure the budget was checked against. */
  readonly incomplete?: boolean;
}

/**
 * The design report: one per stack, written as JSON and Markdown into the cloud assembly.
 * Sections that a later stage has not filled are `null`, and the Markdown says so.
 */
export interface DesignReport {
  readonly schemaVersion: number;
  readonly stackName: string;
  readonly region: string;
  /** True when the stack is env-agnostic and the region is assumed (us-east-1). */
  readonly regionAssumed: boolean;
  readonly environment: string;
  readonly currency: 'USD';
  readonly pricingCatalogDate: string | null;
  readonly monthlyCost: CostRange | null;
  readonly freeTierDeduction: number | null;
  readonly budget: BudgetSection | null;
  /**
   * The total as a headline that names what it leaves out (filled by the cost section):
   * `$422.40 a month + 2 unpriced: AWS::GameLift::Fleet, ...`. Show it wherever the total is shown.
   */
  readonly costHeadline?: string;
  /** `logicalId (type): reason` of each unpriced resource (filled by the cost section). */
  readonly unpricedResources?: string[];
  /** Resources the template declares that do not deploy (a false Condition), with the reason. */
  readonly excludedResources?: Array<{ readonly logicalId: string; readonly type: string; readonly reason: string; readonly nestedStack?: string }>;
  /** Estimate-wide assumptions (the month, the usage range rule, region fallbacks). */
  readonly costAssumptions: string[];
  readonly resources: ReportResource[];
  readonly components: DesignComponent[];
  readonly decisions: ArchitectureDecision[];
  /** Which service reaches which data store, and how. */
  readonly dataFlows: DataFlow[];
  /** Services running placeholder code or images, which must be replaced before real use. */
  readonly placeholders: string[];
  readonly security: SecuritySection | null;
  readonly reliability: ReliabilitySection | null;
  readonly accessDetails: AccessDetail[];
  /**
   * The alarms of each service and store, from the design: the same list the stack builds.
   * @default - none listed (a cost-only report)
   */
  readonly alarms?: ReportAlarm[];
}

/** One alarm, as the design defines it and the template holds it. */
export interface ReportAlarm {
  /** The service or data store. */
  readonly subject: string;
  /** The resource watched: `Function api`, `Queue api-queue`, ... */
  readonly watches: string;
  /** Construct id of the alarm under `Observability/<kind>-<resource>`. */
  readonly id: string;
  /** The condition in words, with its threshold. */
  readonly condition: string;
  readonly threshold: number;
  /** CloudFormation's ComparisonOperator. */
  readonly comparison: string;
  /** Consecutive periods the condition must hold, and the period in seconds. */
  readonly evaluationPeriods: number;
  readonly periodSeconds: number;
  /** What a period without data counts as (CloudFormation's TreatMissingData). */
  readonly missingData: string;
}

/**
 * A later stage (security, cost, reliability) that fills its section of the report from
 * the synthesized template. Contributors run in the order they were added.
 */
export interface ReportContributor {
  readonly section: string;
  contribute(report: DesignReport, template: CloudFormationTemplate): DesignReport;
}

export interface CloudFormationTemplate {
  readonly Resources?: { [logicalId: string]: { Type: string; Properties?: unknown; Metadata?: { [key: string]: unknown } } };
  readonly Outputs?: { [key: string]: { Value: unknown; Description?: string; Export?: { Name: unknown } } };
  readonly [key: string]: unknown;
}
