import { Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { CdkInfraEngineerPack } from './cdk-infra-engineer-pack';
import { RecordingPack, PUBLIC_PACKS, recordingPack } from './recording-packs';
import type { CdkInfraEngineerChecksProps } from '../cdk-infra-engineer-checks';
import { RulePack } from '../policy/rule-pack-selection';

export { RulePack, rulePacksFor } from '../policy/rule-pack-selection';

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
      return recordingPack(CdkInfraEngineerPack, props);
    }
  }
}
