import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';

/** Properties for an `AlarmTopic`. */
export interface AlarmTopicProps {
  /**
   * KMS key for the topic. It must let `cloudwatch.amazonaws.com` call `kms:Decrypt` and
   * `kms:GenerateDataKey*`; the AWS managed key `alias/aws/sns` does not, so alarms could
   * not publish to a topic encrypted with it.
   * @default - a new customer managed key with rotation and that permission
   */
  readonly masterKey?: kms.IKey;
  /**
   * What happens to the key this construct creates when the stack is deleted. A deleted key
   * is only scheduled for deletion (7 to 30 days).
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * An encrypted, TLS-only SNS topic that CloudWatch alarms in this account can publish to.
 */
export class AlarmTopic extends Construct {
  /** The topic. */
  public readonly topic: sns.Topic;
  /** The key the topic is encrypted with. */
  public readonly masterKey: kms.IKey;

  constructor(scope: Construct, id: string, props: AlarmTopicProps = {}) {
    super(scope, id);
    const account = Stack.of(this).account;
    const cloudwatch = new iam.ServicePrincipal('cloudwatch.amazonaws.com');

    if (props.masterKey) {
      this.masterKey = props.masterKey;
    } else {
      const key = new kms.Key(this, 'Key', {
        description: 'Encrypts the alarm notification topic',
        enableKeyRotation: true,
        removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
      });
      key.addToResourcePolicy(new iam.PolicyStatement({
        sid: 'AllowCloudWatchAlarmsToUseKey',
        principals: [cloudwatch],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': account } },
      }));
      this.masterKey = key;
    }

    this.topic = new sns.Topic(this, 'Topic', { masterKey: this.masterKey, enforceSSL: true });
    // enforceSSL writes a topic policy, which replaces the default one: allow alarms explicitly.
    this.topic.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'AllowCloudWatchAlarmsToPublish',
      principals: [cloudwatch],
      actions: ['sns:Publish'],
      resources: [this.topic.topicArn],
      conditions: { StringEquals: { 'aws:SourceAccount': account } },
    }));
  }
}
