import { Aws } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { EnforcementContext } from './context';
import { deniesInsecureTransport, denyInsecureTransport } from './tls';
import { SecurityRule } from '../policy/security-rule';

/** SQS queues: SQS-managed encryption when none is set, and a TLS-only queue policy. */
export function enforceQueue(ctx: EnforcementContext, queue: sqs.Queue): void {
  const cfn = queue.node.defaultChild as sqs.CfnQueue;
  if (ctx.policy.isEnforced(SecurityRule.ENCRYPTION_AT_REST) && cfn.kmsMasterKeyId === undefined && cfn.sqsManagedSseEnabled === undefined) {
    cfn.sqsManagedSseEnabled = true;
  }
  if (ctx.policy.isEnforced(SecurityRule.TLS_ONLY) && !deniesInsecureTransport(queue)) {
    queue.addToResourcePolicy(denyInsecureTransport(['sqs:*'], [queue.queueArn]));
  }
}

/**
 * SNS topics: a TLS-only topic policy. A topic without a policy first gets the statement of
 * SNS's default policy (the owner account, including services such as CloudWatch acting for
 * it, may publish), because a topic policy replaces the default. Encryption is left to the
 * packs: a topic's key must let its publishers in, which only the topic's owner knows.
 */
export function enforceTopic(ctx: EnforcementContext, topic: sns.Topic): void {
  if (!ctx.policy.isEnforced(SecurityRule.TLS_ONLY) || deniesInsecureTransport(topic)) return;
  if (!topic.node.tryFindChild('Policy')) {
    topic.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'DefaultOwnerAccountAccess',
      principals: [new iam.AnyPrincipal()],
      actions: ['SNS:GetTopicAttributes', 'SNS:SetTopicAttributes', 'SNS:AddPermission', 'SNS:RemovePermission', 'SNS:DeleteTopic',
        'SNS:Subscribe', 'SNS:ListSubscriptionsByTopic', 'SNS:Publish'],
      resources: [topic.topicArn],
      conditions: { StringEquals: { 'AWS:SourceOwner': Aws.ACCOUNT_ID } },
    }));
  }
  topic.addToResourcePolicy(denyInsecureTransport(['sns:Publish'], [topic.topicArn]));
}
