import { Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { RecordingPack, PUBLIC_PACKS, recordingPack } from './recording-packs';
import { ComplianceFramework } from '../../requirements';
import { CdkInfraEngineerChecks, CdkInfraEngineerChecksProps } from '../cdk-infra-engineer-checks';

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
  /** This library's own checks (`CdkInfraEngineerChecks`): always applied. */
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

/** Whether the stack has Lambda functions, which brings in the Serverless pack. */
export function usesFunctions(stack: Stack): boolean {
  return stack.node.findAll().some((c) => c instanceof lambda.CfnFunction);
}

/** A recording instance of a pack. */
export function createRecordingPack(pack: RulePack, production: boolean): RecordingPack {
  switch (pack) {
    case RulePack.AWS_SOLUTIONS: return recordingPack(PUBLIC_PACKS.awsSolutions);
    case RulePack.HIPAA_SECURITY: return recordingPack(PUBLIC_PACKS.hipaa);
    case RulePack.PCI_DSS_321: return recordingPack(PUBLIC_PACKS.pciDss321);
    case RulePack.NIST_800_53_R5: return recordingPack(PUBLIC_PACKS.nist80053R5);
    case RulePack.SERVERLESS: return recordingPack(PUBLIC_PACKS.serverless);
    case RulePack.CDK_INFRA_ENGINEER:
    default: {
      const props: CdkInfraEngineerChecksProps = { production };
      return recordingPack(CdkInfraEngineerChecks, props);
    }
  }
}
