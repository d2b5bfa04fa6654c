import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { IConstruct } from 'constructs';

/** A statement denying every request to `resources` that does not use TLS. */
export function denyInsecureTransport(actions: string[], resources: string[]): iam.PolicyStatement {
  return new iam.PolicyStatement({
    sid: 'DenyInsecureTransport',
    effect: iam.Effect.DENY,
    principals: [new iam.AnyPrincipal()],
    actions,
    resources,
    conditions: { Bool: { 'aws:SecureTransport': 'false' } },
  });
}

/** Whether the resource policy under `owner` (its `Policy` child) already denies insecure transport. */
export function deniesInsecureTransport(owner: IConstruct): boolean {
  const policy = owner.node.tryFindChild('Policy') as { document?: iam.PolicyDocument } | undefined;
  if (!policy?.document) return false;
  const json = JSON.stringify(Stack.of(owner).resolve(policy.document.toJSON()) ?? {});
  return json.includes('"aws:SecureTransport":"false"');
}
