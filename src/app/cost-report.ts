import * as fs from 'fs';
import * as path from 'path';
import { attachCustomSynthesis, ISynthesisSession, Stack, Stage, Token } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { BudgetValidationPlugin } from './cost-wiring';
import { ResourceUsage } from '../cost';
import { costReportContributor, readFromAssembly } from '../cost/report-contributor';
import { ASSUMED_REGION } from '../report/build';
import { CloudFormationTemplate, DesignReport, REPORT_SCHEMA_VERSION } from '../report/model';
import { renderMarkdown } from '../report/render-markdown';
import { BudgetEnforcement, BudgetRequirements } from '../requirements';

/** Options of a cost report for any stack. */
export interface CostReportProps {
  /**
   * Expected usage, keyed by logical ID or construct path (`aws:cdk:path`; `cdk synth`
   * writes it).
   * @default - the estimator's documented defaults, each written into the report
   */
  readonly usage?: { [key: string]: ResourceUsage };
  /**
   * A monthly budget the estimate is held to at synth.
   * @default - no budget
   */
  readonly budget?: BudgetRequirements;
}

/**
 * The cost estimate for any stack, not only an ApplicationStack: at every synth it writes
 * `<artifact id>.cost-report.json` and `.md` into the cloud assembly (the design report's
 * format, with the cost section only), and holds the stack to a budget if one is given.
 *
 * `CostReport.of(stack)` opts a stack in.
 */
export class CostReport extends Construct {
  /** Opts a stack in: its cost is estimated and reported at every synth. */
  public static of(stack: Stack, props: CostReportProps = {}): CostReport {
    const scope = stack.node.scope ?? stack;
    const id = `${stack.node.id}-cost-report`;
    const existing = scope.node.tryFindChild(id);
    if (existing instanceof CostReport) return existing;
    return new CostReport(scope, id, stack, props);
  }

  private constructor(scope: Construct, id: string, stack: Stack, props: CostReportProps) {
    super(scope, id);
    const budget = props.budget
      ? { monthlyUsd: props.budget.monthlyUsd, enforcement: props.budget.enforcement ?? BudgetEnforcement.WARN }
      : undefined;
    const usage = () => props.usage ?? {};
    const guarded = BudgetValidationPlugin.of(Stage.of(stack)!).guard({ stack, budget, usage });
    const contributor = costReportContributor({ usage, onEstimate: (estimate) => { guarded.lastEstimate = estimate; } });
    // Written by a sibling of the stack, after CDK has written the stack's template.
    attachCustomSynthesis(this, {
      onSynthesize: (session: ISynthesisSession) => {
        const template = readFromAssembly(JSON.parse(fs.readFileSync(path.join(session.outdir, stack.templateFile), 'utf8')) as CloudFormationTemplate, session.outdir);
        const report = contributor.contribute(costOnlyReport(stack, template, budget), template);
        const base = path.join(session.outdir, `${stack.artifactId}.cost-report`);
        fs.writeFileSync(`${base}.json`, JSON.stringify(report, undefined, 2) + '\n');
        fs.writeFileSync(`${base}.md`, renderMarkdown(report));
      },
    });
  }
}

function costOnlyReport(stack: Stack, template: CloudFormationTemplate, budget?: { monthlyUsd: number; enforcement: string }): DesignReport {
  const regionAssumed = Token.isUnresolved(stack.region);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    stackName: stackTitle(stack),
    region: regionAssumed ? ASSUMED_REGION : stack.region,
    regionAssumed,
    environment: 'not stated',
    currency: 'USD',
    pricingCatalogDate: null,
    monthlyCost: null,
    freeTierDeduction: null,
    costAssumptions: [],
    budget: budget ?? null,
    resources: Object.entries(template.Resources ?? {}).filter(([, r]) => r.Type !== 'AWS::CDK::Metadata')
      .map(([logicalId, r]) => ({ logicalId, type: r.Type })),
    components: [],
    decisions: [],
    dataFlows: [],
    placeholders: [],
    security: null,
    reliability: null,
    accessDetails: [],
  };
}

/** The stack's name for a title: a nested stack's name is a deploy-time token, so its construct path instead. */
export function stackTitle(stack: Stack): string {
  return Token.isUnresolved(stack.stackName) ? stack.node.path : stack.stackName;
}
