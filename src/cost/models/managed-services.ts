import { EC2_HOURS, dataTransferOut } from './compute';
import { engineName } from './relational';
import { GB, GB_MONTH, HOUR, MONTH, ModelContext, PER_MILLION, Quantity, times, untracked } from '../estimator/context';
import { numberProp } from '../estimator/template-index';

const IPV4 = { serviceCode: 'AmazonVPC', usageType: 'PublicIPv4:InUseAddress' };

const list = (value: unknown): any[] => (Array.isArray(value) ? value : []);
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

// --- OpenSearch Service / Elasticsearch ------------------------------------------------------

/** OpenSearch (or Elasticsearch) domain: data, dedicated master and UltraWarm node hours, and EBS storage per data node. */
export function openSearchDomain(ctx: ModelContext): void {
  const p = ctx.props;
  const config = p.ClusterConfig ?? p.ElasticsearchClusterConfig ?? {};
  const hours = ctx.hours();
  const dataType = searchType(config.InstanceType);
  const dataCount = numberProp(config.InstanceCount) ?? 1;
  if (config.InstanceCount === undefined) ctx.assume('InstanceCount not set: 1 data node');
  if (dataType === undefined) ctx.unpriced('data node hours (InstanceType not in the template)');
  else nodes(ctx, 'Data nodes', dataType, dataCount, hours);
  if (config.DedicatedMasterEnabled === true || config.DedicatedMasterEnabled === 'true') {
    const masterType = searchType(config.DedicatedMasterType);
    const masters = numberProp(config.DedicatedMasterCount) ?? 3;
    if (config.DedicatedMasterCount === undefined) ctx.assume('DedicatedMasterCount not set: 3');
    if (masterType === undefined) ctx.unpriced('dedicated master hours (DedicatedMasterType not in the template)');
    else nodes(ctx, 'Dedicated masters', masterType, masters, hours);
  }
  if (config.WarmEnabled === true || config.WarmEnabled === 'true') {
    const warmType = searchType(config.WarmType);
    const warm = numberProp(config.WarmCount);
    if (warmType === undefined || warm === undefined) ctx.unpriced('UltraWarm nodes (WarmType or WarmCount not in the template)');
    else nodes(ctx, 'UltraWarm nodes', warmType, warm, hours);
    const warmGb = ctx.usage.get('storageGb', 10, 'a small warm tier: UltraWarm managed storage');
    ctx.charge('UltraWarm managed storage', { serviceCode: 'AmazonES', usageType: 'ES:Managed-Storage' }, ctx.scaled(warmGb), GB_MONTH);
  }
  const ebs = p.EBSOptions ?? {};
  if (ebs.EBSEnabled === false || ebs.EBSEnabled === 'false') {
    ctx.assume('EBS disabled: instance storage only');
  } else if (dataType !== undefined) {
    const size = numberProp(ebs.VolumeSize) ?? 10;
    if (ebs.VolumeSize === undefined) ctx.assume('EBSOptions.VolumeSize not set: 10 GB per data node, the minimum');
    const type = engineName(ebs.VolumeType) || 'gp2';
    if (ebs.VolumeType === undefined) ctx.assume('EBSOptions.VolumeType not set: gp2');
    const usage: { [t: string]: string } = { gp2: 'ES:GP2-Storage', gp3: 'ES:GP3-Storage', io1: 'ES:PIOPS-Storage', standard: 'ES:Magnetic-Storage' };
    if (!usage[type]) {
      ctx.unpriced(`${type} storage (no figure in the catalog)`);
    } else {
      ctx.charge(`EBS storage (${type}, ${size} GB x ${dataCount} data nodes)`, { serviceCode: 'AmazonES', usageType: usage[type] }, ctx.fixed(size * dataCount), GB_MONTH);
      const iops = numberProp(ebs.Iops);
      if (type === 'io1' && iops !== undefined) {
        ctx.charge(`Provisioned IOPS (io1, ${iops} x ${dataCount} data nodes)`, { serviceCode: 'AmazonES', usageType: 'ES:PIOPS' }, ctx.fixed(iops * dataCount), MONTH('IOPS'));
      }
      if (type === 'gp3' && (numberProp(ebs.Iops) !== undefined || numberProp(ebs.Throughput) !== undefined)) ctx.unpriced('gp3 IOPS and throughput above the included baseline (no figure in the catalog)');
    }
  }
  dataTransferOut(ctx);
}

/** Elasticsearch instance types end in `.elasticsearch`; the Price List prices both names alike. */
function searchType(value: unknown): string | undefined {
  const t = str(value);
  return t?.replace(/\.elasticsearch$/, '.search');
}

function nodes(ctx: ModelContext, what: string, type: string, count: number, hours: number): void {
  ctx.charge(`${what} (${count} x ${type})`, { serviceCode: 'AmazonES', usageType: `ESInstance:${type}` }, ctx.fixed(count * hours), { unit: 'node-hour', per: 1 });
}

// --- Classic Load Balancer ---------------------------------------------------------------------

/** Classic Load Balancer: hours, GB processed, and a public IPv4 address per AZ when internet-facing. */
export function classicLoadBalancer(ctx: ModelContext): void {
  const hours = ctx.hours();
  const clb = { productFamily: 'Load Balancer' };
  ctx.charge('Classic load balancer hours', { serviceCode: 'AWSELB', usageType: 'LoadBalancerUsage', filters: clb }, ctx.fixed(hours), HOUR);
  const gb = ctx.usage.get('monthlyDataProcessedGb', 10, 'light traffic');
  ctx.charge('Data processed', { serviceCode: 'AWSELB', usageType: 'DataProcessing-Bytes', filters: clb }, ctx.scaled(gb), GB);
  if (engineName(ctx.props.Scheme) !== 'internal') {
    // The AZ count only sizes the public IPv4 line: `!GetAZs ''` or a parameter list does not make the ELB unpriced.
    let azs = untracked(() => list(ctx.props.Subnets).length || list(ctx.props.AvailabilityZones).length);
    if (azs === 0) {
      azs = 2;
      ctx.assume('subnets and AZs not known from the template: 2 AZs assumed');
    }
    ctx.assume(`internet-facing: one public IPv4 address per AZ (${azs})`);
    ctx.charge(`Public IPv4 addresses (${azs} AZs)`, IPV4, ctx.fixed(azs * hours), HOUR);
  }
  dataTransferOut(ctx);
}

// --- DocumentDB, Neptune, MSK, DMS -------------------------------------------------------------

/** DocumentDB or Neptune instance: instance hours by class. */
export function clusterDbInstance(serviceCode: 'AmazonDocDB' | 'AmazonNeptune'): (ctx: ModelContext) => void {
  return (ctx) => {
    const cls = str(ctx.props.DBInstanceClass);
    if (cls === undefined) {
      ctx.unpriced('instance hours (DBInstanceClass not in the template)');
      return;
    }
    ctx.charge(`Instance (${cls})`, { serviceCode, usageType: `InstanceUsage:${cls}` }, ctx.fixed(ctx.hours()), HOUR);
  };
}

/** DocumentDB or Neptune cluster: storage and I/O (standard storage); instances are priced on their DBInstance. */
export function clusterDbStorage(serviceCode: 'AmazonDocDB' | 'AmazonNeptune'): (ctx: ModelContext) => void {
  return (ctx) => {
    if (engineName(ctx.props.StorageType).includes('iopt')) {
      ctx.unpriced('I/O-Optimized storage (no figure in the catalog)');
      return;
    }
    const gb = ctx.usage.get('storageGb', 10, 'small database');
    const io = ctx.usage.get('monthlyIoRequests', 1_000_000, 'light I/O');
    ctx.charge('Storage', { serviceCode, usageType: 'StorageUsage' }, ctx.scaled(gb), GB_MONTH);
    ctx.charge('I/O requests', { serviceCode, usageType: 'StorageIOUsage' }, ctx.scaled(io), PER_MILLION);
    ctx.assume('instances are priced on their DBInstance resources; backups beyond the cluster size are not modelled');
  };
}

/** MSK provisioned cluster: broker hours and EBS storage per broker. */
export function mskCluster(ctx: ModelContext): void {
  const info = ctx.props.BrokerNodeGroupInfo ?? {};
  const type = str(info.InstanceType);
  const brokers = numberProp(ctx.props.NumberOfBrokerNodes);
  if (type === undefined || brokers === undefined) {
    ctx.unpriced('broker hours (InstanceType or NumberOfBrokerNodes not in the template)');
    return;
  }
  ctx.charge(`Brokers (${brokers} x ${type})`, { serviceCode: 'AmazonMSK', usageType: `Kafka.${type}` }, ctx.fixed(brokers * ctx.hours()), { unit: 'broker-hour', per: 1 });
  const size = numberProp(info.StorageInfo?.EBSStorageInfo?.VolumeSize);
  if (size === undefined) ctx.unpriced('broker storage (EBSStorageInfo.VolumeSize not in the template)');
  else ctx.charge(`Broker storage (${size} GB x ${brokers})`, { serviceCode: 'AmazonMSK', usageType: 'Kafka.Storage.GP2' }, ctx.fixed(size * brokers), GB_MONTH);
}

/** DMS replication instance: instance hours, Single- or Multi-AZ. */
export function dmsReplicationInstance(ctx: ModelContext): void {
  const cls = str(ctx.props.ReplicationInstanceClass);
  if (cls === undefined) {
    ctx.unpriced('instance hours (ReplicationInstanceClass not in the template)');
    return;
  }
  const multiAz = ctx.props.MultiAZ === true || engineName(ctx.props.MultiAZ) === 'true';
  const usageType = multiAz ? `Multi-AZUsg:${cls}` : `InstanceUsg:${cls}`;
  const deploymentOption = multiAz ? 'Multi-AZ' : 'Single-AZ';
  ctx.charge(`Replication instance (${cls}, ${deploymentOption})`, { serviceCode: 'AWSDatabaseMigrationSvc', usageType, filters: { deploymentOption } }, ctx.fixed(ctx.hours()), HOUR);
  ctx.unpriced('replication storage (no figure in the catalog)');
}

/** Data Firehose delivery stream: GB ingested, format conversion; VPC delivery and dynamic partitioning unpriced. */
export function firehoseStream(ctx: ModelContext): void {
  const p = ctx.props;
  const gb = ctx.usage.get('monthlyDataProcessedGb', 1, 'light log delivery');
  ctx.assume('records are billed in 5 KB steps: GB ingested counts each record rounded up to 5 KB');
  ctx.charge('Data ingested', { serviceCode: 'AmazonKinesisFirehose', usageType: 'BilledBytes' }, ctx.scaled(gb), GB);
  const s3 = p.ExtendedS3DestinationConfiguration ?? {};
  if (s3.DataFormatConversionConfiguration?.Enabled === true || s3.DataFormatConversionConfiguration?.Enabled === 'true') {
    ctx.charge('Format conversion', { serviceCode: 'AmazonKinesisFirehose', usageType: 'DataFormatConversion-Bytes' }, ctx.scaled(gb), GB);
  }
  if (s3.DynamicPartitioningConfiguration?.Enabled === true || s3.DynamicPartitioningConfiguration?.Enabled === 'true') ctx.unpriced('dynamic partitioning (no figure in the catalog)');
  const search = [p.ElasticsearchDestinationConfiguration, p.AmazonopensearchserviceDestinationConfiguration];
  const vpc = search.some((d) => d?.VpcConfiguration !== undefined);
  if (vpc) ctx.unpriced('delivery into a VPC: hours per AZ and GB processed (no figure in the catalog)');
  ctx.assume('the destination (S3, OpenSearch, ...) is priced on its own resource');
}

const HEALTH_CHECK_TYPES = ['HTTP', 'HTTPS', 'HTTP_STR_MATCH', 'HTTPS_STR_MATCH', 'TCP'];

/** Route 53 health check of an endpoint: the check and its optional features a month. */
export function healthCheck(ctx: ModelContext): void {
  const c = ctx.props.HealthCheckConfig ?? {};
  const type = str(c.Type) ?? '';
  if (!HEALTH_CHECK_TYPES.includes(type)) {
    ctx.unpriced(`${type || 'unknown'} health check (no figure in the catalog)`);
    return;
  }
  const features = [
    type.startsWith('HTTPS') ? 'HTTPS' : undefined,
    type.endsWith('STR_MATCH') ? 'string matching' : undefined,
    numberProp(c.RequestInterval) === 10 ? 'fast interval' : undefined,
    c.MeasureLatency === true || c.MeasureLatency === 'true' ? 'latency measurement' : undefined,
  ].filter((f): f is string => f !== undefined);
  ctx.assume('the endpoint is in AWS ($0.50 a month, $1.00 a feature); one outside AWS costs $0.75 and $2.00 a feature');
  ctx.charge(`Health check (${type})`, { serviceCode: 'AmazonRoute53', usageType: 'Health-Check-AWS' }, ctx.fixed(1), MONTH('health check'));
  if (features.length > 0) {
    ctx.charge(`Optional features (${features.join(', ')})`, { serviceCode: 'AmazonRoute53', usageType: 'Health-Check-Option-AWS' }, ctx.fixed(features.length), MONTH('feature'));
  }
}

// --- Identity, CI/CD, governance ---------------------------------------------------------------

const COGNITO_TIERS: { [tier: string]: string } = { LITE: 'Lite', ESSENTIALS: 'Essentials', PLUS: 'Plus' };

/** Cognito user pool: monthly active users at the pool's feature plan. */
export function cognitoUserPool(ctx: ModelContext): void {
  const given = str(ctx.props.UserPoolTier)?.toUpperCase();
  const tier = COGNITO_TIERS[given ?? 'ESSENTIALS'];
  if (given === undefined) ctx.assume('UserPoolTier not set: ESSENTIALS, the default for new user pools');
  if (!tier) {
    ctx.unpriced(`monthly active users on the ${given} plan (no figure in the catalog)`);
    return;
  }
  // The usage vocabulary has no MAU field yet: monthlyRequests carries the monthly active users.
  const maus = ctx.usage.get('monthlyRequests', 1000, 'monthly active users of a small app');
  ctx.assume('SAML/OIDC-federated users, machine-to-machine clients, SMS and email are not modelled');
  ctx.charge(`Monthly active users (${tier})`, { serviceCode: 'AmazonCognito', usageType: `CognitoUserPoolsMAU-${tier}` }, ctx.scaled(maus), { unit: 'MAU', per: 1 });
}

const CODEBUILD_SIZES: { [compute: string]: string } = { BUILD_GENERAL1_SMALL: 'g1.small', BUILD_GENERAL1_MEDIUM: 'g1.medium', BUILD_GENERAL1_LARGE: 'g1.large' };

/** CodeBuild project: on-demand Linux build minutes by compute type. */
export function codeBuildProject(ctx: ModelContext): void {
  const env = ctx.props.Environment ?? {};
  const compute = str(env.ComputeType);
  const type = str(env.Type) ?? 'LINUX_CONTAINER';
  const size = compute ? CODEBUILD_SIZES[compute] : undefined;
  if (type !== 'LINUX_CONTAINER' || size === undefined) {
    ctx.unpriced(`build minutes on ${type} ${compute ?? '(ComputeType not set)'} (no figure in the catalog)`);
    return;
  }
  const hours = ctx.usage.get('monthlyHours', 2, 'build hours a month: a few short builds a week');
  ctx.charge(`Build minutes (Linux, ${compute})`, { serviceCode: 'CodeBuild', usageType: `Build-Min:Linux:${size}` }, ctx.scaled(hours * 60), { unit: 'minute', per: 1 });
}

/** CodePipeline: V1 an active pipeline a month; V2 action execution minutes. */
export function codePipeline(ctx: ModelContext): void {
  if (str(ctx.props.PipelineType)?.toUpperCase() === 'V2') {
    const hours = ctx.usage.get('monthlyHours', 2, 'action execution hours a month: a few short executions a week');
    ctx.charge('Action execution minutes (V2)', { serviceCode: 'AWSCodePipeline', usageType: 'ActionExecutionMinute' }, ctx.scaled(hours * 60), { unit: 'minute', per: 1 });
    return;
  }
  if (ctx.props.PipelineType === undefined) ctx.assume('PipelineType not set: V1');
  ctx.assume('active every month (a V1 pipeline with no change in a month is free)');
  ctx.charge('Active pipeline (V1)', { serviceCode: 'AWSCodePipeline', usageType: 'activePipeline' }, ctx.fixed(1), MONTH('pipeline'));
}

/** AWS Config rule: rule evaluations, tiered across the account's rules. */
export function configRule(ctx: ModelContext): void {
  const evaluations = ctx.usage.get('monthlyRequests', 1000, 'rule evaluations: configuration changes of a small account');
  ctx.charge('Rule evaluations', { serviceCode: 'AWSConfig', usageType: 'ConfigRuleEvaluations' }, ctx.scaled(evaluations), { unit: 'evaluation', per: 1 });
}

/** AWS Config recorder: configuration items recorded. */
export function configRecorder(ctx: ModelContext): void {
  const items = ctx.usage.get('monthlyRequests', 1000, 'configuration items recorded: changes of a small account');
  if (str(ctx.props.RecordingMode?.RecordingFrequency) === 'DAILY') ctx.unpriced('periodic (daily) recording is priced per item at a different rate (no figure in the catalog)');
  else ctx.charge('Configuration items recorded', { serviceCode: 'AWSConfig', usageType: 'ConfigurationItemRecorded' }, ctx.scaled(items), { unit: 'item', per: 1 });
}

/** CloudTrail trail: management events (first copy free), data events and Insights events. */
export function cloudTrail(ctx: ModelContext): void {
  const p = ctx.props;
  ctx.assume('this trail delivers the account\'s first copy of management events, which is free; a further copy would be $2.00 per 100,000 events (not modelled)');
  const dataSelectors = list(p.EventSelectors).some((s) => list(s?.DataResources).length > 0) || list(p.AdvancedEventSelectors).length > 0;
  if (dataSelectors) {
    const events = ctx.usage.get('monthlyRequests', 1_000_000, 'data events: light S3 or Lambda use');
    ctx.charge('Data events', { serviceCode: 'AWSCloudTrail', usageType: 'DataEventsRecorded' }, ctx.scaled(events), { unit: '100,000 events', per: 1e5 });
  }
  if (list(p.InsightSelectors).length > 0) {
    ctx.assume('Insights: 100,000 events analysed a month (light management activity)');
    ctx.charge('Insights events', { serviceCode: 'AWSCloudTrail', usageType: 'InsightsEvents' }, ctx.fixed(100_000), { unit: '100,000 events', per: 1e5 });
  }
  ctx.assume('log files are stored in S3 and priced on the bucket');
}

/** AWS Managed Microsoft AD or Simple AD: two domain controllers by edition or size. */
export function directory(kind: 'MicrosoftAD' | 'SimpleAD'): (ctx: ModelContext) => void {
  return (ctx) => {
    let variant: string;
    if (kind === 'MicrosoftAD') {
      variant = str(ctx.props.Edition) ?? 'Enterprise';
      if (ctx.props.Edition === undefined) ctx.assume('Edition not set: Enterprise (the CloudFormation default)');
    } else {
      variant = str(ctx.props.Size) ?? '';
    }
    ctx.assume('two domain controllers (the minimum); more and directory sharing are not modelled');
    ctx.charge(`Domain controllers (2, ${kind} ${variant})`, { serviceCode: 'AWSDirectoryService', usageType: `DirectoryService-${kind}-${variant}` }, ctx.fixed(2 * ctx.hours()), { unit: 'controller-hour', per: 1 });
  };
}

// --- Analytics and containers ------------------------------------------------------------------

/** EMR cluster (uniform instance groups): EC2 instance hours plus the EMR charge per instance-hour. */
export function emrCluster(ctx: ModelContext): void {
  const instances = ctx.props.Instances ?? {};
  if (instances.MasterInstanceFleet !== undefined || instances.CoreInstanceFleet !== undefined) {
    ctx.unpriced('instance fleets (their instance mix is chosen at launch; not modelled)');
    return;
  }
  const groups: Array<[string, any]> = [['Primary', instances.MasterInstanceGroup], ['Core', instances.CoreInstanceGroup], ...list(instances.TaskInstanceGroups).map((g): [string, any] => ['Task', g])];
  for (const [role, group] of groups) {
    if (group) emrGroup(ctx, role, group, ctx.fixed(ctx.hours()));
  }
  ctx.assume('the cluster runs all month; Spot instance groups are priced as on-demand');
}

/** An EMR instance group (AWS::EMR::InstanceGroupConfig). */
export function emrInstanceGroup(ctx: ModelContext): void {
  emrGroup(ctx, str(ctx.props.InstanceRole) ?? 'Task', ctx.props, ctx.fixed(ctx.hours()));
}

function emrGroup(ctx: ModelContext, role: string, group: any, hours: Quantity): void {
  const type = str(group.InstanceType);
  const count = numberProp(group.InstanceCount) ?? 1;
  if (type === undefined) {
    ctx.unpriced(`${role} instances (InstanceType not in the template)`);
    return;
  }
  ctx.charge(`${role} EC2 instances (${count} x ${type})`, EC2_HOURS(type), times(hours, count), HOUR);
  ctx.charge(`${role} EMR charge (${count} x ${type})`, { serviceCode: 'ElasticMapReduce', usageType: `BoxUsage:${type}` }, times(hours, count), HOUR);
  if (list(group.EbsConfiguration?.EbsBlockDeviceConfigs).length > 0) ctx.unpriced(`${role} EBS volumes (not modelled)`);
}

const GLUE_WORKER_DPU: { [worker: string]: number } = { 'Standard': 1, 'G.1X': 1, 'G.2X': 2, 'G.4X': 4, 'G.8X': 8, 'G.025X': 0.25, 'Z.2X': 2 };

/** Glue job: DPU-hours from the workers (or MaxCapacity) and the run hours. */
export function glueJob(ctx: ModelContext): void {
  const p = ctx.props;
  const command = str(p.Command?.Name) ?? 'glueetl';
  const workers = numberProp(p.NumberOfWorkers);
  const worker = str(p.WorkerType);
  let dpu: number;
  if (workers !== undefined && worker !== undefined && GLUE_WORKER_DPU[worker] !== undefined) {
    dpu = workers * GLUE_WORKER_DPU[worker];
  } else if (numberProp(p.MaxCapacity ?? p.AllocatedCapacity) !== undefined) {
    dpu = numberProp(p.MaxCapacity ?? p.AllocatedCapacity)!;
  } else {
    dpu = command === 'pythonshell' ? 0.0625 : 10;
    ctx.assume(`capacity not set: ${dpu} DPU (the ${command} default)`);
  }
  const streaming = command === 'gluestreaming';
  const hours = streaming ? ctx.hours() : ctx.usage.get('monthlyHours', 10, 'job run hours a month: about 20 minutes a day');
  if (streaming) ctx.assume('streaming job: runs all month');
  ctx.charge(`DPU-hours (${dpu} DPU, ${command})`, { serviceCode: 'AWSGlue', usageType: 'ETL-DPU-Hour' }, streaming ? ctx.fixed(hours * dpu) : ctx.scaled(hours * dpu), { unit: 'DPU-hour', per: 1 });
}

/** App Runner service: provisioned memory all month, vCPU while active. */
export function appRunnerService(ctx: ModelContext): void {
  const conf = ctx.props.InstanceConfiguration ?? {};
  const vcpu = appRunnerSize(conf.Cpu, 1024) ?? 1;
  const gb = appRunnerSize(conf.Memory, 1024) ?? 2;
  if (conf.Cpu === undefined) ctx.assume('Cpu not set: 1 vCPU (the App Runner default)');
  if (conf.Memory === undefined) ctx.assume('Memory not set: 2 GB (the App Runner default)');
  const hours = ctx.hours();
  const active = hours;
  ctx.assume('active (serving requests) all month: an upper bound on vCPU hours');
  ctx.assume('one provisioned instance (the default minimum); more active instances under load are not modelled');
  ctx.charge(`Memory (${gb} GB, provisioned)`, { serviceCode: 'AWSAppRunner', usageType: 'Memory-GB-Hours' }, ctx.fixed(gb * hours), { unit: 'GB-hour', per: 1 });
  ctx.charge(`vCPU while active (${vcpu} vCPU)`, { serviceCode: 'AWSAppRunner', usageType: 'vCPU-Hours' }, ctx.scaled(vcpu * active), { unit: 'vCPU-hour', per: 1 });
}

/** "1 vCPU", "0.25 vCPU", "2 GB" or a number of units (1024 = 1). */
function appRunnerSize(value: unknown, unitsPerOne: number): number | undefined {
  const n = numberProp(value);
  if (n !== undefined) return n / unitsPerOne;
  const m = typeof value === 'string' ? /^\s*([\d.]+)\s*(vcpu|gb)\s*$/i.exec(value) : null;
  return m ? Number(m[1]) : undefined;
}

// --- Resources that are free unless configured otherwise ---------------------------------------

/** SSM parameter: standard free; advanced $0.05 a parameter-month. */
export function ssmParameter(ctx: ModelContext): void {
  const tier = str(ctx.props.Tier) ?? 'Standard';
  const advanced = tier === 'Advanced' || (tier === 'Intelligent-Tiering' && ctx.props.Policies !== undefined);
  if (!advanced) {
    if (tier === 'Intelligent-Tiering') ctx.assume('Intelligent-Tiering without policies: stored as a standard parameter');
    ctx.free('standard parameters have no charge');
    return;
  }
  ctx.charge('Advanced parameter', { serviceCode: 'AWSSystemsManager', usageType: 'PS-Advanced-Param-Tier1' }, ctx.fixed(1), MONTH('parameter'));
  ctx.assume('API interactions with advanced parameters (higher throughput) are not modelled');
}

/** ACM certificate: public certificates are free; a private CA's certificate has a fee per certificate issued. */
export function acmCertificate(ctx: ModelContext): void {
  if (ctx.props.CertificateAuthorityArn === undefined) {
    ctx.free('public ACM certificates have no charge');
    return;
  }
  ctx.unpriced('private certificate from AWS Private CA: a fee per certificate issued (no figure in the catalog); the CA\'s monthly charge is priced where the CA is defined');
}

/** AWS Private CA: a monthly charge per CA by usage mode. */
export function privateCertificateAuthority(ctx: ModelContext): void {
  const shortLived = str(ctx.props.UsageMode) === 'SHORT_LIVED_CERTIFICATE';
  if (ctx.props.UsageMode === undefined) ctx.assume('UsageMode not set: GENERAL_PURPOSE');
  ctx.charge(`Private CA (${shortLived ? 'short-lived certificate' : 'general-purpose'} mode)`, { serviceCode: 'AWSCertificateManager', usageType: shortLived ? 'ShortLivedCertificatePrivateCA' : 'PaidPrivateCA' },
    ctx.fixed(ctx.hours() / 730), MONTH('CA'));
  ctx.assume('certificates issued and OCSP are not modelled');
}

/** VPC flow log: free itself when delivered to CloudWatch Logs (priced on the log group); S3 or Firehose delivery is charged per GB. */
export function flowLog(ctx: ModelContext): void {
  const destination = str(ctx.props.LogDestinationType) ?? 'cloud-watch-logs';
  if (destination === 'cloud-watch-logs') {
    ctx.free('flow logs to CloudWatch Logs are priced as ingestion and storage of their log group');
    return;
  }
  ctx.unpriced(`flow log delivery to ${destination === 's3' ? 'S3' : 'Kinesis Data Firehose'}: vended-log delivery is charged per GB of flow records, which follow the VPC's traffic (no figure in the catalog)`);
}

/** ECS cluster: free, unless Container Insights records custom metrics and performance logs. */
export function ecsCluster(ctx: ModelContext): void {
  const insights = list(ctx.props.ClusterSettings).find((s) => s?.Name === 'containerInsights');
  const value = str(insights?.Value);
  if (value === 'enabled' || value === 'enhanced') {
    ctx.unpriced(`Container Insights (${value}): CloudWatch custom metrics and performance-log ingestion per task and container (not modelled)`);
    return;
  }
  ctx.free('a cluster has no charge; tasks are priced on the service');
}
