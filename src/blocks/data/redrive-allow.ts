// Internal (not exported from the package): the redrive allow policy of a dead-letter queue that
// its source queue redrives to, shared by the queue store and a queue worker's own queue.
import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';

const QUEUE_GONE = 'AWS\\.SimpleQueueService\\.NonExistentQueue|QueueDoesNotExist';

/**
 * The dead-letter queue's `RedriveAllowPolicy` (byQueue: the queue only). In CloudFormation it
 * would be circular: the queue's RedrivePolicy names the dead-letter queue's ARN, and a byQueue
 * policy on the dead-letter queue would name the queue's ARN; both names are generated (naming
 * them would replace deployed queues), and CloudFormation has no separate attribute resource.
 * So a CDK `AwsCustomResource` sets the attribute after both exist (SetQueueAttributes, allowed
 * on this dead-letter queue only) and restores `allowAll` when it is removed. The queues keep
 * their logical IDs and properties.
 */
export function restrictRedriveSources(scope: Construct, deadLetterQueue: sqs.IQueue, source: sqs.IQueue): void {
  const stack = Stack.of(scope);
  const setPolicy = (policy: object): cr.AwsSdkCall => ({
    service: 'SQS',
    action: 'setQueueAttributes',
    parameters: { QueueUrl: deadLetterQueue.queueUrl, Attributes: { RedriveAllowPolicy: stack.toJsonString(policy) } },
    physicalResourceId: cr.PhysicalResourceId.of(`${deadLetterQueue.queueArn}:RedriveAllowPolicy`),
  });
  const byQueue = setPolicy({ redrivePermission: 'byQueue', sourceQueueArns: [source.queueArn] });
  new cr.AwsCustomResource(scope, 'RedriveAllowPolicy', {
    resourceType: 'Custom::AWS',
    onCreate: byQueue,
    onUpdate: byQueue,
    onDelete: { ...setPolicy({ redrivePermission: 'allowAll' }), ignoreErrorCodesMatching: QUEUE_GONE },
    policy: cr.AwsCustomResourcePolicy.fromStatements([
      new iam.PolicyStatement({ actions: ['sqs:SetQueueAttributes'], resources: [deadLetterQueue.queueArn] }),
    ]),
    installLatestAwsSdk: false,
  });
}
