import { Stack, Validations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/** Prefixes of the compliance packs' rule ids. */
const COMPLIANCE_PACKS = ['HIPAA.Security', 'PCI.DSS.321', 'NIST.800.53.R5'];

/**
 * Acknowledges rule-pack findings on a construct of a block, with the reason the block's
 * design accepts them. Written as CDK validation acknowledgements (what cdk-nag 3 and the
 * library's compliance evaluation read); the reason appears in the design report.
 *
 * Internal to the blocks; not exported from the package.
 */
export function acknowledgeRules(scope: IConstruct, ruleIds: string[], reason: string): void {
  scope.node.addMetadata(Validations.ACKNOWLEDGED_RULES_METADATA_KEY,
    Object.fromEntries(ruleIds.map((id) => [`annotation::${id}`, reason])));
}

/** The rule id in each compliance pack (`HIPAA.Security-<rule>`, ...). */
export function inCompliancePacks(ruleName: string): string[] {
  return COMPLIANCE_PACKS.map((pack) => `${pack}-${ruleName}`);
}

/**
 * Acknowledges the findings every dead-letter queue raises: it is the end of a redrive
 * chain, so it has no dead-letter queue of its own, and when a Lambda function or a
 * schedule (not a queue's redrive policy) sends to it, the packs cannot tell it is one.
 */
export function acknowledgeDeadLetterQueue(queue: IConstruct, receives: string): void {
  acknowledgeRules(queue, ['AwsSolutions-SQS3', 'Serverless-SQSRedrivePolicy'],
    `Dead-letter queue for ${receives}: it ends the redrive chain (a dead-letter queue of a dead-letter queue would only move `
    + 'the same messages); Observability alarms on any message in it.');
}

/**
 * The id of the `AwsSolutions-IAM5` finding a grant on `arn` raises, as the pack prints it
 * (`AwsSolutions-IAM5[Resource::<BucketLogicalId.Arn>/*]`).
 */
export function wildcardResourceFinding(scope: IConstruct, arn: string): string {
  return `AwsSolutions-IAM5[Resource::${flatten(Stack.of(scope).resolve(arn))}]`;
}

/** cdk-nag's rendering of a resolved CloudFormation value. */
function flatten(value: unknown): string {
  if (typeof value === 'string') return value;
  const v = value as Record<string, unknown>;
  if (v && typeof v === 'object') {
    if (Array.isArray(v['Fn::Join'])) {
      const [delimiter, items] = v['Fn::Join'] as [string, unknown[]];
      return items.map(flatten).join(delimiter);
    }
    if (Array.isArray(v['Fn::GetAtt'])) {
      const [resource, attribute] = v['Fn::GetAtt'] as [unknown, unknown];
      return `<${flatten(resource)}.${flatten(attribute)}>`;
    }
    if (v.Ref !== undefined) return `<${flatten(v.Ref)}>`;
  }
  return JSON.stringify(value);
}
