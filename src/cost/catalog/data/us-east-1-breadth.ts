import { CatalogPrice, CatalogSource, FreeTierAllowance, PriceTier, priceKey } from '../types';

// us-east-1 breadth: the EC2, RDS, Aurora, ElastiCache, OpenSearch and other figures that real
// stacks need. Every figure cites a source; secondary sources say so. Where a figure is derived
// (a size by the documented per-family doubling, a Multi-AZ rate from the Single-AZ one), it cites
// a `derived-*` source that names the rule and the figures it rests on. What no source gave stays
// out of the catalog, and the estimator reports that dimension as unpriced.

export const BREADTH_SOURCES: CatalogSource[] = [
  { id: 'ec2-finops-pl', description: 'EC2 Linux on-demand, shared tenancy, us-east-1 (secondary: the EC2_HOURLY table in getnable/finopsmcp src/finops/aws_prices.py, commit 0bc99d5, "checked entry by entry against the public AWS Price List (AmazonEC2 and AmazonRDS us-east-1 offer files, version 20260924211011)"): t3, t3a, t4g nano-2xlarge; m5, m5a, m6i, m6g, m7i, m7g, c5, c6i, c6g, c7g, r5, r6i, r6g, r7g from large (medium where listed)', date: '2026-09-24' },
  { id: 'ec2-t2', description: 'EC2 t2 Linux on-demand, us-east-1 (secondary: t2.micro $0.0116 read from the EC2 on-demand pricing page in Dec 2025, daveprowse/terraform-004 z-more-info/aws-pricing-information.md; nano $0.0058, small $0.023, medium $0.0464, large $0.0928, xlarge $0.1856, 2xlarge $0.3712 agree across several independent public price tables)', date: '2025-12-01' },
  { id: 'derived-ec2-doubling', description: 'Derived: EC2 on-demand Linux prices follow a per-family vCPU rate, so each size from large up is exactly twice the one below (stated in getnable/finopsmcp aws_prices.py and visible in every family it lists); used only for sizes no source listed (c6g.4xlarge, r6g.4xlarge), from the 2xlarge figure of ec2-finops-pl', date: '2026-09-24' },
  { id: 'rds-mysql', description: 'RDS for MySQL, Single-AZ on-demand, us-east-1 (secondary: RDS_HOURLY in getnable/finopsmcp aws_prices.py, commit 0bc99d5, checked against the AmazonRDS us-east-1 offer 20260924211011; db.t3.large $0.136 and db.m5.large $0.171 agree with the Infracost db_instance golden test, $99.28 and $124.83 for 730 hours)', date: '2026-09-24' },
  { id: 'rds-pg', description: 'RDS for PostgreSQL, Single-AZ on-demand, us-east-1 (secondary: a public fallback price table (RDS_BASE_PRICES, "approximate us-east-1 on-demand prices, April 2026"); db.t3.large $0.145 agrees with the Infracost db_instance golden test ($105.85 for 730 hours), db.t3.micro, db.t4g and db.m7g.large with the figures already in this catalog)', date: '2026-04-01' },
  { id: 'rds-mariadb', description: 'RDS for MariaDB: the same Single-AZ rates as MySQL (Infracost db_instance golden test: mariadb and mysql db.t3.large both $99.28 for 730 hours; getnable/finopsmcp lists MySQL and MariaDB in one table)', date: '2026-09-24' },
  { id: 'rds-commercial', description: 'RDS for Oracle and SQL Server, Single-AZ on-demand, us-east-1 (secondary: Infracost db_instance golden test, from the Price List, 730 hours): db.t3.large Oracle Enterprise BYOL $99.28 ($0.136/h), Oracle SE2 license included $219.00 ($0.30/h), SQL Server Express $118.26 ($0.162/h), SQL Server Web $169.36 ($0.232/h); db.m5.xlarge SQL Server Standard $893.52 ($1.224/h). Other classes were not collected', date: '2026-11-27' },
  { id: 'derived-rds-size', description: 'Derived: RDS on-demand rates double with each size within a class family from large up (every collected table shows it: db.m5 $0.171/$0.342/$0.684/$1.368, db.r5 $0.24/$0.48/$0.96/$1.92); used only for 4xlarge (and some 2xlarge) sizes no source listed, from the next size down', date: '2026-09-24' },
  { id: 'derived-rds-multi-az', description: 'Derived: RDS for MySQL, MariaDB and PostgreSQL Multi-AZ (one standby) instance hours and storage are twice Single-AZ (AWS RDS User Guide, On-Demand DB instances: "billed per DB instance-hour for both the primary and standby"; Infracost golden: MySQL db.t3.large $99.28 vs $198.56, gp2 $0.115 vs $0.23, gp3 IOPS $0.02 vs $0.04; Price List PostgreSQL db.t4g.small $0.032 vs $0.065, within 2%)', date: '2026-09-24' },
  { id: 'rds-storage', description: 'RDS storage, us-east-1 (secondary: Infracost db_instance golden test, from the Price List): gp2 $0.115/GB-month Single-AZ, $0.23 Multi-AZ; io1 $0.125/GB-month and $0.10/IOPS-month; magnetic $0.10/GB-month and $0.10 per million I/O requests; gp3 IOPS above the included baseline $0.02/IOPS-month Single-AZ, $0.04 Multi-AZ', date: '2026-11-27' },
  { id: 'aurora-instances', description: 'Aurora provisioned instances (Aurora Standard), us-east-1, shared by Aurora MySQL and Aurora PostgreSQL (secondary: a public Aurora cost module\'s static table "us-east-1, Standard; Aurora MySQL and PostgreSQL share these rates"; db.t3.medium $0.082 agrees with the Infracost rds_cluster_instance golden, $59.86 for 730 hours, and db.r6g.large $0.26 with several other public tables)', date: '2026-10-01' },
  { id: 'derived-aurora-io-optimized', description: 'Derived: Aurora I/O-Optimized instances cost 30% more than Aurora Standard and storage 125% more ($0.225/GB-month), with no I/O charge (aws-samples style cookbook kyleblocksom/sample-aws-database-cookbook 6.1 Understanding Aurora Costs; factualminds Aurora pricing 2026: "storage at a 125% premium with I/O bundled"); Serverless v2 I/O-Optimized $0.156 per ACU-hour (the same Aurora cost module)', date: '2026-10-01' },
  { id: 'aurora-mysql-shared', description: 'Aurora MySQL Serverless v2, storage and I/O at the Aurora PostgreSQL rates ($0.12 per ACU-hour, $0.10/GB-month, $0.20 per million I/O): Aurora MySQL and PostgreSQL share these rates (secondary: the Aurora cost module of aurora-instances; cloudexmachina Aurora pricing 2025: storage $0.10/GB-month)', date: '2026-10-01' },
  { id: 'elasticache-breadth', description: 'ElastiCache on-demand node hours, us-east-1 (secondary: a pricing module that read the AmazonElastiCache Price List, productFamily Cache Instance, usage type NodeUsage:<type>, cacheEngine Redis and Valkey, on 2026-10-02, as for elasticache-nodes): t3, m5, m6g, r6g, m7g sizes', date: '2026-10-02' },
  { id: 'derived-memcached', description: 'Derived: ElastiCache for Memcached nodes cost what Redis OSS nodes of the same type cost (Infracost elasticache_cluster golden: memcached cache.m4.large $227.76 for 1,460 node-hours = $0.156, the Redis OSS cache.m4.large rate of elasticache-breadth)', date: '2026-10-02' },
  { id: 'opensearch-instances', description: 'OpenSearch Service on-demand instance hours, us-east-1 (secondary: a pricing module that read the AmazonES Price List, productFamily "Amazon OpenSearch Service Instance", on 2026-10-01, 237 types; ultrawarm1.medium $0.238 agrees with the Infracost opensearch_domain golden, $347.48 for 1,460 hours). Usage type ESInstance:<type> was not seen directly', date: '2026-10-01' },
  { id: 'opensearch-storage', description: 'OpenSearch Service EBS storage, us-east-1 (secondary: Infracost opensearch_domain golden, from the Price List): gp2 $0.135/GB-month, io1 $0.169/GB-month and $0.088/IOPS-month, magnetic $0.067/GB-month', date: '2026-11-27' },
  { id: 'clb', description: 'Classic Load Balancer $0.025 per hour and $0.008 per GB processed, us-east-1 (secondary: Infracost elb golden, from the Price List; getnable/finopsmcp CLB_HOURLY)', date: '2026-11-27' },
  { id: 'docdb', description: 'Amazon DocumentDB, us-east-1 (secondary: Infracost docdb_cluster_instance golden: db.t3.medium $56.94 and db.r5.4xlarge $1,617.68 for 730 hours, storage $0.10/GB-month, I/O $0.20 per million; a DocumentDB estimator\'s table "AWS Price List API, Amazon DocumentDB, US East (N. Virginia)", version 2026.10: db.t4g.medium $0.07566, db.r5.large $0.277, db.r6g.large $0.26315). Service code AmazonDocDB; usage types not seen directly', date: '2026-10-01' },
  { id: 'msk', description: 'Amazon MSK, us-east-1 (secondary: Infracost msk_cluster golden, us-east-1: kafka.t3.small $66.58 for 1,460 broker-hours ($0.0456), kafka.m5.24xlarge $29,433.60 for 2,920 ($10.08), storage $0.10/GB-month; kafka.m5.large $0.21 to 4xlarge $1.68 from a public pricing module, consistent with 24xlarge = 48 x large). Usage types not seen directly', date: '2026-11-27' },
  { id: 'cognito', description: 'Amazon Cognito user pools, monthly active users (secondary: several public notes quoting aws.amazon.com/cognito/pricing, 2025-2026): Lite $0.0055 per MAU for the first 100,000 and $0.0046 for the next 900,000 (higher volumes not collected); Essentials $0.015; Plus $0.02; 10,000 MAUs a month free on Lite and Essentials, none on Plus. Usage types not seen directly', date: '2026-06-01' },
  { id: 'firehose', description: 'Amazon Data Firehose (Kinesis Data Firehose), us-east-1 (secondary: several public cost models, one citing aws.amazon.com/kinesis/data-firehose/pricing, agree): $0.029 per GB ingested (Direct PUT and Kinesis Data Streams sources, records rounded up to 5 KB) for the first 500 TB a month; format conversion $0.018 per GB (one source). Higher tiers not collected; usage types not seen directly', date: '2026-06-01' },
  { id: 'route53-health-checks', description: 'Amazon Route 53 health checks (secondary: Infracost route53_health_check golden, us-east-1, from the Price List): an AWS endpoint $0.50 a month plus $1.00 per optional feature (HTTPS, string matching, fast interval, latency measurement); a non-AWS endpoint $0.75 plus $2.00 per feature. Usage types not seen directly', date: '2026-11-27' },
  { id: 'codebuild', description: 'AWS CodeBuild on-demand Linux build minutes, us-east-1 (secondary: Infracost codebuild_project golden, from the Price List): general1.small $0.005, general1.medium $0.01, general1.large $0.02 per minute', date: '2026-11-27' },
  { id: 'codepipeline', description: 'AWS CodePipeline pricing page: V1 pipelines $1.00 per active pipeline per month (one free a month); V2 pipelines $0.002 per action execution minute (100 free minutes a month)', date: '2026-09-01' },
  { id: 'config', description: 'AWS Config (secondary: Infracost config_config_rule and config_configuration_recorder goldens, from the Price List): rule evaluations $0.001 each for the first 100,000, $0.0008 for the next 400,000, $0.0005 beyond; configuration items recorded $0.003 each', date: '2026-11-27' },
  { id: 'cloudtrail', description: 'AWS CloudTrail (secondary: Infracost cloudtrail golden, from the Price List): the first copy of management events is free; additional copies $2.00 per 100,000 events; data events $0.10 per 100,000; Insights events $0.35 per 100,000', date: '2026-11-27' },
  { id: 'directory-service', description: 'AWS Directory Service, us-east-1 (secondary: Infracost directory_service_directory golden, from the Price List, two domain controllers for 730 hours): AWS Managed Microsoft AD Standard $0.06 and Enterprise $0.20 per controller-hour; Simple AD Small $0.05 and Large $0.15; AD Connector Small $0.05', date: '2026-11-27' },
  { id: 'dms', description: 'AWS DMS replication instance dms.t2.micro $0.018 per hour Single-AZ, $0.036 Multi-AZ (secondary: Infracost dms golden, $13.14 and $26.28 for 730 hours). Other classes were not collected', date: '2026-11-27' },
  { id: 'emr', description: 'Amazon EMR on EC2 per-instance surcharge, us-east-1 (secondary: a public pricing module\'s EMR table): m5.xlarge $0.048, m5.2xlarge $0.096, m5.4xlarge $0.192, m6i.xlarge $0.048, m6i.2xlarge $0.096, r5.xlarge $0.063, r5.2xlarge $0.126, r5.4xlarge $0.252, c5.xlarge $0.043, c5.2xlarge $0.085, c5.4xlarge $0.17 per hour, on top of the EC2 instance', date: '2026-10-01' },
  { id: 'glue', description: 'AWS Glue jobs $0.44 per DPU-hour (Spark, streaming and Python shell alike; Python shell defaults to 0.0625 DPU) (secondary: Infracost glue_job golden: 60 hours x 10 DPUs $264.00)', date: '2026-11-27' },
  { id: 'app-runner', description: 'AWS App Runner pricing page: $0.064 per vCPU-hour (active instances) and $0.007 per GB-hour (provisioned and active memory), US East (N. Virginia). Usage types not seen directly', date: '2026-09-01' },
  { id: 'ssm-advanced', description: 'AWS Systems Manager Parameter Store: advanced parameters $0.05 per parameter per month; standard parameters free (secondary: public notes quoting the Systems Manager pricing page). Usage type not seen directly', date: '2026-06-01' },
  { id: 'neptune', description: 'Amazon Neptune, us-east-1 (secondary: copies of aws.amazon.com/neptune/pricing): db.t3.medium $0.098 per hour, from the free trial\'s "750 hours of db.t3.medium or db.t4g.medium (up to $73.50 value)" (Gilgamech/OfferingOverview notes/Neptune.md; $73.50 / 750 hours; agrees with the Infracost neptune_cluster_instance golden, eu-west-2 $0.112 at London\'s usual ~1.14x); db.r5.large $0.348 per hour, the figure of the pricing page\'s worked examples (api-evangelist/amazon-neptune plans, read from the page 2026-09-20) and of a public AmazonNeptune us-east-1 price fixture; storage $0.10 per GB-month and I/O $0.20 per million requests (the same notes). db.t4g.medium and db.r6g were not collected. Usage types not seen directly', date: '2026-09-20' },
  { id: 'derived-neptune-size', description: 'Derived: Neptune db.r5 xlarge, 2xlarge and 4xlarge at twice the size below, from db.r5.large $0.348 of neptune (cluster database instances double with each size from large up: DocumentDB db.r5.large $0.277 and db.r5.4xlarge $2.216, 8x, in docdb; RDS in derived-rds-size)', date: '2026-09-20' },
  { id: 'rds-commercial-2', description: 'RDS for Oracle Standard One (license included) db.t3.large $0.28 per hour ($204.40 for 730 hours) and SQL Server Enterprise (license included) db.m5.xlarge $2.336 ($1,705.28 for 730 hours), Single-AZ, us-east-1 (secondary: Infracost db_instance golden test, from the Price List)', date: '2026-11-27' },
  { id: 'derived-rds-commercial', description: 'Derived: RDS for Oracle and SQL Server Multi-AZ instance hours at twice the Single-AZ rate of rds-commercial (AWS RDS User Guide, Multi-AZ DB instances: "Compute costs: Billed per DB instance-hour for both the primary and standby instances"); SQL Server Express has no Multi-AZ deployment (RDS User Guide, Multi-AZ deployments for RDS for SQL Server: Standard and Enterprise editions, Web edition by block-level replication) and gets no Multi-AZ figure. SQL Server Standard db.m5.2xlarge and db.m5.4xlarge at twice the size below from db.m5.xlarge (license-included SQL Server is licensed per vCPU, and vCPUs double with each size). Other classes of the commercial engines were not collected and stay unpriced', date: '2026-11-27' },
  { id: 'rds-io2', description: 'RDS io2 Block Express storage and provisioned IOPS "at the same price as io1" (AWS Database Blog, Optimize Amazon RDS performance with io2 Block Express storage, 2024): $0.125/GB-month and $0.10/IOPS-month Single-AZ as rds-storage\'s io1; Multi-AZ twice that (derived-rds-multi-az). Usage types not seen directly', date: '2026-11-27' },
  { id: 'opensearch-gp3', description: 'Derived: OpenSearch Service gp3 storage $0.122/GB-month: "a 9.6% lower cost than with the previously offered gp2 EBS volume type" (AWS Big Data Blog, Lower your Amazon OpenSearch Service storage cost with gp3 Amazon EBS volumes) applied to gp2 $0.135 of opensearch-storage ($0.12204). Usage type not seen directly', date: '2026-11-27' },
  { id: 'opensearch-managed-storage', description: 'OpenSearch Service UltraWarm (and OR1) managed storage $0.024 per GB-month, US East (N. Virginia) (secondary: cloudburn.io Amazon OpenSearch pricing, "US East (N. Virginia) rates from the official OpenSearch pricing page as of March 2026"; awsnegotiations OpenSearch cost management: UltraWarm ~$0.024/GB-month). Usage type not seen directly', date: '2026-03-01' },
  { id: 'aurora-serverless-v1', description: 'Aurora Serverless v1 $0.06 per ACU-hour, storage and I/O as provisioned Aurora (secondary: the Aurora pricing page as quoted by takayukii.me, "$0.06 per ACU Hour"; a v1 cluster has no instances). Usage type not seen directly', date: '2026-06-01' },
  { id: 'private-ca', description: 'AWS Private CA pricing page: $400 per private CA per month in general-purpose mode, $50 in short-lived certificate mode', date: '2026-09-01' },
];

const flat = (usd: number): PriceTier[] => [{ beginRange: 0, endRange: null, usd }];

function tiers(...steps: Array<[number | null, number | null]>): PriceTier[] {
  return steps.map(([endRange, usd], i) => ({ beginRange: i === 0 ? 0 : steps[i - 1][0]!, endRange, usd }));
}

const round6 = (n: number) => Number(n.toFixed(6));

// ---------------------------------------------------------------------------------------------
// EC2: Linux, shared tenancy, on-demand.

const EC2_LINUX = { operatingSystem: 'Linux', tenancy: 'Shared', preInstalledSw: 'NA', capacitystatus: 'Used' };
const LARGE_UP = ['large', 'xlarge', '2xlarge', '4xlarge'];

/** Listed hourly figures per family and size, in the order the sizes double. */
const EC2_LISTED: { [family: string]: { source: string; sizes: { [size: string]: number } } } = {
  t2: { source: 'ec2-t2', sizes: { 'nano': 0.0058, 'micro': 0.0116, 'small': 0.023, 'medium': 0.0464, 'large': 0.0928, 'xlarge': 0.1856, '2xlarge': 0.3712 } },
  t3: { source: 'ec2-finops-pl', sizes: { 'nano': 0.0052, 'micro': 0.0104, 'small': 0.0208, 'medium': 0.0416, 'large': 0.0832, 'xlarge': 0.1664, '2xlarge': 0.3328 } },
  t3a: { source: 'ec2-finops-pl', sizes: { 'nano': 0.0047, 'micro': 0.0094, 'small': 0.0188, 'medium': 0.0376, 'large': 0.0752, 'xlarge': 0.1504, '2xlarge': 0.3008 } },
  t4g: { source: 'ec2-finops-pl', sizes: { 'nano': 0.0042, 'micro': 0.0084, 'small': 0.0168, 'medium': 0.0336, 'large': 0.0672, 'xlarge': 0.1344, '2xlarge': 0.2688 } },
  m5: { source: 'ec2-finops-pl', sizes: { 'large': 0.096, 'xlarge': 0.192, '2xlarge': 0.384, '4xlarge': 0.768 } },
  m5a: { source: 'ec2-finops-pl', sizes: { 'large': 0.086, 'xlarge': 0.172, '2xlarge': 0.344, '4xlarge': 0.688 } },
  m6i: { source: 'ec2-finops-pl', sizes: { 'large': 0.096, 'xlarge': 0.192, '2xlarge': 0.384, '4xlarge': 0.768 } },
  m6g: { source: 'ec2-finops-pl', sizes: { 'large': 0.077, 'xlarge': 0.154, '2xlarge': 0.308, '4xlarge': 0.616 } },
  m7i: { source: 'ec2-finops-pl', sizes: { 'large': 0.1008, 'xlarge': 0.2016, '2xlarge': 0.4032, '4xlarge': 0.8064 } },
  m7g: { source: 'ec2-finops-pl', sizes: { 'medium': 0.0408, 'large': 0.0816, 'xlarge': 0.1632, '2xlarge': 0.3264, '4xlarge': 0.6528 } },
  c5: { source: 'ec2-finops-pl', sizes: { 'large': 0.085, 'xlarge': 0.17, '2xlarge': 0.34, '4xlarge': 0.68 } },
  c6i: { source: 'ec2-finops-pl', sizes: { 'large': 0.085, 'xlarge': 0.17, '2xlarge': 0.34, '4xlarge': 0.68 } },
  c6g: { source: 'ec2-finops-pl', sizes: { 'large': 0.068, 'xlarge': 0.136, '2xlarge': 0.272 } },
  c7g: { source: 'ec2-finops-pl', sizes: { 'medium': 0.0363, 'large': 0.0725, 'xlarge': 0.145, '2xlarge': 0.29, '4xlarge': 0.58 } },
  r5: { source: 'ec2-finops-pl', sizes: { 'large': 0.126, 'xlarge': 0.252, '2xlarge': 0.504, '4xlarge': 1.008 } },
  r6i: { source: 'ec2-finops-pl', sizes: { 'large': 0.126, 'xlarge': 0.252, '2xlarge': 0.504, '4xlarge': 1.008 } },
  r6g: { source: 'ec2-finops-pl', sizes: { 'large': 0.1008, 'xlarge': 0.2016, '2xlarge': 0.4032 } },
  r7g: { source: 'ec2-finops-pl', sizes: { 'medium': 0.0536, 'large': 0.1071, 'xlarge': 0.2142, '2xlarge': 0.4284, '4xlarge': 0.8568 } },
};

function ec2Prices(): CatalogPrice[] {
  const out: CatalogPrice[] = [];
  for (const [family, { source, sizes }] of Object.entries(EC2_LISTED)) {
    for (const [size, usd] of Object.entries(sizes)) out.push(ec2(`${family}.${size}`, usd, source));
    const wanted = family.startsWith('t') ? [] : LARGE_UP;
    for (let i = 1; i < wanted.length; i++) {
      const size = wanted[i];
      const below = sizes[wanted[i - 1]];
      if (sizes[size] === undefined && below !== undefined) out.push(ec2(`${family}.${size}`, round6(below * 2), 'derived-ec2-doubling'));
    }
  }
  return out;
}

function ec2(type: string, usd: number, source: string): CatalogPrice {
  return { serviceCode: 'AmazonEC2', usageType: `BoxUsage:${type}`, filters: EC2_LINUX, unit: 'Hrs', tiers: flat(usd), source };
}

// ---------------------------------------------------------------------------------------------
// RDS: instance hours per engine (Single-AZ listed, larger sizes and Multi-AZ derived where said).

const RDS_SIZES = ['large', 'xlarge', '2xlarge', '4xlarge'];

const RDS_MYSQL: { [cls: string]: number } = {
  'db.t3.micro': 0.017,
  'db.t3.small': 0.034,
  'db.t3.medium': 0.068,
  'db.t3.large': 0.136,
  'db.t4g.micro': 0.016,
  'db.t4g.small': 0.032,
  'db.t4g.medium': 0.065,
  'db.t4g.large': 0.129,
  'db.m5.large': 0.171,
  'db.m5.xlarge': 0.342,
  'db.m5.2xlarge': 0.684,
  'db.m5.4xlarge': 1.368,
  'db.m6i.large': 0.171,
  'db.m6i.xlarge': 0.342,
  'db.m6i.2xlarge': 0.684,
  'db.m6g.large': 0.152,
  'db.m6g.xlarge': 0.304,
  'db.m6g.2xlarge': 0.608,
  'db.r5.large': 0.24,
  'db.r5.xlarge': 0.48,
  'db.r5.2xlarge': 0.96,
  'db.r5.4xlarge': 1.92,
  'db.r6i.large': 0.24,
  'db.r6i.xlarge': 0.48,
  'db.r6i.2xlarge': 0.96,
  'db.r6g.large': 0.215,
  'db.r6g.xlarge': 0.43,
  'db.r6g.2xlarge': 0.859,
  'db.r7g.large': 0.239,
  'db.r7g.xlarge': 0.478,
  'db.r7g.2xlarge': 0.956,
};

const RDS_PG: { [cls: string]: number } = {
  'db.t3.micro': 0.018,
  'db.t3.small': 0.036,
  'db.t3.medium': 0.072,
  'db.t3.large': 0.145,
  'db.t4g.micro': 0.016,
  'db.t4g.small': 0.032,
  'db.t4g.medium': 0.065,
  'db.t4g.large': 0.129,
  'db.m5.large': 0.178,
  'db.m5.xlarge': 0.356,
  'db.m6g.large': 0.159,
  'db.m6g.xlarge': 0.318,
  'db.m6g.2xlarge': 0.636,
  'db.m6i.large': 0.178,
  'db.m6i.xlarge': 0.356,
  'db.m6i.2xlarge': 0.712,
  'db.m7g.large': 0.168,
  'db.m7g.xlarge': 0.337,
  'db.m7g.2xlarge': 0.674,
  'db.r5.large': 0.25,
  'db.r5.xlarge': 0.5,
  'db.r5.2xlarge': 1,
  'db.r6g.large': 0.225,
  'db.r6g.xlarge': 0.45,
  'db.r6g.2xlarge': 0.899,
  'db.r6i.large': 0.25,
  'db.r6i.xlarge': 0.5,
  'db.r6i.2xlarge': 1,
  'db.r7g.large': 0.239,
};

/** Classes whose larger sizes are derived by doubling (the families the issue lists). */
const RDS_DOUBLING_FAMILIES = ['db.m5', 'db.m6g', 'db.m6i', 'db.m7g', 'db.r5', 'db.r6g', 'db.r6i', 'db.r7g'];

/** Listed classes plus the 4xlarge (and missing 2xlarge/xlarge) sizes derived by doubling. */
function withDerivedSizes(listed: { [cls: string]: number }): Array<{ cls: string; usd: number; derived: boolean }> {
  const out = Object.entries(listed).map(([cls, usd]) => ({ cls, usd, derived: false }));
  for (const family of RDS_DOUBLING_FAMILIES) {
    let below = listed[`${family}.large`];
    if (below === undefined) continue;
    for (const size of RDS_SIZES.slice(1)) {
      const cls = `${family}.${size}`;
      const own = listed[cls];
      if (own === undefined) {
        below = round6(below * 2);
        out.push({ cls, usd: below, derived: true });
      } else {
        below = own;
      }
    }
  }
  return out;
}

function rdsOpenEngine(databaseEngine: string, listed: { [cls: string]: number }, source: string): CatalogPrice[] {
  const out: CatalogPrice[] = [];
  for (const { cls, usd, derived } of withDerivedSizes(listed)) {
    out.push(rds(`InstanceUsage:${cls}`, { databaseEngine, deploymentOption: 'Single-AZ' }, usd, derived ? 'derived-rds-size' : source));
    out.push(rds(`Multi-AZUsage:${cls}`, { databaseEngine, deploymentOption: 'Multi-AZ' }, round6(usd * 2), 'derived-rds-multi-az'));
  }
  return out;
}

function rds(usageType: string, filters: { [f: string]: string }, usd: number, source: string, unit = 'Hrs'): CatalogPrice {
  return { serviceCode: 'AmazonRDS', usageType, filters, unit, tiers: flat(usd), source };
}

/** The Price List filters of a commercial engine's instance hours. */
export function rdsCommercialFilters(
  databaseEngine: string, databaseEdition: string, licenseModel: string, deploymentOption: string,
): { [f: string]: string } {
  return { databaseEngine, databaseEdition, licenseModel, deploymentOption };
}

const RDS_COMMERCIAL: CatalogPrice[] = [
  rds('InstanceUsage:db.t3.large', rdsCommercialFilters('Oracle', 'Enterprise', 'Bring your own license', 'Single-AZ'), 0.136, 'rds-commercial'),
  rds('InstanceUsage:db.t3.large', rdsCommercialFilters('Oracle', 'Standard Two', 'License included', 'Single-AZ'), 0.3, 'rds-commercial'),
  rds('InstanceUsage:db.t3.large', rdsCommercialFilters('SQL Server', 'Express', 'License included', 'Single-AZ'), 0.162, 'rds-commercial'),
  rds('InstanceUsage:db.t3.large', rdsCommercialFilters('SQL Server', 'Web', 'License included', 'Single-AZ'), 0.232, 'rds-commercial'),
  rds('InstanceUsage:db.m5.xlarge', rdsCommercialFilters('SQL Server', 'Standard', 'License included', 'Single-AZ'), 1.224, 'rds-commercial'),
  rds('InstanceUsage:db.t3.large', rdsCommercialFilters('Oracle', 'Standard One', 'License included', 'Single-AZ'), 0.28, 'rds-commercial-2'),
  rds('InstanceUsage:db.m5.xlarge', rdsCommercialFilters('SQL Server', 'Enterprise', 'License included', 'Single-AZ'), 2.336, 'rds-commercial-2'),
  rds('InstanceUsage:db.m5.2xlarge', rdsCommercialFilters('SQL Server', 'Standard', 'License included', 'Single-AZ'), 2.448, 'derived-rds-commercial'),
  rds('InstanceUsage:db.m5.4xlarge', rdsCommercialFilters('SQL Server', 'Standard', 'License included', 'Single-AZ'), 4.896, 'derived-rds-commercial'),
];

/** Multi-AZ (one standby) at twice each Single-AZ commercial figure; SQL Server Express has no Multi-AZ deployment. */
const RDS_COMMERCIAL_MULTI_AZ: CatalogPrice[] = RDS_COMMERCIAL.filter((p) => p.filters!.databaseEdition !== 'Express').map((p) => rds(
  p.usageType.replace(/^InstanceUsage:/, 'Multi-AZUsage:'), { ...p.filters!, deploymentOption: 'Multi-AZ' }, round6(p.tiers[0].usd! * 2), 'derived-rds-commercial',
));

const SINGLE = { deploymentOption: 'Single-AZ' };
const MULTI = { deploymentOption: 'Multi-AZ' };

const RDS_STORAGE: CatalogPrice[] = [
  rds('RDS:GP2-Storage', SINGLE, 0.115, 'rds-storage', 'GB-Mo'),
  rds('RDS:Multi-AZ-GP2-Storage', MULTI, 0.23, 'rds-storage', 'GB-Mo'),
  rds('RDS:GP3-PIOPS', SINGLE, 0.02, 'rds-storage', 'IOPS-Mo'),
  rds('RDS:Multi-AZ-GP3-PIOPS', MULTI, 0.04, 'rds-storage', 'IOPS-Mo'),
  rds('RDS:PIOPS-Storage', SINGLE, 0.125, 'rds-storage', 'GB-Mo'),
  rds('RDS:PIOPS', SINGLE, 0.1, 'rds-storage', 'IOPS-Mo'),
  rds('RDS:Multi-AZ-PIOPS-Storage', MULTI, 0.25, 'derived-rds-multi-az', 'GB-Mo'),
  rds('RDS:Multi-AZ-PIOPS', MULTI, 0.2, 'derived-rds-multi-az', 'IOPS-Mo'),
  rds('RDS:PIOPS-Storage-IO2', SINGLE, 0.125, 'rds-io2', 'GB-Mo'),
  rds('RDS:PIOPS-IO2', SINGLE, 0.1, 'rds-io2', 'IOPS-Mo'),
  rds('RDS:Multi-AZ-PIOPS-Storage-IO2', MULTI, 0.25, 'rds-io2', 'GB-Mo'),
  rds('RDS:Multi-AZ-PIOPS-IO2', MULTI, 0.2, 'rds-io2', 'IOPS-Mo'),
  rds('RDS:StorageUsage', SINGLE, 0.1, 'rds-storage', 'GB-Mo'),
  rds('RDS:Multi-AZ-StorageUsage', MULTI, 0.2, 'derived-rds-multi-az', 'GB-Mo'),
  { serviceCode: 'AmazonRDS', usageType: 'RDS:StorageIOUsage', unit: 'IOs', tiers: flat(0.0000001), source: 'rds-storage' },
];

// ---------------------------------------------------------------------------------------------
// Aurora provisioned (Standard and I/O-Optimized), both engines.

const AURORA_STANDARD: { [cls: string]: number } = {
  'db.t3.medium': 0.082,
  'db.t3.large': 0.164,
  'db.t4g.medium': 0.073,
  'db.t4g.large': 0.146,
  'db.r5.large': 0.29,
  'db.r5.xlarge': 0.58,
  'db.r5.2xlarge': 1.16,
  'db.r5.4xlarge': 2.32,
  'db.r6g.large': 0.26,
  'db.r6g.xlarge': 0.519,
  'db.r6g.2xlarge': 1.038,
  'db.r6g.4xlarge': 2.076,
  'db.r7g.large': 0.276,
  'db.r7g.xlarge': 0.553,
  'db.r7g.2xlarge': 1.106,
  'db.r7g.4xlarge': 2.211,
};

function auroraPrices(): CatalogPrice[] {
  const out: CatalogPrice[] = [];
  for (const databaseEngine of ['Aurora MySQL', 'Aurora PostgreSQL']) {
    const f = { databaseEngine };
    for (const [cls, usd] of Object.entries(AURORA_STANDARD)) {
      out.push(rds(`InstanceUsage:${cls}`, f, usd, 'aurora-instances'));
      out.push(rds(`InstanceUsageIOOptimized:${cls}`, f, round6(usd * 1.3), 'derived-aurora-io-optimized'));
    }
    out.push(rds('Aurora:IO-OptimizedStorageUsage', f, 0.225, 'derived-aurora-io-optimized', 'GB-Mo'));
    out.push(rds('Aurora:ServerlessV2IOOptimizedUsage', f, 0.156, 'derived-aurora-io-optimized', 'ACU-Hr'));
    out.push(rds('Aurora:ServerlessUsage', f, 0.06, 'aurora-serverless-v1', 'ACU-Hr'));
  }
  const mysql = { databaseEngine: 'Aurora MySQL' };
  out.push(rds('Aurora:ServerlessV2Usage', mysql, 0.12, 'aurora-mysql-shared', 'ACU-Hr'));
  out.push(rds('Aurora:StorageUsage', mysql, 0.1, 'aurora-mysql-shared', 'GB-Mo'));
  out.push(rds('Aurora:StorageIOUsage', mysql, 0.0000002, 'aurora-mysql-shared', 'IOs'));
  return out;
}

// ---------------------------------------------------------------------------------------------
// ElastiCache nodes: Redis OSS, Valkey (Price List), Memcached (= Redis OSS).

const CACHE_REDIS: { [type: string]: number } = {
  'cache.t3.micro': 0.017,
  'cache.t3.small': 0.034,
  'cache.t3.medium': 0.068,
  'cache.m5.large': 0.156,
  'cache.m5.xlarge': 0.311,
  'cache.m5.2xlarge': 0.623,
  'cache.m5.4xlarge': 1.245,
  'cache.m6g.large': 0.149,
  'cache.m6g.xlarge': 0.297,
  'cache.m6g.2xlarge': 0.593,
  'cache.m6g.4xlarge': 1.186,
  'cache.m7g.xlarge': 0.315,
  'cache.m7g.2xlarge': 0.629,
  'cache.m7g.4xlarge': 1.257,
  'cache.r6g.large': 0.206,
  'cache.r6g.xlarge': 0.411,
  'cache.r6g.2xlarge': 0.821,
  'cache.r6g.4xlarge': 1.642,
};
const CACHE_VALKEY: { [type: string]: number } = {
  'cache.t3.micro': 0.0136,
  'cache.t3.small': 0.0272,
  'cache.t3.medium': 0.0544,
  'cache.m5.large': 0.1248,
  'cache.m5.xlarge': 0.2488,
  'cache.m5.2xlarge': 0.4984,
  'cache.m5.4xlarge': 0.996,
  'cache.m6g.large': 0.1192,
  'cache.m6g.xlarge': 0.2376,
  'cache.m6g.2xlarge': 0.4744,
  'cache.m6g.4xlarge': 0.9488,
  'cache.m7g.xlarge': 0.252,
  'cache.m7g.2xlarge': 0.5032,
  'cache.m7g.4xlarge': 1.0056,
  'cache.r6g.large': 0.1648,
  'cache.r6g.xlarge': 0.3288,
  'cache.r6g.2xlarge': 0.6568,
  'cache.r6g.4xlarge': 1.3136,
};
/** Redis OSS figures already in the bundled catalog, repeated here only to derive Memcached. */
const CACHE_REDIS_BUNDLED: { [type: string]: number } = {
  'cache.t4g.micro': 0.016,
  'cache.t4g.small': 0.032,
  'cache.t4g.medium': 0.065,
  'cache.m7g.large': 0.158,
  'cache.r7g.large': 0.219,
  'cache.r7g.xlarge': 0.437,
  'cache.r7g.2xlarge': 0.873,
  'cache.r7g.4xlarge': 1.745,
};

function cachePrices(): CatalogPrice[] {
  const node = (type: string, cacheEngine: string, usd: number, source: string): CatalogPrice =>
    ({ serviceCode: 'AmazonElastiCache', usageType: `NodeUsage:${type}`, filters: { cacheEngine }, unit: 'Hrs', tiers: flat(usd), source });
  return [
    ...Object.entries(CACHE_REDIS).map(([t, usd]) => node(t, 'Redis', usd, 'elasticache-breadth')),
    ...Object.entries(CACHE_VALKEY).map(([t, usd]) => node(t, 'Valkey', usd, 'elasticache-breadth')),
    ...Object.entries({ ...CACHE_REDIS, ...CACHE_REDIS_BUNDLED }).map(([t, usd]) => node(t, 'Memcached', usd, 'derived-memcached')),
  ];
}

// ---------------------------------------------------------------------------------------------
// OpenSearch Service.

const OPENSEARCH: { [type: string]: number } = {
  't3.small.search': 0.036,
  't3.medium.search': 0.073,
  'm5.large.search': 0.142,
  'm5.xlarge.search': 0.283,
  'm5.2xlarge.search': 0.566,
  'm5.4xlarge.search': 1.133,
  'm6g.large.search': 0.128,
  'm6g.xlarge.search': 0.256,
  'm6g.2xlarge.search': 0.511,
  'm6g.4xlarge.search': 1.023,
  'm7g.medium.search': 0.068,
  'm7g.large.search': 0.135,
  'm7g.xlarge.search': 0.271,
  'm7g.2xlarge.search': 0.542,
  'm7g.4xlarge.search': 1.084,
  'c5.large.search': 0.125,
  'c5.xlarge.search': 0.251,
  'c5.2xlarge.search': 0.502,
  'c5.4xlarge.search': 1.003,
  'c6g.large.search': 0.113,
  'c6g.xlarge.search': 0.226,
  'c6g.2xlarge.search': 0.452,
  'c6g.4xlarge.search': 0.903,
  'r5.large.search': 0.186,
  'r5.xlarge.search': 0.372,
  'r5.2xlarge.search': 0.743,
  'r5.4xlarge.search': 1.487,
  'r6g.large.search': 0.167,
  'r6g.xlarge.search': 0.335,
  'r6g.2xlarge.search': 0.669,
  'r6g.4xlarge.search': 1.339,
  'r7g.medium.search': 0.089,
  'r7g.large.search': 0.178,
  'r7g.xlarge.search': 0.356,
  'r7g.2xlarge.search': 0.711,
  'r7g.4xlarge.search': 1.422,
  'or1.medium.search': 0.105,
  'or1.large.search': 0.209,
  'or1.xlarge.search': 0.419,
  'or1.2xlarge.search': 0.836,
  'ultrawarm1.medium.search': 0.238,
  'ultrawarm1.large.search': 2.68,
};

function openSearchPrices(): CatalogPrice[] {
  const es = (usageType: string, unit: string, usd: number, source: string): CatalogPrice => ({ serviceCode: 'AmazonES', usageType, unit, tiers: flat(usd), source });
  return [
    ...Object.entries(OPENSEARCH).map(([t, usd]) => es(`ESInstance:${t}`, 'Hrs', usd, 'opensearch-instances')),
    es('ES:GP2-Storage', 'GB-Mo', 0.135, 'opensearch-storage'),
    es('ES:PIOPS-Storage', 'GB-Mo', 0.169, 'opensearch-storage'),
    es('ES:PIOPS', 'IOPS-Mo', 0.088, 'opensearch-storage'),
    es('ES:Magnetic-Storage', 'GB-Mo', 0.067, 'opensearch-storage'),
    es('ES:GP3-Storage', 'GB-Mo', 0.122, 'opensearch-gp3'),
    es('ES:Managed-Storage', 'GB-Mo', 0.024, 'opensearch-managed-storage'),
  ];
}

// ---------------------------------------------------------------------------------------------
// The rest.

const CLB = { productFamily: 'Load Balancer' };

const OTHERS: CatalogPrice[] = [
  { serviceCode: 'AWSELB', usageType: 'LoadBalancerUsage', filters: CLB, unit: 'Hrs', tiers: flat(0.025), source: 'clb' },
  { serviceCode: 'AWSELB', usageType: 'DataProcessing-Bytes', filters: CLB, unit: 'GB', tiers: flat(0.008), source: 'clb' },
  // DocumentDB
  ...Object.entries({ 'db.t3.medium': 0.078, 'db.t4g.medium': 0.07566, 'db.r5.large': 0.277, 'db.r5.4xlarge': 2.216, 'db.r6g.large': 0.26315 })
    .map(([cls, usd]): CatalogPrice => ({ serviceCode: 'AmazonDocDB', usageType: `InstanceUsage:${cls}`, unit: 'Hrs', tiers: flat(usd), source: 'docdb' })),
  { serviceCode: 'AmazonDocDB', usageType: 'StorageUsage', unit: 'GB-Mo', tiers: flat(0.1), source: 'docdb' },
  { serviceCode: 'AmazonDocDB', usageType: 'StorageIOUsage', unit: 'IOs', tiers: flat(0.0000002), source: 'docdb' },
  // Neptune
  ...Object.entries({ 'db.t3.medium': 0.098, 'db.r5.large': 0.348 })
    .map(([cls, usd]): CatalogPrice => ({ serviceCode: 'AmazonNeptune', usageType: `InstanceUsage:${cls}`, unit: 'Hrs', tiers: flat(usd), source: 'neptune' })),
  ...Object.entries({ 'db.r5.xlarge': 0.696, 'db.r5.2xlarge': 1.392, 'db.r5.4xlarge': 2.784 })
    .map(([cls, usd]): CatalogPrice => ({ serviceCode: 'AmazonNeptune', usageType: `InstanceUsage:${cls}`, unit: 'Hrs', tiers: flat(usd), source: 'derived-neptune-size' })),
  { serviceCode: 'AmazonNeptune', usageType: 'StorageUsage', unit: 'GB-Mo', tiers: flat(0.1), source: 'neptune' },
  { serviceCode: 'AmazonNeptune', usageType: 'StorageIOUsage', unit: 'IOs', tiers: flat(0.0000002), source: 'neptune' },
  // MSK
  ...Object.entries({ 'kafka.t3.small': 0.0456, 'kafka.m5.large': 0.21, 'kafka.m5.xlarge': 0.42, 'kafka.m5.2xlarge': 0.84, 'kafka.m5.4xlarge': 1.68, 'kafka.m5.24xlarge': 10.08 })
    .map(([type, usd]): CatalogPrice => ({ serviceCode: 'AmazonMSK', usageType: `Kafka.${type}`, unit: 'Hrs', tiers: flat(usd), source: 'msk' })),
  { serviceCode: 'AmazonMSK', usageType: 'Kafka.Storage.GP2', unit: 'GB-Mo', tiers: flat(0.1), source: 'msk' },
  // Cognito user pools
  { serviceCode: 'AmazonCognito', usageType: 'CognitoUserPoolsMAU-Lite', unit: 'MAU', tiers: tiers([100000, 0.0055], [1000000, 0.0046], [null, null]), source: 'cognito' },
  { serviceCode: 'AmazonCognito', usageType: 'CognitoUserPoolsMAU-Essentials', unit: 'MAU', tiers: flat(0.015), source: 'cognito' },
  { serviceCode: 'AmazonCognito', usageType: 'CognitoUserPoolsMAU-Plus', unit: 'MAU', tiers: flat(0.02), source: 'cognito' },
  // Route 53 health checks (global)
  { serviceCode: 'AmazonRoute53', usageType: 'Health-Check-AWS', usageTypeStyle: 'global', unit: 'Health-Check-Month', tiers: flat(0.5), source: 'route53-health-checks' },
  { serviceCode: 'AmazonRoute53', usageType: 'Health-Check-Option-AWS', usageTypeStyle: 'global', unit: 'Option-Month', tiers: flat(1), source: 'route53-health-checks' },
  // Data Firehose
  { serviceCode: 'AmazonKinesisFirehose', usageType: 'BilledBytes', unit: 'GB', tiers: tiers([512000, 0.029], [null, null]), source: 'firehose' },
  { serviceCode: 'AmazonKinesisFirehose', usageType: 'DataFormatConversion-Bytes', unit: 'GB', tiers: flat(0.018), source: 'firehose' },
  // CodeBuild, CodePipeline
  { serviceCode: 'CodeBuild', usageType: 'Build-Min:Linux:g1.small', unit: 'Minutes', tiers: flat(0.005), source: 'codebuild' },
  { serviceCode: 'CodeBuild', usageType: 'Build-Min:Linux:g1.medium', unit: 'Minutes', tiers: flat(0.01), source: 'codebuild' },
  { serviceCode: 'CodeBuild', usageType: 'Build-Min:Linux:g1.large', unit: 'Minutes', tiers: flat(0.02), source: 'codebuild' },
  { serviceCode: 'AWSCodePipeline', usageType: 'activePipeline', unit: 'Pipeline-Month', tiers: flat(1), source: 'codepipeline' },
  { serviceCode: 'AWSCodePipeline', usageType: 'ActionExecutionMinute', unit: 'Minutes', tiers: flat(0.002), source: 'codepipeline' },
  // Config, CloudTrail
  { serviceCode: 'AWSConfig', usageType: 'ConfigRuleEvaluations', unit: 'Evaluations', tiers: tiers([100000, 0.001], [500000, 0.0008], [null, 0.0005]), source: 'config' },
  { serviceCode: 'AWSConfig', usageType: 'ConfigurationItemRecorded', unit: 'ConfigurationItem', tiers: flat(0.003), source: 'config' },
  { serviceCode: 'AWSCloudTrail', usageType: 'PaidEventsRecorded', unit: 'Events', tiers: flat(0.00002), source: 'cloudtrail' },
  { serviceCode: 'AWSCloudTrail', usageType: 'DataEventsRecorded', unit: 'Events', tiers: flat(0.000001), source: 'cloudtrail' },
  { serviceCode: 'AWSCloudTrail', usageType: 'InsightsEvents', unit: 'Events', tiers: flat(0.0000035), source: 'cloudtrail' },
  // Directory Service (per domain controller-hour)
  ...Object.entries({ 'MicrosoftAD-Standard': 0.06, 'MicrosoftAD-Enterprise': 0.2, 'SimpleAD-Small': 0.05, 'SimpleAD-Large': 0.15, 'ADConnector-Small': 0.05 })
    .map(([kind, usd]): CatalogPrice => ({ serviceCode: 'AWSDirectoryService', usageType: `DirectoryService-${kind}`, unit: 'Hrs', tiers: flat(usd), source: 'directory-service' })),
  // DMS
  { serviceCode: 'AWSDatabaseMigrationSvc', usageType: 'InstanceUsg:dms.t2.micro', filters: SINGLE, unit: 'Hrs', tiers: flat(0.018), source: 'dms' },
  { serviceCode: 'AWSDatabaseMigrationSvc', usageType: 'Multi-AZUsg:dms.t2.micro', filters: MULTI, unit: 'Hrs', tiers: flat(0.036), source: 'dms' },
  // EMR surcharge per instance-hour
  ...Object.entries({ 'm5.xlarge': 0.048, 'm5.2xlarge': 0.096, 'm5.4xlarge': 0.192, 'm6i.xlarge': 0.048, 'm6i.2xlarge': 0.096, 'r5.xlarge': 0.063, 'r5.2xlarge': 0.126, 'r5.4xlarge': 0.252, 'c5.xlarge': 0.043, 'c5.2xlarge': 0.085, 'c5.4xlarge': 0.17 })
    .map(([type, usd]): CatalogPrice => ({ serviceCode: 'ElasticMapReduce', usageType: `BoxUsage:${type}`, unit: 'Hrs', tiers: flat(usd), source: 'emr' })),
  // Glue, App Runner, SSM advanced parameters, Private CA
  { serviceCode: 'AWSGlue', usageType: 'ETL-DPU-Hour', unit: 'DPU-Hour', tiers: flat(0.44), source: 'glue' },
  { serviceCode: 'AWSAppRunner', usageType: 'vCPU-Hours', unit: 'vCPU-Hours', tiers: flat(0.064), source: 'app-runner' },
  { serviceCode: 'AWSAppRunner', usageType: 'Memory-GB-Hours', unit: 'GB-Hours', tiers: flat(0.007), source: 'app-runner' },
  { serviceCode: 'AWSSystemsManager', usageType: 'PS-Advanced-Param-Tier1', unit: 'Parameter-Month', tiers: flat(0.05), source: 'ssm-advanced' },
  { serviceCode: 'AWSCertificateManager', usageType: 'PaidPrivateCA', unit: 'CA-Month', tiers: flat(400), source: 'private-ca' },
  { serviceCode: 'AWSCertificateManager', usageType: 'ShortLivedCertificatePrivateCA', unit: 'CA-Month', tiers: flat(50), source: 'private-ca' },
];

/** us-east-1 breadth prices. Entries whose key the bundled catalog already holds are dropped there. */
export const BREADTH_US_EAST_1: CatalogPrice[] = [
  ...ec2Prices(),
  ...rdsOpenEngine('MySQL', RDS_MYSQL, 'rds-mysql'),
  ...rdsOpenEngine('MariaDB', RDS_MYSQL, 'rds-mariadb'),
  ...rdsOpenEngine('PostgreSQL', RDS_PG, 'rds-pg'),
  ...RDS_COMMERCIAL,
  ...RDS_COMMERCIAL_MULTI_AZ,
  ...RDS_STORAGE,
  ...auroraPrices(),
  ...cachePrices(),
  ...openSearchPrices(),
  ...OTHERS,
];

const k = priceKey;

export const BREADTH_FREE_TIER: FreeTierAllowance[] = [
  { id: 'cognito-lite', description: 'Cognito: 10,000 Lite MAUs a month', quantity: 10000, appliesTo: [k('AmazonCognito', 'CognitoUserPoolsMAU-Lite')], source: 'cognito' },
  { id: 'cognito-essentials', description: 'Cognito: 10,000 Essentials MAUs a month', quantity: 10000, appliesTo: [k('AmazonCognito', 'CognitoUserPoolsMAU-Essentials')], source: 'cognito' },
  { id: 'codepipeline-v1', description: 'CodePipeline: one active V1 pipeline a month', quantity: 1, appliesTo: [k('AWSCodePipeline', 'activePipeline')], source: 'codepipeline' },
  { id: 'codepipeline-v2', description: 'CodePipeline: 100 V2 action execution minutes a month', quantity: 100, appliesTo: [k('AWSCodePipeline', 'ActionExecutionMinute')], source: 'codepipeline' },
];
