import { httpApi, restApi, schedule, snsTopic, sqsQueue } from './api-and-messaging';
import { ec2Instance, ecsService, lambdaFunction } from './compute';
import { cacheNodes, dbCluster, dbInstance, dynamoDbTable, s3Bucket } from './data';
import { alarm, dashboard, distribution, kmsKey, logGroup, secret, webAcl } from './edge-and-observability';
import { elasticIp, loadBalancer, natGateway, vpcEndpoint } from './network';
import { CostModel, ModelContext } from '../estimator/context';

/** The cost model of each priced CloudFormation type. */
export const COST_MODELS: { readonly [type: string]: CostModel } = {
  'AWS::Lambda::Function': lambdaFunction,
  'AWS::ApiGatewayV2::Api': httpApi,
  'AWS::ApiGateway::RestApi': restApi,
  'AWS::DynamoDB::Table': dynamoDbTable,
  'AWS::S3::Bucket': s3Bucket,
  'AWS::SQS::Queue': sqsQueue,
  'AWS::SNS::Topic': snsTopic,
  'AWS::EC2::NatGateway': natGateway,
  'AWS::EC2::EIP': elasticIp,
  'AWS::EC2::VPCEndpoint': vpcEndpoint,
  'AWS::ElasticLoadBalancingV2::LoadBalancer': loadBalancer,
  'AWS::ECS::Service': ecsService,
  'AWS::RDS::DBCluster': dbCluster,
  'AWS::RDS::DBInstance': dbInstance,
  'AWS::ElastiCache::ReplicationGroup': cacheNodes,
  'AWS::ElastiCache::CacheCluster': cacheNodes,
  'AWS::CloudFront::Distribution': distribution,
  'AWS::WAFv2::WebACL': webAcl,
  'AWS::CloudWatch::Alarm': alarm,
  'AWS::CloudWatch::Dashboard': dashboard,
  'AWS::Logs::LogGroup': logGroup,
  'AWS::KMS::Key': kmsKey,
  'AWS::SecretsManager::Secret': secret,
  'AWS::Scheduler::Schedule': schedule,
  'AWS::EC2::Instance': ec2Instance,
  'AWS::Lambda::Version': provisionedConcurrency,
  'AWS::Lambda::Alias': provisionedConcurrency,
};

function provisionedConcurrency(ctx: ModelContext): void {
  if (ctx.props.ProvisionedConcurrencyConfig !== undefined) ctx.unpriced('provisioned concurrency (no figure in the catalog)');
  else ctx.free('a version or alias costs nothing; invocations are priced on the function');
}

const CONFIGURATION = 'configuration only: no charge of its own';

/** Types known to cost nothing by themselves, with the reason. */
export const FREE_TYPES: { readonly [type: string]: string } = {
  'AWS::EC2::VPC': 'a VPC has no charge of its own',
  'AWS::EC2::Subnet': CONFIGURATION,
  'AWS::EC2::RouteTable': CONFIGURATION,
  'AWS::EC2::Route': CONFIGURATION,
  'AWS::EC2::SubnetRouteTableAssociation': CONFIGURATION,
  'AWS::EC2::InternetGateway': 'internet gateways have no charge (data transfer is priced where it leaves)',
  'AWS::EC2::VPCGatewayAttachment': CONFIGURATION,
  'AWS::EC2::SecurityGroup': CONFIGURATION,
  'AWS::EC2::SecurityGroupIngress': CONFIGURATION,
  'AWS::EC2::SecurityGroupEgress': CONFIGURATION,
  'AWS::EC2::NetworkAcl': CONFIGURATION,
  'AWS::EC2::NetworkAclEntry': CONFIGURATION,
  'AWS::EC2::SubnetNetworkAclAssociation': CONFIGURATION,
  'AWS::EC2::FlowLog': 'flow logs are priced as ingestion and storage of their log group',
  'AWS::EC2::LaunchTemplate': CONFIGURATION,
  'AWS::Backup::BackupPlan': 'a backup plan is configuration; backups are charged as storage in the vault',
  'AWS::Backup::BackupSelection': 'a backup selection is configuration; backups are charged as storage in the vault',
  'AWS::IAM::Role': 'IAM has no charge',
  'AWS::IAM::Policy': 'IAM has no charge',
  'AWS::IAM::ManagedPolicy': 'IAM has no charge',
  'AWS::IAM::InstanceProfile': 'IAM has no charge',
  'AWS::IAM::User': 'IAM has no charge',
  'AWS::IAM::Group': 'IAM has no charge',
  'AWS::Lambda::Permission': CONFIGURATION,
  'AWS::Lambda::EventSourceMapping': 'polling is free; the invocations are priced on the function',
  'AWS::Lambda::LayerVersion': 'layers have no charge of their own',
  'AWS::Lambda::LayerVersionPermission': CONFIGURATION,
  'AWS::Lambda::EventInvokeConfig': CONFIGURATION,
  'AWS::Lambda::Url': 'requests are priced on the function',
  'AWS::SQS::QueuePolicy': CONFIGURATION,
  'AWS::SNS::TopicPolicy': CONFIGURATION,
  'AWS::SNS::Subscription': 'deliveries are priced on the topic',
  'AWS::S3::BucketPolicy': CONFIGURATION,
  'AWS::ApiGatewayV2::Integration': CONFIGURATION,
  'AWS::ApiGatewayV2::Route': CONFIGURATION,
  'AWS::ApiGatewayV2::Stage': CONFIGURATION,
  'AWS::ApiGatewayV2::Deployment': CONFIGURATION,
  'AWS::ApiGatewayV2::Authorizer': CONFIGURATION,
  'AWS::ApiGateway::Resource': CONFIGURATION,
  'AWS::ApiGateway::Method': CONFIGURATION,
  'AWS::ApiGateway::Deployment': CONFIGURATION,
  'AWS::ApiGateway::Stage': 'requests are priced on the REST API (stage caches are not modelled)',
  'AWS::ApiGateway::Account': CONFIGURATION,
  'AWS::ApiGateway::Authorizer': CONFIGURATION,
  'AWS::RDS::DBSubnetGroup': CONFIGURATION,
  'AWS::RDS::DBClusterParameterGroup': CONFIGURATION,
  'AWS::RDS::DBParameterGroup': CONFIGURATION,
  'AWS::RDS::OptionGroup': CONFIGURATION,
  'AWS::ElastiCache::SubnetGroup': CONFIGURATION,
  'AWS::ElastiCache::ParameterGroup': CONFIGURATION,
  'AWS::SecretsManager::SecretTargetAttachment': CONFIGURATION,
  'AWS::SecretsManager::RotationSchedule': 'rotation runs a Lambda function, priced on the function',
  'AWS::SecretsManager::ResourcePolicy': CONFIGURATION,
  'AWS::ECS::Cluster': 'a cluster has no charge; tasks are priced on the service',
  'AWS::ECS::TaskDefinition': 'priced through the ECS service that runs it',
  'AWS::ECS::ClusterCapacityProviderAssociations': CONFIGURATION,
  'AWS::ElasticLoadBalancingV2::Listener': 'priced on the load balancer',
  'AWS::ElasticLoadBalancingV2::ListenerRule': 'priced on the load balancer (rule evaluations count in LCUs)',
  'AWS::ElasticLoadBalancingV2::TargetGroup': 'priced on the load balancer',
  'AWS::ElasticLoadBalancingV2::ListenerCertificate': CONFIGURATION,
  'AWS::ApplicationAutoScaling::ScalableTarget': 'autoscaling has no charge; capacity is priced on the scaled resource',
  'AWS::ApplicationAutoScaling::ScalingPolicy': 'autoscaling has no charge',
  'AWS::WAFv2::WebACLAssociation': 'priced on the web ACL',
  'AWS::CloudFront::OriginAccessControl': CONFIGURATION,
  'AWS::CloudFront::CloudFrontOriginAccessIdentity': CONFIGURATION,
  'AWS::CloudFront::CachePolicy': CONFIGURATION,
  'AWS::CloudFront::OriginRequestPolicy': CONFIGURATION,
  'AWS::CloudFront::ResponseHeadersPolicy': CONFIGURATION,
  'AWS::Logs::LogStream': 'priced on the log group',
  'AWS::Logs::ResourcePolicy': CONFIGURATION,
  'AWS::KMS::Alias': 'aliases have no charge',
  'AWS::Events::Rule': 'rules matching AWS events and schedules have no charge; targets are priced',
  'AWS::Scheduler::ScheduleGroup': CONFIGURATION,
  'AWS::CertificateManager::Certificate': 'public ACM certificates have no charge',
  'AWS::SSM::Parameter': 'standard parameters have no charge',
  'AWS::CloudFormation::CustomResource': 'a custom resource has no charge; its handler is priced on the function',
  'AWS::CloudFormation::WaitConditionHandle': CONFIGURATION,
  'AWS::CloudFormation::WaitCondition': CONFIGURATION,
  'AWS::CDK::Metadata': 'CDK metadata',
};

/** Whether a type is known-free; `Custom::` resources are (their handlers are priced). */
export function freeReason(type: string): string | undefined {
  if (type.startsWith('Custom::')) return FREE_TYPES['AWS::CloudFormation::CustomResource'];
  return FREE_TYPES[type];
}
