import { assessReliability } from './assess';
import { InfrastructureDesign } from '../design/infrastructure-design';
import { CloudFormationTemplate, DesignReport, ReportContributor } from '../report/model';

/** Fills the report's reliability section from the design and the synthesized template. */
export function reliabilityReportContributor(design: InfrastructureDesign): ReportContributor {
  return {
    section: 'reliability',
    contribute(report: DesignReport, template: CloudFormationTemplate): DesignReport {
      const { score, checks, compositeAvailabilityPercent } = assessReliability(design, template);
      return { ...report, reliability: { score, checks, compositeAvailabilityPercent } };
    },
  };
}
