import { ComplianceFramework } from '../../requirements';

/** The rule packs a stack can be checked against, by the prefix of their rule ids. */
export enum RulePack {
  /** AWS Solutions checks: always applied. */
  AWS_SOLUTIONS = 'AwsSolutions',
  /** HIPAA Security, for `ComplianceFramework.HIPAA`. */
  HIPAA_SECURITY = 'HIPAA.Security',
  /** PCI DSS 3.2.1, for `ComplianceFramework.PCI_DSS_321`. */
  PCI_DSS_321 = 'PCI.DSS.321',
  /** NIST 800-53 rev 5, for `ComplianceFramework.NIST_800_53_R5`. */
  NIST_800_53_R5 = 'NIST.800.53.R5',
  /** Serverless checks: applied when the stack has Lambda functions. */
  SERVERLESS = 'Serverless',
  /** This library's own checks (`CdkInfraEngineerChecks`, and the template check's rules): always applied. */
  CDK_INFRA_ENGINEER = 'CdkInfraEngineer',
}

/** The packs for a set of frameworks, in report order (Serverless is decided per evaluation). */
export function rulePacksFor(frameworks: ComplianceFramework[]): RulePack[] {
  return [
    RulePack.AWS_SOLUTIONS,
    ...(frameworks.includes(ComplianceFramework.HIPAA) ? [RulePack.HIPAA_SECURITY] : []),
    ...(frameworks.includes(ComplianceFramework.PCI_DSS_321) ? [RulePack.PCI_DSS_321] : []),
    ...(frameworks.includes(ComplianceFramework.NIST_800_53_R5) ? [RulePack.NIST_800_53_R5] : []),
    RulePack.SERVERLESS,
    RulePack.CDK_INFRA_ENGINEER,
  ];
}
