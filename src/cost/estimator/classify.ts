import { HOUR, ModelContext } from './context';
import { TemplateResource } from './template-index';
import { isUnknown, untracked } from './unknown';

const CDK_HELPER = 'a CDK helper custom resource: runs its handler at deploy, priced on the function';

/** Custom resource types of aws-cdk-lib and AWS whose handlers create nothing billable. */
const KNOWN_CUSTOM_RESOURCES: { readonly [type: string]: string } = {
  'Custom::AWSCDKCfnJson': CDK_HELPER,
  'Custom::AWSCDKCfnJsonStringify': CDK_HELPER,
  'Custom::CloudwatchLogResourcePolicy': CDK_HELPER,
  'Custom::S3BucketNotifications': CDK_HELPER,
  'Custom::CDKBucketDeployment': 'a CDK helper custom resource: copies assets into a bucket (storage priced on the bucket)',
  'Custom::AWSCDK-EKS-KubernetesResource': 'applies Kubernetes manifests: what they run is priced on the cluster\'s nodes',
  'Custom::AWSCDK-EKS-KubernetesPatch': CDK_HELPER,
  'Custom::AWSCDK-EKS-KubernetesObjectValue': CDK_HELPER,
  'Custom::AWSCDK-EKS-HelmChart': 'installs a Helm chart: what it runs is priced on the cluster\'s nodes',
  'Custom::VpcRestrictDefaultSG': CDK_HELPER,
  'Custom::UserPoolCloudFrontDomainName': CDK_HELPER,
  'Custom::Trigger': CDK_HELPER,
  'Custom::SyntheticsAutoDeleteUnderlyingResources': CDK_HELPER,
  'Custom::S3AutoDeleteObjects': CDK_HELPER,
  'Custom::OpenSearchAccessPolicy': CDK_HELPER,
  'Custom::ElasticsearchAccessPolicy': CDK_HELPER,
  'Custom::LogRetention': CDK_HELPER,
  'Custom::ECRAutoDeleteImages': CDK_HELPER,
  'Custom::DescribeCognitoUserPoolClient': CDK_HELPER,
  'Custom::DeleteExistingRecordSet': CDK_HELPER,
  'Custom::CrossRegionStringParameterReader': CDK_HELPER,
  'Custom::CrossRegionExportWriter': 'a CDK helper custom resource: writes standard SSM parameters (no charge)',
  'Custom::CrossRegionExportReader': CDK_HELPER,
  'Custom::CrossAccountZoneDelegation': CDK_HELPER,
  'Custom::AWSCDKOpenIdConnectProvider': CDK_HELPER,
  'Custom::AWS': 'a CDK AwsCustomResource: makes the SDK calls written in the template at deploy',
};

/** Custom resources of aws-cdk-lib that do create billable resources. */
const BILLABLE_CUSTOM_RESOURCES: { readonly [type: string]: string } = {
  'Custom::DynamoDBReplica': 'a DynamoDB global table replica in another region (replicated writes and storage) is not priced',
};

const CUSTOM = 'custom resource: may create billable resources outside the template';

/**
 * Classification the type registry alone cannot make: custom resources (free only when known
 * helpers) and otherwise-free types with a billable option switched on. Returns
 * `{ free }` or `{ unpriced }`, or undefined to use the registry. A cost model registered for the
 * type takes precedence over the billable-option checks (it prices them).
 */
export function classify(resource: TemplateResource, hasModel: boolean): { free?: string; unpriced?: string } | undefined {
  const type = resource.Type;
  if (type.startsWith('Custom::') || type === 'AWS::CloudFormation::CustomResource') {
    if (hasModel) return undefined;
    if (KNOWN_CUSTOM_RESOURCES[type]) return { free: KNOWN_CUSTOM_RESOURCES[type] };
    return { unpriced: BILLABLE_CUSTOM_RESOURCES[type] ?? CUSTOM };
  }
  if (hasModel) return undefined;
  const p = resource.Properties ?? {};
  const reason = BILLABLE_OPTIONS[type]?.(p);
  return reason ? { unpriced: reason } : undefined;
}

const lower = (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : undefined);

/** Free types whose option, when set, is billed. */
const BILLABLE_OPTIONS: { readonly [type: string]: (p: { readonly [key: string]: any }) => string | undefined } = {
  'AWS::EC2::FlowLog': (p) => {
    const destination = lower(p.LogDestinationType);
    return destination === 's3' || destination === 'kinesis-data-firehose'
      ? `flow log delivery to ${destination === 's3' ? 'S3' : 'Firehose'}: vended log delivery is charged per GB, which the template does not say (give the volume)`
      : undefined;
  },
  'AWS::ECS::Cluster': (p) => {
    const settings: any[] = Array.isArray(p.ClusterSettings) ? p.ClusterSettings : [];
    const insights = settings.find((s) => lower(s?.Name) === 'containerinsights');
    const value = lower(insights?.Value);
    return value === 'enabled' || value === 'enhanced'
      ? `Container Insights (${value}): custom metrics and performance log ingestion per task and container are not priced`
      : undefined;
  },
  'AWS::SSM::Parameter': (p) => {
    const tier = lower(p.Tier);
    if (tier === 'advanced') return 'Advanced-tier parameter: $0.05 a parameter-month and API interactions are not priced';
    if (tier === 'intelligent-tiering') return 'Intelligent-Tiering parameter: Advanced ($0.05 a month) when over 4 KB or with policies, not decided from the template';
    return undefined;
  },
  'AWS::CertificateManager::Certificate': (p) => (p.CertificateAuthorityArn !== undefined
    ? 'private certificate issued by AWS Private CA: charged per certificate (and the CA monthly), not priced'
    : undefined),
};

/**
 * Charges a cost model does not make but the template implies: the public IPv4 address of an
 * EC2 instance (in a subnet that maps public IPs, with AssociatePublicIpAddress, or in the
 * default VPC, whose subnets do). Skipped when the model already charged it.
 */
export function supplement(ctx: ModelContext): void {
  if (ctx.resource.Type !== 'AWS::EC2::Instance' || ctx.charges.some((c) => c.price.usageType.startsWith('PublicIPv4'))) return;
  // Whether an unknown subnet maps public IPs is not known: no address, said in the assumptions.
  const why = untracked(() => publicIpv4(ctx));
  if (!why) return;
  ctx.assume(`one public IPv4 address: ${why}`);
  ctx.charge('Public IPv4 address', { serviceCode: 'AmazonVPC', usageType: 'PublicIPv4:InUseAddress' }, ctx.fixed(ctx.hours()), HOUR);
}

function publicIpv4(ctx: ModelContext): string | undefined {
  const p = ctx.props;
  const interfaces: any[] = Array.isArray(p.NetworkInterfaces) ? p.NetworkInterfaces : [];
  const primary = interfaces.find((n) => String(n?.DeviceIndex ?? '0') === '0') ?? interfaces[0];
  const associate = primary?.AssociatePublicIpAddress;
  if (associate === true || associate === 'true') return 'AssociatePublicIpAddress is true';
  if (associate === false || associate === 'false') return undefined;
  const subnetRef = primary?.SubnetId ?? p.SubnetId;
  if (isUnknown(subnetRef)) {
    ctx.assume(`no public IPv4 address assumed: whether the subnet (${subnetRef.label}) assigns one is not known`);
    return undefined;
  }
  if (subnetRef === undefined) return interfaces.length === 0 ? 'no SubnetId: launched in the default VPC, whose subnets assign public IPs' : undefined;
  const subnet = ctx.referenced(subnetRef);
  const map = subnet?.resource.Type === 'AWS::EC2::Subnet' ? subnet.resource.Properties?.MapPublicIpOnLaunch : undefined;
  return map === true || map === 'true' ? `its subnet ${subnet!.id} has MapPublicIpOnLaunch` : undefined;
}
