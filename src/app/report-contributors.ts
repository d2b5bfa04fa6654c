import { Annotations, Stack } from 'aws-cdk-lib';
import { CostEstimate, ResourceUsage } from '../cost';
import { costReportContributor } from '../cost/report-contributor';
import { InfrastructureDesign } from '../design/infrastructure-design';
import { availabilityFixes, compositeAvailability, reliabilityReportContributor } from '../reliability';
import { DesignReport, ReportContributor } from '../report/model';
import { AcceptanceKind, ComplianceEvaluation, StackSecurity } from '../security';

/**
 * Every section writer of the design report, in the order they run: security, cost, the
 * decisions' whole-design figures (on the cost section's total), reliability.
 */
export function reportContributors(input: {
  stack: Stack;
  design: InfrastructureDesign;
  security?: StackSecurity;
  usage: () => { [key: string]: ResourceUsage };
  usageExplanations: () => string[];
  onEstimate: (estimate: CostEstimate) => void;
}): ReportContributor[] {
  return [
    ...(input.security ? [securityContributor(input.security)] : []),
    costReportContributor({ usage: input.usage, usageExplanations: input.usageExplanations, onEstimate: input.onEstimate }),
    wholeDesignFigures(),
    reliabilityReportContributor(input.design),
  ];
}

/**
 * The design prices each decision's choice and alternatives as whole designs (what differs
 * between them); the report quotes them on the application's total: the choice at the total,
 * each alternative at the total plus its difference.
 */
function wholeDesignFigures(): ReportContributor {
  return {
    section: 'decisions',
    contribute(report: DesignReport): DesignReport {
      const total = report.monthlyCost?.expected;
      if (total === undefined) return report;
      const round = (n: number) => Math.round(n * 100) / 100;
      return {
        ...report,
        decisions: report.decisions.map((d) => {
          const choice = d.choiceEstimatedMonthlyUsd;
          if (choice === undefined) return d;
          return {
            ...d,
            choiceEstimatedMonthlyUsd: round(total),
            alternatives: d.alternatives.map((a) => (a.estimatedMonthlyUsd === undefined ? a
              : { ...a, estimatedMonthlyUsd: round(total + a.estimatedMonthlyUsd - choice) })),
          };
        }),
      };
    },
  };
}

function securityContributor(security: StackSecurity): ReportContributor {
  return {
    section: 'security',
    contribute: (report) => ({ ...report, security: toSection(security.evaluate()) }),
  };
}

function toSection(evaluation: ComplianceEvaluation): DesignReport['security'] {
  return {
    frameworks: evaluation.frameworks.map((f) => ({
      name: f.name,
      rulesEvaluated: f.rulesEvaluated,
      rulesPassed: f.rulesPassed,
      rulesAcknowledged: f.rulesAcknowledged,
      rulesFailed: f.rulesFailed,
      rulesWaived: f.rulesWaived ?? 0,
      findingsAcknowledged: f.findingsAcknowledged ?? 0,
      notApplicable: f.notApplicable ?? false,
      compliancePercent: f.compliancePercent,
    })),
    acknowledgements: evaluation.acknowledgements.map((a) => ({
      ruleId: a.ruleId, resourcePath: a.resourcePath, reason: a.reason, kind: a.kind ?? AcceptanceKind.ACKNOWLEDGEMENT,
    })),
  };
}

/**
 * A target the architecture's published SLAs cannot meet is a warning now, naming the weakest
 * path and component and what would fix it.
 */
export function warnOnAvailability(stack: Stack, design: InfrastructureDesign): void {
  const { composite, weakest, weakestComponent } = compositeAvailability(design);
  const target = design.resilience.targetAvailabilityPercent;
  if (composite >= target) return;
  Annotations.of(stack).addWarningV2('cdk-infra-engineer:availability-target',
    `requirements.availability.targetPercent ${target} is above what the architecture's published SLAs give: ${composite}% on the `
    + `'${weakest.service}' request path, whose weakest component is ${weakestComponent.service} (${weakestComponent.percent}%). `
    + `To meet it: ${availabilityFixes(design, target).join('; ')}`);
}
