export { assessReliability, compositeAvailability, ReliabilityAssessment, ReliabilityCheck } from './assess';
export { reliabilityReportContributor } from './contributor';
export { SLA, inSeries, ServiceSla } from './slas';
