import { CatalogPrice, CatalogSource, FreeTierAllowance, PriceTier, PricingCatalog, priceKey } from '../types';

// The bundled catalog. Every figure cites a source; where no published figure was found
// (a tier, a region) the catalog says so (usd: null, or no entry) and the estimator reports
// that part as unpriced or estimated from us-east-1. us-west-2, eu-west-1, eu-central-1 and
// ap-southeast-2 hold the figures that were found for them (eu-west-1 most, from Price List
// extracts); every other dimension there falls back to us-east-1, line by line, and says so. `pricing refresh --regions ...` fills them in from the
// Price List with credentials.

const SOURCES: CatalogSource[] = [
  { id: 'lambda-page', description: 'AWS Lambda pricing page (requests, x86/Arm first duration tier, always-free tier); AWSLambda Price List offer', date: '2026-09-01' },
  { id: 'lambda-pl', description: 'AWS Price List, AWSLambda offer (duration tiers, x86 and Arm)', date: '2026-09-01' },
  { id: 'apigw-http', description: 'AWS whitepaper / API Gateway pricing example: HTTP APIs $1.00 per million first 300M, $0.90 over (secondary)', date: '2026-08-01' },
  { id: 'apigw-rest', description: 'REST APIs per million requests: first 333M $3.50, next 667M $2.80, next 19B $2.38, over 20B $1.51 (AWS whitepaper Best Practices for Designing Amazon API Gateway Private APIs and Private Integration, Cost optimization, Table 4; API Gateway pricing page, 2026-08; AWS What\'s New, API Gateway tiered pricing, 2018-11-08)', date: '2026-08-01' },
  { id: 'dto-page', description: 'Data transfer out to the internet, us-east-1: first 10 TB $0.09/GB (AWS Price List AWSDataTransfer offer 20260916132208, SKU HQEH3ZWJVT46JHRG, in a public extract; AWS pricing page API Gateway example); next 40 TB $0.085, next 100 TB $0.070, over 150 TB $0.050 (secondary: a public quote of the AWSDataTransfer offer file)', date: '2026-09-16' },
  { id: 'dto-free', description: 'Amazon S3 pricing page: first 100 GB a month of data transfer out to the internet free (aggregated across services), page read 2026-09-20', date: '2026-09-20' },
  { id: 'ddb-pl', description: 'AWS Price List, AmazonDynamoDB offer: on-demand $0.625/M WRU, $0.125/M RRU (since Nov 2024), Standard storage $0.25/GB-month with first 25 GB free', date: '2026-09-01' },
  { id: 'ddb-provisioned', description: 'DynamoDB provisioned capacity $0.00065 per WCU-hour and $0.00013 per RCU-hour, us-east-1 (secondary: several public cost write-ups agree); always-free 25 WCU and 25 RCU (DynamoDB free tier)', date: '2026-09-01' },
  { id: 's3-storage', description: 'S3 Standard storage: first 50 TB $0.023/GB-month, Price List SKU WP9ANXZGBYYSGJEA (2026-08-31); next 450 TB $0.022 and over 500 TB $0.021 from a public copy of the S3 pricing table (secondary, 2022-07)', date: '2026-08-31' },
  { id: 's3-put', description: 'AWS Price List SKU E9YHNFENF4XQBZR6: S3 PUT, COPY, POST, LIST $0.005 per 1,000', date: '2026-08-31' },
  { id: 's3-get', description: 'AWS Price List SKU ZWQ6Q48CRJXX4FXE: S3 GET and others $0.0004 per 1,000', date: '2026-08-31' },
  { id: 'sqs-std', description: 'AWS Price List SKU 8RN6B8U4MERHRXP3: SQS Standard requests $0.40 per million (usage type Requests-RBP, as in public snapshots of the AWSQueueService offer), first 1M a month free', date: '2025-08-28' },
  { id: 'sqs-fifo', description: 'SQS FIFO requests $0.50 per million (secondary)', date: '2026-09-01' },
  { id: 'sns', description: 'SNS standard topic publishes $0.50 per million, first 1M a month free (pricing page text, secondary copies)', date: '2026-09-01' },
  { id: 'nat-hours', description: 'AWS Price List SKU M2YSHUBETB3JX4M4: NAT gateway $0.045 per hour', date: '2026-08-31' },
  { id: 'nat-bytes', description: 'AWS Price List SKU 59S5R83GFPUAGVR5: NAT gateway data processed $0.045 per GB', date: '2026-08-31' },
  { id: 'ipv4', description: 'AWS Price List SKU 4GQUNXTFWVSGPUZK: public IPv4 address $0.005 per IP-hour, in use or idle; AWS networking blog 2024-02-01', date: '2026-08-31' },
  { id: 'privatelink', description: 'AWS PrivateLink pricing page (copies): interface endpoint $0.01 per AZ-hour; data processed by all interface endpoints in a region $0.01/GB for the first 1 PB, $0.006 for the next 4 PB, $0.004 over 5 PB', date: '2026-09-01' },
  { id: 'alb-hours', description: 'AWS Price List SKU 37CUWUT8GSNQEPUV: Application Load Balancer $0.0225 per hour', date: '2026-08-31' },
  { id: 'alb-lcu', description: 'AWS Price List SKU P2XGEJ8N3KU52WA8: ALB $0.008 per LCU-hour', date: '2026-08-31' },
  { id: 'nlb', description: 'Network Load Balancer $0.0225 per hour and $0.006 per NLCU-hour, us-east-1 (secondary: public cost guides, 2025)', date: '2025-06-01' },
  { id: 'fargate-x86', description: 'AWS Price List USE1-Fargate-vCPU-Hours:perCPU $0.04048, USE1-Fargate-GB-Hours $0.004445 (Linux/x86)', date: '2026-09-01' },
  { id: 'fargate-arm', description: 'AWS Price List Fargate Linux/Arm $0.03238 per vCPU-hour, $0.00356 per GB-hour', date: '2026-09-01' },
  { id: 'rds-t4g-micro', description: 'AWS Price List SKU 9HPEGXQTDDGH53C9: RDS for PostgreSQL db.t4g.micro Single-AZ $0.016 per hour', date: '2026-09-01' },
  { id: 'rds-t3-micro', description: 'RDS for PostgreSQL db.t3.micro Single-AZ $0.018 per hour (pricing page widget, 2026-09-29; Price List SKU TGN7QDJF2AGFU9XA in a captured GetProducts response, 2026-03-18)', date: '2026-09-29' },
  { id: 'rds-t4g-small', description: 'AWS Price List AmazonRDS offer 20261006224050 (a public extract of the bulk offer file): PostgreSQL db.t4g.small Single-AZ $0.032 per hour (SKU S9H3AXMBHSKRFJTA), Multi-AZ $0.065 (SKU 5SY529FVXY3EARD8)', date: '2026-10-06' },
  { id: 'rds-pg-instances', description: 'RDS for PostgreSQL Single-AZ on-demand, us-east-1 (secondary: the PostgreSQL node table in DefangLabs/pulumi-defang, citing the RDS for PostgreSQL pricing page; t4g sizes agree with several other public tables): db.t4g.medium $0.065, db.t4g.large $0.129, db.t3.small $0.036, db.t3.medium $0.072, db.m7g.large $0.168, db.r7g.large $0.239 per hour. Multi-AZ rates for these were not collected', date: '2026-10-01' },
  { id: 'rds-gp3', description: 'AWS Price List SKU KYVYY29G957PKY3B (AmazonRDS offer 20261006224050, usage type RDS:GP3-Storage, PostgreSQL): RDS gp3 storage $0.115/GB-month Single-AZ; RDS:Multi-AZ-GP3-Storage $0.23', date: '2026-10-06' },
  { id: 'aurora-acu', description: 'AWS Price List SKU AVKW7ZJP8D72HNQC: Aurora Serverless v2, Aurora Standard, PostgreSQL $0.12 per ACU-hour', date: '2025-10-01' },
  { id: 'aurora-storage', description: 'AWS Price List SKU 7GYUVAA992PFJPCB: Aurora Standard storage $0.10 per GB-month', date: '2026-09-01' },
  { id: 'aurora-io', description: 'AWS Price List SKU 7JDSZP38DMKT9B86: Aurora Standard I/O $0.20 per million requests', date: '2026-09-01' },
  { id: 'elasticache-nodes', description: 'ElastiCache on-demand node hours, us-east-1, Redis OSS and Valkey (secondary: two independent public tables agree: a pricing module that read the AmazonElastiCache Price List, productFamily Cache Instance, usage type NodeUsage:<type>, on 2026-10-02, and the DefangLabs/pulumi-defang node catalog citing the ElastiCache pricing page; Valkey cache.r7g.large $0.1752 also in a Price List fixture in Netflix-Skunkworks/service-capacity-modeling). Redis OSS: cache.t4g.micro $0.016, small $0.032, medium $0.065, cache.m7g.large $0.158, cache.r7g.large $0.219, xlarge $0.437, 2xlarge $0.873, 4xlarge $1.745; Valkey: $0.0128, $0.0256, $0.052, $0.1264, $0.1752, $0.3496, $0.6984, $1.396', date: '2026-10-02' },
  { id: 'cloudfront', description: 'Amazon CloudFront pricing page: US/Mexico/Canada data transfer out tiers ($0.085 first 10 TB to $0.020 over 5 PB); always-free 1 TB and 10,000,000 requests a month', date: '2026-09-01' },
  { id: 'cloudfront-https', description: 'AWS Price List description: CloudFront HTTPS requests, United States, $0.0100 per 10,000', date: '2026-09-01' },
  { id: 'waf', description: 'AWS WAF pricing page: web ACL $5.00/month, rule or rule group $1.00/month, $0.60 per million requests', date: '2026-09-29' },
  { id: 'cw-alarm', description: 'AWS Price List SKU EVETVUGEN3MUTMXM: standard-resolution alarm $0.10 per alarm metric per month; 10 alarms free', date: '2026-08-31' },
  { id: 'cw-dashboard', description: 'CloudWatch dashboards $3.00 per dashboard per month (secondary: public CloudWatch pricing guides, 2026); usage types DashboardsUsageHour-Basic (up to 50 metrics) and DashboardsUsageHour from the CloudWatch billing docs, one global Price List product (location Any)', date: '2026-06-13' },
  { id: 'logs-ingest', description: 'AWS Price List SKU S8QGXX5R2BKKMDSJ: CloudWatch Logs ingestion $0.50 per GB; 5 GB a month free', date: '2026-08-31' },
  { id: 'logs-storage', description: 'AWS Price List SKU 6K9ADYQAHV5KX9KZ: CloudWatch Logs storage $0.03 per GB-month', date: '2026-08-31' },
  { id: 'kms-key', description: 'AWS Price List SKU U553K98XGDXCYHWS: KMS customer managed key $1.00 per key-month', date: '2026-08-31' },
  { id: 'kms-requests', description: 'AWS KMS pricing page: $0.03 per 10,000 requests, 20,000 a month free', date: '2026-09-01' },
  { id: 'secrets', description: 'AWS Price List SKU BJ3PQ9BYGU6P632F: Secrets Manager $0.40 per secret-month', date: '2026-08-31' },
  { id: 'secrets-api', description: 'Secrets Manager pricing page: $0.05 per 10,000 API calls', date: '2026-09-01' },
  { id: 'scheduler', description: 'EventBridge Scheduler $1.00 per million invocations, 14 million a month free (secondary: public EventBridge pricing guides, 2026-03 and 2026-05). Usage type ScheduledInvocation as in the AWSEvents Price List (its Tokyo rows read APN1-ScheduledInvocation: the first 14 million free, then $1.25 per million, so the price differs by region); the USE1- prefix in us-east-1 follows the other AWSEvents usage types and was not seen directly', date: '2026-03-13' },
  { id: 'ec2-t-micro', description: 'AWS Price List: EC2 Linux on-demand t3.micro $0.0104 (SKU CRAJUW7BTXFMT2UJ), t3.small $0.0208 (SKU QA3NBPZEQKZ2K9AR), t4g.micro $0.0084 per hour', date: '2026-09-01' },
  { id: 'ec2-pl-2026-09', description: 'AWS Price List AmazonEC2 us-east-1 offer (publication 2026-09-09, read from the bulk offer file in a public write-up): Linux on-demand t4g.medium $0.0336, t4g.large $0.0672, m7g.large $0.0816, c7g.large $0.0725 per hour; t4g.nano $0.0042 (SKU DU8E8NJG743V3F8M, publication 2026-08-17); m6i.large $0.096 (aws pricing get-products output quoted in public repos)', date: '2026-09-09' },
  { id: 'ec2-secondary', description: 'EC2 Linux on-demand, us-east-1 (secondary: CUR sample lines and several public tables agree): t3.nano $0.0052, t3.medium $0.0416, t3.large $0.0832, t4g.small $0.0168 per hour', date: '2026-09-01' },
  { id: 'lambda-calculator', description: 'AWS Pricing Calculator metered-unit map for Lambda (calculator.aws/pricing/2.0/meteredUnitMaps/lambda/USD/current/lambda.json), as vendored with its AWS rate codes in remotion-dev/remotion (packages/lambda/src/pricing/price-per-1-s.ts): in us-west-2, eu-west-1, eu-central-1 and ap-southeast-2 requests $0.20 per million (x86 and Arm), duration $0.0000166667 (x86) and $0.0000133334 (Arm) per GB-second; the volume tiers above 6B (x86) and 7.5B (Arm) GB-seconds were not collected for these regions', date: '2026-11-27' },
  { id: 'usw2-secondary', description: 'us-west-2 (secondary): Fargate Linux/x86 $0.04048 per vCPU-hour and $0.004445 per GB-hour (theuves/fgcalc table from the Fargate pricing page; DefangLabs/defang-docs estimate output with USW2-Fargate usage types); NAT gateway $0.045 per hour and ALB $0.0225 per hour (DefangLabs/defang-docs estimate output, USW2-NatGateway-Hours and USW2-LoadBalancerUsage, monthly figures / 730)', date: '2026-11-27' },
  { id: 'euw1-secondary', description: 'eu-west-1 (secondary): Infracost output for an eu-west-1 stack (gordonmurray/terraform_aws_ecs README): NAT gateway $0.048 per hour and per GB, ALB $0.0252 per hour and $0.008 per LCU-hour (monthly figures / 730), KMS key $1.00 a month', date: '2026-11-27' },
  { id: 'euc1-secondary', description: 'eu-central-1 (secondary): two Infracost outputs for eu-central-1 stacks (blackbird-cloud/terraform-aws-baserow costs.md, sucounix/xpov README) agree: NAT gateway $0.052 per hour and per GB, CloudWatch Logs $0.63 per GB ingested and $0.0324 per GB-month, KMS key $1.00; ALB $0.027 per hour and $0.008 per LCU-hour, Secrets Manager $0.40 per secret-month (sucounix/xpov); S3 Standard first tier $0.0245 per GB-month, PUT $0.0054 and GET $0.00043 per 1,000 (blackbird-cloud); Fargate Linux/x86 $0.04656 per vCPU-hour and $0.00511 per GB-hour (theuves/fgcalc and sucounix/xpov agree)', date: '2026-11-27' },
  { id: 'aps2-secondary', description: 'ap-southeast-2 (secondary): Infracost output for an ap-southeast-2 stack (setswei/techops-ci-demo-infrastructure README): NAT gateway $0.059 per hour and per GB, ALB $0.0252 per hour and $0.008 per LCU-hour (monthly figures / 730), S3 Standard first tier $0.025 per GB-month, PUT $0.0055 and GET $0.00044 per 1,000, CloudWatch alarm $0.10 a month; Fargate Linux/x86 $0.04856 per vCPU-hour and $0.00532 per GB-hour (theuves/fgcalc and umccr/holmes agree), Linux/Arm $0.03885 and $0.00426 (umccr/holmes, citing the Fargate pricing page, single source)', date: '2026-11-27' },
  { id: 'waf-uniform', description: 'AWS WAF: "The pricing for AWS WAF is consistent across all AWS Regions" (AWS Networking & Content Delivery blog, Cost-effective ways for securing your web applications using AWS WAF), so each region in this catalog carries the us-east-1 figures: web ACL $5.00/month, rule $1.00/month, $0.60 per million requests', date: '2026-11-27' },
  { id: 'euw1-price-list', description: 'AWS Price List eu-west-1 offer files (offers 2026-09-11 to 2026-10-02), as vendored with SKUs in henderjm/world-cup-sweepstake docs/costs/aws-ireland-rates.json (checked 2026-10-04) and mamtha4u/SDLC backend/config/pricing_eu-west-1.json (fetched 2026-10-02): DynamoDB on-demand $0.705/M writes (SKU F4EZE5SAMS3D49NJ), $0.1415/M reads (SKU 3ERQSZWPAMX2JWHN), storage $0.283/GB-month; HTTP API $1.11/M first 300M (SKU WPZ6JK7P27W4K4QK), $1.00 beyond; REST API $3.50, $3.19, $2.71, $1.72 per million by tier; SQS standard $0.40/M (the offer names it EU-Requests-Tier1); SNS $0.50/M; CloudWatch alarm $0.10, Logs $0.57/GB ingested (SKU KJBTQPDHW2H92B8Y), $0.03/GB-month; data transfer out $0.09/GB first 10 TB (higher tiers not collected); public IPv4 $0.005/h; Secrets Manager $0.40/secret and $0.05 per 10,000 API calls; S3 Standard $0.023/GB-month first 50 TB, PUT $0.005 and GET $0.0004 per 1,000; Fargate x86 $0.04048/vCPU-hour and $0.004445/GB-hour', date: '2026-10-04' },
  { id: 'euc1-price-list', description: 'AWS Price List eu-central-1 offer files (2026-09-11), as vendored with SKUs in MatteDev-Cloud/amazon-dynamodb-introduction shared/pricing-sources.json (retrieved 2026-09-21): DynamoDB on-demand $0.7625/M writes (SKU 9G7XEGBNEMAXT6EE), $0.1525/M reads (SKU GA5XQXTMQJ8CBEU4); HTTP API $1.20/M first 300M (SKU T5HBB5E3DWVQPUNF; the tier beyond was not collected)', date: '2026-09-21' },
  { id: 'euc1-secondary-2', description: 'eu-central-1 (secondary, documents citing the eu-central-1 offer files): Aurora Serverless v2 $0.14 per ACU-hour (a cost note citing the AmazonRDS eu-central-1 offer); Aurora I/O $0.22 per million (a pricing engine\'s Pricing API reading, 2026-06, agreeing with an Infracost output); Fargate Linux/Arm $0.03725 per vCPU-hour and $0.00409 per GB-hour (a design document citing the AmazonECS eu-central-1 offer)', date: '2026-11-27' },
  { id: 'usw2-rate-audit', description: 'us-west-2 (secondary: a rate audit transcribing SKUs from the AmazonRDS, AmazonVPC and AWSSecretsManager us-west-2 offer files, 2026-08-20, and a guide read from the Pricing API 2026-10-06): Aurora Serverless v2 $0.12 per ACU-hour (SKU QR6MZKHMCWCPDAAM), storage $0.10/GB-month (SKU XN6AM4AHVSYQ6BFC), I/O $0.20 per million (SKU FP5XU5WFCUVXQXF5); Secrets Manager $0.40 (SKU DWJP9S4V3HP98UNC); public IPv4 $0.005/h (SKU NBHXEKTE88TJDDQF); interface endpoint $0.01 per AZ-hour and $0.01/GB (first 1 PB); CloudWatch Logs ingestion $0.50/GB (an AWS bill line quoted in a sample)', date: '2026-10-06' },
  { id: 'aps2-ddb-audit', description: 'ap-southeast-2 (secondary: an audit document reading the AmazonDynamoDB ap-southeast-2 offer file, 2026-08-13): on-demand $0.71/M writes, $0.1425/M reads, storage $0.285/GB-month', date: '2026-08-13' },
];

const flat = (usd: number): PriceTier[] => [{ beginRange: 0, endRange: null, usd }];

/** Contiguous tiers from 0, each given as [endRange, usd]. */
function tiers(...steps: Array<[number | null, number | null]>): PriceTier[] {
  return steps.map(([endRange, usd], i) => ({ beginRange: i === 0 ? 0 : steps[i - 1][0]!, endRange, usd }));
}

const US_EAST_1: CatalogPrice[] = [
  { serviceCode: 'AWSLambda', usageType: 'Request', unit: 'Requests', tiers: flat(0.0000002), source: 'lambda-page' },
  { serviceCode: 'AWSLambda', usageType: 'Request-ARM', unit: 'Requests', tiers: flat(0.0000002), source: 'lambda-page' },
  {
    serviceCode: 'AWSLambda',
    usageType: 'Lambda-GB-Second',
    unit: 'Lambda-GB-Second',
    source: 'lambda-pl',
    tiers: tiers([6e9, 0.0000166667], [15e9, 0.000015], [null, 0.0000133334]),
  },
  {
    serviceCode: 'AWSLambda',
    usageType: 'Lambda-GB-Second-ARM',
    unit: 'Lambda-GB-Second',
    source: 'lambda-pl',
    tiers: tiers([7.5e9, 0.0000133334], [18.75e9, 0.0000120001], [null, 0.0000106667]),
  },
  {
    serviceCode: 'AmazonApiGateway',
    usageType: 'ApiGatewayHttpRequest',
    usageTypeStyle: 'always',
    unit: 'Requests',
    source: 'apigw-http',
    tiers: [{ beginRange: 0, endRange: 300e6, usd: 0.000001 }, { beginRange: 300e6, endRange: null, usd: 0.0000009 }],
  },
  {
    serviceCode: 'AmazonApiGateway',
    usageType: 'ApiGatewayRequest',
    usageTypeStyle: 'always',
    unit: 'Requests',
    source: 'apigw-rest',
    tiers: [
      { beginRange: 0, endRange: 333e6, usd: 0.0000035 }, { beginRange: 333e6, endRange: 1e9, usd: 0.0000028 },
      { beginRange: 1e9, endRange: 20e9, usd: 0.00000238 }, { beginRange: 20e9, endRange: null, usd: 0.00000151 },
    ],
  },
  {
    serviceCode: 'AWSDataTransfer',
    usageType: 'DataTransfer-Out-Bytes',
    unit: 'GB',
    source: 'dto-page',
    tiers: tiers([10240, 0.09], [51200, 0.085], [153600, 0.07], [null, 0.05]),
  },
  { serviceCode: 'AmazonDynamoDB', usageType: 'WriteRequestUnits', unit: 'WriteRequestUnits', tiers: flat(0.000000625), source: 'ddb-pl' },
  { serviceCode: 'AmazonDynamoDB', usageType: 'ReadRequestUnits', unit: 'ReadRequestUnits', tiers: flat(0.000000125), source: 'ddb-pl' },
  { serviceCode: 'AmazonDynamoDB', usageType: 'TimedStorage-ByteHrs', unit: 'GB-Mo', tiers: flat(0.25), source: 'ddb-pl' },
  { serviceCode: 'AmazonDynamoDB', usageType: 'WriteCapacityUnit-Hrs', unit: 'WriteCapacityUnit-Hrs', tiers: flat(0.00065), source: 'ddb-provisioned' },
  { serviceCode: 'AmazonDynamoDB', usageType: 'ReadCapacityUnit-Hrs', unit: 'ReadCapacityUnit-Hrs', tiers: flat(0.00013), source: 'ddb-provisioned' },
  {
    serviceCode: 'AmazonS3',
    usageType: 'TimedStorage-ByteHrs',
    filters: { volumeType: 'Standard' },
    unit: 'GB-Mo',
    source: 's3-storage',
    tiers: tiers([51200, 0.023], [512000, 0.022], [null, 0.021]),
  },
  { serviceCode: 'AmazonS3', usageType: 'Requests-Tier1', unit: 'Requests', tiers: flat(0.000005), source: 's3-put' },
  { serviceCode: 'AmazonS3', usageType: 'Requests-Tier2', unit: 'Requests', tiers: flat(0.0000004), source: 's3-get' },
  { serviceCode: 'AWSQueueService', usageType: 'Requests-RBP', unit: 'Requests', tiers: flat(0.0000004), source: 'sqs-std' },
  { serviceCode: 'AWSQueueService', usageType: 'Requests-FIFO-RBP', unit: 'Requests', tiers: flat(0.0000005), source: 'sqs-fifo' },
  { serviceCode: 'AmazonSNS', usageType: 'Requests-Tier1', unit: 'Requests', tiers: flat(0.0000005), source: 'sns' },
  { serviceCode: 'AmazonEC2', usageType: 'NatGateway-Hours', unit: 'Hrs', tiers: flat(0.045), source: 'nat-hours' },
  { serviceCode: 'AmazonEC2', usageType: 'NatGateway-Bytes', unit: 'GB', tiers: flat(0.045), source: 'nat-bytes' },
  { serviceCode: 'AmazonVPC', usageType: 'PublicIPv4:InUseAddress', usageTypeStyle: 'always', unit: 'Hrs', tiers: flat(0.005), source: 'ipv4' },
  { serviceCode: 'AmazonVPC', usageType: 'VpcEndpoint-Hours', usageTypeStyle: 'always', unit: 'Hrs', tiers: flat(0.01), source: 'privatelink' },
  {
    serviceCode: 'AmazonVPC',
    usageType: 'VpcEndpoint-Bytes',
    usageTypeStyle: 'always',
    unit: 'GB',
    source: 'privatelink',
    tiers: tiers([1048576, 0.01], [5242880, 0.006], [null, 0.004]),
  },
  { serviceCode: 'AWSELB', usageType: 'LoadBalancerUsage', filters: { productFamily: 'Load Balancer-Application' }, unit: 'Hrs', tiers: flat(0.0225), source: 'alb-hours' },
  { serviceCode: 'AWSELB', usageType: 'LCUUsage', filters: { productFamily: 'Load Balancer-Application' }, unit: 'LCU-Hrs', tiers: flat(0.008), source: 'alb-lcu' },
  { serviceCode: 'AWSELB', usageType: 'LoadBalancerUsage', filters: { productFamily: 'Load Balancer-Network' }, unit: 'Hrs', tiers: flat(0.0225), source: 'nlb' },
  { serviceCode: 'AWSELB', usageType: 'LCUUsage', filters: { productFamily: 'Load Balancer-Network' }, unit: 'LCU-Hrs', tiers: flat(0.006), source: 'nlb' },
  { serviceCode: 'AmazonECS', usageType: 'Fargate-vCPU-Hours:perCPU', usageTypeStyle: 'always', unit: 'hours', tiers: flat(0.04048), source: 'fargate-x86' },
  { serviceCode: 'AmazonECS', usageType: 'Fargate-GB-Hours', usageTypeStyle: 'always', unit: 'hours', tiers: flat(0.004445), source: 'fargate-x86' },
  { serviceCode: 'AmazonECS', usageType: 'Fargate-ARM-vCPU-Hours:perCPU', usageTypeStyle: 'always', unit: 'hours', tiers: flat(0.03238), source: 'fargate-arm' },
  { serviceCode: 'AmazonECS', usageType: 'Fargate-ARM-GB-Hours', usageTypeStyle: 'always', unit: 'hours', tiers: flat(0.00356), source: 'fargate-arm' },
  { serviceCode: 'AmazonRDS', usageType: 'InstanceUsage:db.t4g.micro', filters: { databaseEngine: 'PostgreSQL', deploymentOption: 'Single-AZ' }, unit: 'Hrs', tiers: flat(0.016), source: 'rds-t4g-micro' },
  { serviceCode: 'AmazonRDS', usageType: 'InstanceUsage:db.t3.micro', filters: { databaseEngine: 'PostgreSQL', deploymentOption: 'Single-AZ' }, unit: 'Hrs', tiers: flat(0.018), source: 'rds-t3-micro' },
  { serviceCode: 'AmazonRDS', usageType: 'InstanceUsage:db.t4g.small', filters: PG_SINGLE_AZ(), unit: 'Hrs', tiers: flat(0.032), source: 'rds-t4g-small' },
  { serviceCode: 'AmazonRDS', usageType: 'Multi-AZUsage:db.t4g.small', filters: { databaseEngine: 'PostgreSQL', deploymentOption: 'Multi-AZ' }, unit: 'Hrs', tiers: flat(0.065), source: 'rds-t4g-small' },
  { serviceCode: 'AmazonRDS', usageType: 'InstanceUsage:db.t4g.medium', filters: PG_SINGLE_AZ(), unit: 'Hrs', tiers: flat(0.065), source: 'rds-pg-instances' },
  { serviceCode: 'AmazonRDS', usageType: 'InstanceUsage:db.t4g.large', filters: PG_SINGLE_AZ(), unit: 'Hrs', tiers: flat(0.129), source: 'rds-pg-instances' },
  { serviceCode: 'AmazonRDS', usageType: 'InstanceUsage:db.t3.small', filters: PG_SINGLE_AZ(), unit: 'Hrs', tiers: flat(0.036), source: 'rds-pg-instances' },
  { serviceCode: 'AmazonRDS', usageType: 'InstanceUsage:db.t3.medium', filters: PG_SINGLE_AZ(), unit: 'Hrs', tiers: flat(0.072), source: 'rds-pg-instances' },
  { serviceCode: 'AmazonRDS', usageType: 'InstanceUsage:db.m7g.large', filters: PG_SINGLE_AZ(), unit: 'Hrs', tiers: flat(0.168), source: 'rds-pg-instances' },
  { serviceCode: 'AmazonRDS', usageType: 'InstanceUsage:db.r7g.large', filters: PG_SINGLE_AZ(), unit: 'Hrs', tiers: flat(0.239), source: 'rds-pg-instances' },
  { serviceCode: 'AmazonRDS', usageType: 'RDS:GP3-Storage', filters: { deploymentOption: 'Single-AZ' }, unit: 'GB-Mo', tiers: flat(0.115), source: 'rds-gp3' },
  { serviceCode: 'AmazonRDS', usageType: 'RDS:Multi-AZ-GP3-Storage', filters: { deploymentOption: 'Multi-AZ' }, unit: 'GB-Mo', tiers: flat(0.23), source: 'rds-gp3' },
  { serviceCode: 'AmazonRDS', usageType: 'Aurora:ServerlessV2Usage', filters: { databaseEngine: 'Aurora PostgreSQL' }, unit: 'ACU-Hr', tiers: flat(0.12), source: 'aurora-acu' },
  { serviceCode: 'AmazonRDS', usageType: 'Aurora:StorageUsage', filters: { databaseEngine: 'Aurora PostgreSQL' }, unit: 'GB-Mo', tiers: flat(0.1), source: 'aurora-storage' },
  { serviceCode: 'AmazonRDS', usageType: 'Aurora:StorageIOUsage', filters: { databaseEngine: 'Aurora PostgreSQL' }, unit: 'IOs', tiers: flat(0.0000002), source: 'aurora-io' },
  { serviceCode: 'AmazonElastiCache', usageType: 'NodeUsage:cache.t4g.micro', filters: { cacheEngine: 'Redis' }, unit: 'Hrs', tiers: flat(0.016), source: 'elasticache-nodes' },
  { serviceCode: 'AmazonElastiCache', usageType: 'NodeUsage:cache.t4g.micro', filters: { cacheEngine: 'Valkey' }, unit: 'Hrs', tiers: flat(0.0128), source: 'elasticache-nodes' },
  { serviceCode: 'AmazonElastiCache', usageType: 'NodeUsage:cache.t4g.small', filters: { cacheEngine: 'Redis' }, unit: 'Hrs', tiers: flat(0.032), source: 'elasticache-nodes' },
  { serviceCode: 'AmazonElastiCache', usageType: 'NodeUsage:cache.t4g.small', filters: { cacheEngine: 'Valkey' }, unit: 'Hrs', tiers: flat(0.0256), source: 'elasticache-nodes' },
  { serviceCode: 'AmazonElastiCache', usageType: 'NodeUsage:cache.t4g.medium', filters: { cacheEngine: 'Redis' }, unit: 'Hrs', tiers: flat(0.065), source: 'elasticache-nodes' },
  { serviceCode: 'AmazonElastiCache', usageType: 'NodeUsage:cache.t4g.medium', filters: { cacheEngine: 'Valkey' }, unit: 'Hrs', tiers: flat(0.052), source: 'elasticache-nodes' },
  { serviceCode: 'AmazonElastiCache', usageType: 'NodeUsage:cache.m7g.large', filters: { cacheEngine: 'Redis' }, unit: 'Hrs', tiers: flat(0.158), source: 'elasticache-nodes' },
  { serviceCode: 'AmazonElastiCache', usageType: 'NodeUsage:cache.m7g.large', filters: { cacheEngine: 'Valkey' }, unit: 'Hrs', tiers: flat(0.1264), source: 'elasticache-nodes' },
  { serviceCode: 'AmazonElastiCache', usageType: 'NodeUsage:cache.r7g.large', filters: { cacheEngine: 'Redis' }, unit: 'Hrs', tiers: flat(0.219), source: 'elasticache-nodes' },
  { serviceCode: 'AmazonElastiCache', usageType: 'NodeUsage:cache.r7g.large', filters: { cacheEngine: 'Valkey' }, unit: 'Hrs', tiers: flat(0.1752), source: 'elasticache-nodes' },
  { serviceCode: 'AmazonElastiCache', usageType: 'NodeUsage:cache.r7g.xlarge', filters: { cacheEngine: 'Redis' }, unit: 'Hrs', tiers: flat(0.437), source: 'elasticache-nodes' },
  { serviceCode: 'AmazonElastiCache', usageType: 'NodeUsage:cache.r7g.xlarge', filters: { cacheEngine: 'Valkey' }, unit: 'Hrs', tiers: flat(0.3496), source: 'elasticache-nodes' },
  { serviceCode: 'AmazonElastiCache', usageType: 'NodeUsage:cache.r7g.2xlarge', filters: { cacheEngine: 'Redis' }, unit: 'Hrs', tiers: flat(0.873), source: 'elasticache-nodes' },
  { serviceCode: 'AmazonElastiCache', usageType: 'NodeUsage:cache.r7g.2xlarge', filters: { cacheEngine: 'Valkey' }, unit: 'Hrs', tiers: flat(0.6984), source: 'elasticache-nodes' },
  { serviceCode: 'AmazonElastiCache', usageType: 'NodeUsage:cache.r7g.4xlarge', filters: { cacheEngine: 'Redis' }, unit: 'Hrs', tiers: flat(1.745), source: 'elasticache-nodes' },
  { serviceCode: 'AmazonElastiCache', usageType: 'NodeUsage:cache.r7g.4xlarge', filters: { cacheEngine: 'Valkey' }, unit: 'Hrs', tiers: flat(1.396), source: 'elasticache-nodes' },
  {
    serviceCode: 'AmazonCloudFront',
    usageType: 'US-DataTransfer-Out-Bytes',
    usageTypeStyle: 'global',
    unit: 'GB',
    source: 'cloudfront',
    tiers: [
      { beginRange: 0, endRange: 10240, usd: 0.085 }, { beginRange: 10240, endRange: 51200, usd: 0.08 },
      { beginRange: 51200, endRange: 153600, usd: 0.06 }, { beginRange: 153600, endRange: 512000, usd: 0.04 },
      { beginRange: 512000, endRange: 1048576, usd: 0.03 }, { beginRange: 1048576, endRange: 5242880, usd: 0.025 },
      { beginRange: 5242880, endRange: null, usd: 0.02 },
    ],
  },
  { serviceCode: 'AmazonCloudFront', usageType: 'US-Requests-Tier2-HTTPS', usageTypeStyle: 'global', unit: 'Requests', tiers: flat(0.000001), source: 'cloudfront-https' },
  { serviceCode: 'awswaf', usageType: 'WebACLV2', usageTypeStyle: 'always', unit: 'WebACL', tiers: flat(5), source: 'waf' },
  { serviceCode: 'awswaf', usageType: 'RuleV2', usageTypeStyle: 'always', unit: 'Rule', tiers: flat(1), source: 'waf' },
  { serviceCode: 'awswaf', usageType: 'RequestV2-Tier1', usageTypeStyle: 'always', unit: 'Requests', tiers: flat(0.0000006), source: 'waf' },
  { serviceCode: 'AmazonCloudWatch', usageType: 'CW:AlarmMonitorUsage', unit: 'Alarms', tiers: flat(0.1), source: 'cw-alarm' },
  // Dashboards are one global product in the Price List (location 'Any', no region code).
  { serviceCode: 'AmazonCloudWatch', usageType: 'DashboardsUsageHour-Basic', usageTypeStyle: 'global', unit: 'Dashboards', tiers: flat(3), source: 'cw-dashboard' },
  { serviceCode: 'AmazonCloudWatch', usageType: 'DataProcessing-Bytes', unit: 'GB', tiers: flat(0.5), source: 'logs-ingest' },
  { serviceCode: 'AmazonCloudWatch', usageType: 'TimedStorage-ByteHrs', unit: 'GB-Mo', tiers: flat(0.03), source: 'logs-storage' },
  { serviceCode: 'awskms', usageType: 'KMS-Keys', usageTypeStyle: 'region-code', unit: 'Keys', tiers: flat(1), source: 'kms-key' },
  { serviceCode: 'awskms', usageType: 'KMS-Requests', usageTypeStyle: 'region-code', unit: 'Requests', tiers: flat(0.000003), source: 'kms-requests' },
  { serviceCode: 'AWSSecretsManager', usageType: 'AWSSecretsManager-Secrets', usageTypeStyle: 'always', unit: 'Secrets', tiers: flat(0.4), source: 'secrets' },
  { serviceCode: 'AWSSecretsManager', usageType: 'AWSSecretsManager-APIRequest', usageTypeStyle: 'always', unit: 'API Requests', tiers: flat(0.000005), source: 'secrets-api' },
  { serviceCode: 'AWSEvents', usageType: 'ScheduledInvocation', usageTypeStyle: 'always', unit: 'Invocations', tiers: flat(0.000001), source: 'scheduler' },
  { serviceCode: 'AmazonEC2', usageType: 'BoxUsage:t3.micro', filters: EC2_LINUX(), unit: 'Hrs', tiers: flat(0.0104), source: 'ec2-t-micro' },
  { serviceCode: 'AmazonEC2', usageType: 'BoxUsage:t4g.micro', filters: EC2_LINUX(), unit: 'Hrs', tiers: flat(0.0084), source: 'ec2-t-micro' },
  { serviceCode: 'AmazonEC2', usageType: 'BoxUsage:t3.small', filters: EC2_LINUX(), unit: 'Hrs', tiers: flat(0.0208), source: 'ec2-t-micro' },
  { serviceCode: 'AmazonEC2', usageType: 'BoxUsage:t4g.nano', filters: EC2_LINUX(), unit: 'Hrs', tiers: flat(0.0042), source: 'ec2-pl-2026-09' },
  { serviceCode: 'AmazonEC2', usageType: 'BoxUsage:t4g.medium', filters: EC2_LINUX(), unit: 'Hrs', tiers: flat(0.0336), source: 'ec2-pl-2026-09' },
  { serviceCode: 'AmazonEC2', usageType: 'BoxUsage:t4g.large', filters: EC2_LINUX(), unit: 'Hrs', tiers: flat(0.0672), source: 'ec2-pl-2026-09' },
  { serviceCode: 'AmazonEC2', usageType: 'BoxUsage:m7g.large', filters: EC2_LINUX(), unit: 'Hrs', tiers: flat(0.0816), source: 'ec2-pl-2026-09' },
  { serviceCode: 'AmazonEC2', usageType: 'BoxUsage:c7g.large', filters: EC2_LINUX(), unit: 'Hrs', tiers: flat(0.0725), source: 'ec2-pl-2026-09' },
  { serviceCode: 'AmazonEC2', usageType: 'BoxUsage:m6i.large', filters: EC2_LINUX(), unit: 'Hrs', tiers: flat(0.096), source: 'ec2-pl-2026-09' },
  { serviceCode: 'AmazonEC2', usageType: 'BoxUsage:t3.nano', filters: EC2_LINUX(), unit: 'Hrs', tiers: flat(0.0052), source: 'ec2-secondary' },
  { serviceCode: 'AmazonEC2', usageType: 'BoxUsage:t3.medium', filters: EC2_LINUX(), unit: 'Hrs', tiers: flat(0.0416), source: 'ec2-secondary' },
  { serviceCode: 'AmazonEC2', usageType: 'BoxUsage:t3.large', filters: EC2_LINUX(), unit: 'Hrs', tiers: flat(0.0832), source: 'ec2-secondary' },
  { serviceCode: 'AmazonEC2', usageType: 'BoxUsage:t4g.small', filters: EC2_LINUX(), unit: 'Hrs', tiers: flat(0.0168), source: 'ec2-secondary' },
];

function PG_SINGLE_AZ(): { [field: string]: string } {
  return { databaseEngine: 'PostgreSQL', deploymentOption: 'Single-AZ' };
}

function EC2_LINUX(): { [field: string]: string } {
  return { operatingSystem: 'Linux', tenancy: 'Shared', preInstalledSw: 'NA', capacitystatus: 'Used' };
}

const key = (p: CatalogPrice) => priceKey(p.serviceCode, p.usageType, p.filters);
const k = (serviceCode: string, usageType: string, filters?: { [f: string]: string }) => priceKey(serviceCode, usageType, filters);

/** A region's figure for a dimension us-east-1 also prices: same identity, the region's tiers and source. */
function sameAs(
  serviceCode: string, usageType: string, filters: { [f: string]: string } | undefined, regionTiers: PriceTier[], source: string,
): CatalogPrice {
  const base = US_EAST_1.find((p) => key(p) === k(serviceCode, usageType, filters));
  if (!base) throw new Error(`no us-east-1 entry for ${serviceCode} ${usageType}`);
  return { ...base, tiers: regionTiers, source };
}

/** Lambda in a region: requests and the first duration tier; higher tiers have no collected figure. */
function lambda(): CatalogPrice[] {
  return [
    sameAs('AWSLambda', 'Request', undefined, flat(0.0000002), 'lambda-calculator'),
    sameAs('AWSLambda', 'Request-ARM', undefined, flat(0.0000002), 'lambda-calculator'),
    sameAs('AWSLambda', 'Lambda-GB-Second', undefined, tiers([6e9, 0.0000166667], [null, null]), 'lambda-calculator'),
    sameAs('AWSLambda', 'Lambda-GB-Second-ARM', undefined, tiers([7.5e9, 0.0000133334], [null, null]), 'lambda-calculator'),
  ];
}

const ALB = { productFamily: 'Load Balancer-Application' };
const S3_STANDARD = { volumeType: 'Standard' };
const AURORA_PG = { databaseEngine: 'Aurora PostgreSQL' };

/** WAF: AWS states its pricing is the same in every region, so each region carries the us-east-1 figures. */
function waf(): CatalogPrice[] {
  return [
    sameAs('awswaf', 'WebACLV2', undefined, flat(5), 'waf-uniform'),
    sameAs('awswaf', 'RuleV2', undefined, flat(1), 'waf-uniform'),
    sameAs('awswaf', 'RequestV2-Tier1', undefined, flat(0.0000006), 'waf-uniform'),
  ];
}

/** Figures found for other regions; every dimension missing here falls back to us-east-1 and says so. */
const OTHER_REGIONS: { [region: string]: CatalogPrice[] } = {
  'us-west-2': [
    ...lambda(),
    ...waf(),
    sameAs('AmazonECS', 'Fargate-vCPU-Hours:perCPU', undefined, flat(0.04048), 'usw2-secondary'),
    sameAs('AmazonECS', 'Fargate-GB-Hours', undefined, flat(0.004445), 'usw2-secondary'),
    sameAs('AmazonEC2', 'NatGateway-Hours', undefined, flat(0.045), 'usw2-secondary'),
    sameAs('AWSELB', 'LoadBalancerUsage', ALB, flat(0.0225), 'usw2-secondary'),
    sameAs('AmazonRDS', 'Aurora:ServerlessV2Usage', AURORA_PG, flat(0.12), 'usw2-rate-audit'),
    sameAs('AmazonRDS', 'Aurora:StorageUsage', AURORA_PG, flat(0.1), 'usw2-rate-audit'),
    sameAs('AmazonRDS', 'Aurora:StorageIOUsage', AURORA_PG, flat(0.0000002), 'usw2-rate-audit'),
    sameAs('AWSSecretsManager', 'AWSSecretsManager-Secrets', undefined, flat(0.4), 'usw2-rate-audit'),
    sameAs('AmazonVPC', 'PublicIPv4:InUseAddress', undefined, flat(0.005), 'usw2-rate-audit'),
    sameAs('AmazonVPC', 'VpcEndpoint-Hours', undefined, flat(0.01), 'usw2-rate-audit'),
    sameAs('AmazonVPC', 'VpcEndpoint-Bytes', undefined, tiers([1048576, 0.01], [null, null]), 'usw2-rate-audit'),
    sameAs('AmazonCloudWatch', 'DataProcessing-Bytes', undefined, flat(0.5), 'usw2-rate-audit'),
  ],
  'eu-west-1': [
    ...lambda(),
    ...waf(),
    sameAs('AmazonECS', 'Fargate-vCPU-Hours:perCPU', undefined, flat(0.04048), 'euw1-price-list'),
    sameAs('AmazonECS', 'Fargate-GB-Hours', undefined, flat(0.004445), 'euw1-price-list'),
    sameAs('AmazonEC2', 'NatGateway-Hours', undefined, flat(0.048), 'euw1-secondary'),
    sameAs('AmazonEC2', 'NatGateway-Bytes', undefined, flat(0.048), 'euw1-secondary'),
    sameAs('AWSELB', 'LoadBalancerUsage', ALB, flat(0.0252), 'euw1-secondary'),
    sameAs('AWSELB', 'LCUUsage', ALB, flat(0.008), 'euw1-secondary'),
    sameAs('awskms', 'KMS-Keys', undefined, flat(1), 'euw1-secondary'),
    sameAs('AmazonDynamoDB', 'WriteRequestUnits', undefined, flat(0.000000705), 'euw1-price-list'),
    sameAs('AmazonDynamoDB', 'ReadRequestUnits', undefined, flat(0.0000001415), 'euw1-price-list'),
    sameAs('AmazonDynamoDB', 'TimedStorage-ByteHrs', undefined, flat(0.283), 'euw1-price-list'),
    sameAs('AmazonApiGateway', 'ApiGatewayHttpRequest', undefined, tiers([300e6, 0.00000111], [null, 0.000001]), 'euw1-price-list'),
    sameAs('AmazonApiGateway', 'ApiGatewayRequest', undefined, tiers([333e6, 0.0000035], [1e9, 0.00000319], [20e9, 0.00000271], [null, 0.00000172]), 'euw1-price-list'),
    sameAs('AWSQueueService', 'Requests-RBP', undefined, flat(0.0000004), 'euw1-price-list'),
    sameAs('AmazonSNS', 'Requests-Tier1', undefined, flat(0.0000005), 'euw1-price-list'),
    sameAs('AmazonS3', 'TimedStorage-ByteHrs', S3_STANDARD, tiers([51200, 0.023], [null, null]), 'euw1-price-list'),
    sameAs('AmazonS3', 'Requests-Tier1', undefined, flat(0.000005), 'euw1-price-list'),
    sameAs('AmazonS3', 'Requests-Tier2', undefined, flat(0.0000004), 'euw1-price-list'),
    sameAs('AmazonCloudWatch', 'CW:AlarmMonitorUsage', undefined, flat(0.1), 'euw1-price-list'),
    sameAs('AmazonCloudWatch', 'DataProcessing-Bytes', undefined, flat(0.57), 'euw1-price-list'),
    sameAs('AmazonCloudWatch', 'TimedStorage-ByteHrs', undefined, flat(0.03), 'euw1-price-list'),
    sameAs('AWSDataTransfer', 'DataTransfer-Out-Bytes', undefined, tiers([10240, 0.09], [null, null]), 'euw1-price-list'),
    sameAs('AmazonVPC', 'PublicIPv4:InUseAddress', undefined, flat(0.005), 'euw1-price-list'),
    sameAs('AWSSecretsManager', 'AWSSecretsManager-Secrets', undefined, flat(0.4), 'euw1-price-list'),
    sameAs('AWSSecretsManager', 'AWSSecretsManager-APIRequest', undefined, flat(0.000005), 'euw1-price-list'),
  ],
  'eu-central-1': [
    ...lambda(),
    ...waf(),
    sameAs('AmazonECS', 'Fargate-vCPU-Hours:perCPU', undefined, flat(0.04656), 'euc1-secondary'),
    sameAs('AmazonECS', 'Fargate-GB-Hours', undefined, flat(0.00511), 'euc1-secondary'),
    sameAs('AmazonECS', 'Fargate-ARM-vCPU-Hours:perCPU', undefined, flat(0.03725), 'euc1-secondary-2'),
    sameAs('AmazonECS', 'Fargate-ARM-GB-Hours', undefined, flat(0.00409), 'euc1-secondary-2'),
    sameAs('AmazonEC2', 'NatGateway-Hours', undefined, flat(0.052), 'euc1-secondary'),
    sameAs('AmazonEC2', 'NatGateway-Bytes', undefined, flat(0.052), 'euc1-secondary'),
    sameAs('AWSELB', 'LoadBalancerUsage', ALB, flat(0.027), 'euc1-secondary'),
    sameAs('AWSELB', 'LCUUsage', ALB, flat(0.008), 'euc1-secondary'),
    sameAs('AmazonS3', 'TimedStorage-ByteHrs', S3_STANDARD, tiers([51200, 0.0245], [null, null]), 'euc1-secondary'),
    sameAs('AmazonS3', 'Requests-Tier1', undefined, flat(0.0000054), 'euc1-secondary'),
    sameAs('AmazonS3', 'Requests-Tier2', undefined, flat(0.00000043), 'euc1-secondary'),
    sameAs('AmazonCloudWatch', 'DataProcessing-Bytes', undefined, flat(0.63), 'euc1-secondary'),
    sameAs('AmazonCloudWatch', 'TimedStorage-ByteHrs', undefined, flat(0.0324), 'euc1-secondary'),
    sameAs('awskms', 'KMS-Keys', undefined, flat(1), 'euc1-secondary'),
    sameAs('AWSSecretsManager', 'AWSSecretsManager-Secrets', undefined, flat(0.4), 'euc1-secondary'),
    sameAs('AmazonDynamoDB', 'WriteRequestUnits', undefined, flat(0.0000007625), 'euc1-price-list'),
    sameAs('AmazonDynamoDB', 'ReadRequestUnits', undefined, flat(0.0000001525), 'euc1-price-list'),
    sameAs('AmazonApiGateway', 'ApiGatewayHttpRequest', undefined, tiers([300e6, 0.0000012], [null, null]), 'euc1-price-list'),
    sameAs('AmazonRDS', 'Aurora:ServerlessV2Usage', AURORA_PG, flat(0.14), 'euc1-secondary-2'),
    sameAs('AmazonRDS', 'Aurora:StorageIOUsage', AURORA_PG, flat(0.00000022), 'euc1-secondary-2'),
  ],
  'ap-southeast-2': [
    ...lambda(),
    ...waf(),
    sameAs('AmazonECS', 'Fargate-vCPU-Hours:perCPU', undefined, flat(0.04856), 'aps2-secondary'),
    sameAs('AmazonECS', 'Fargate-GB-Hours', undefined, flat(0.00532), 'aps2-secondary'),
    sameAs('AmazonECS', 'Fargate-ARM-vCPU-Hours:perCPU', undefined, flat(0.03885), 'aps2-secondary'),
    sameAs('AmazonECS', 'Fargate-ARM-GB-Hours', undefined, flat(0.00426), 'aps2-secondary'),
    sameAs('AmazonEC2', 'NatGateway-Hours', undefined, flat(0.059), 'aps2-secondary'),
    sameAs('AmazonEC2', 'NatGateway-Bytes', undefined, flat(0.059), 'aps2-secondary'),
    sameAs('AWSELB', 'LoadBalancerUsage', ALB, flat(0.0252), 'aps2-secondary'),
    sameAs('AWSELB', 'LCUUsage', ALB, flat(0.008), 'aps2-secondary'),
    sameAs('AmazonS3', 'TimedStorage-ByteHrs', S3_STANDARD, tiers([51200, 0.025], [null, null]), 'aps2-secondary'),
    sameAs('AmazonS3', 'Requests-Tier1', undefined, flat(0.0000055), 'aps2-secondary'),
    sameAs('AmazonS3', 'Requests-Tier2', undefined, flat(0.00000044), 'aps2-secondary'),
    sameAs('AmazonCloudWatch', 'CW:AlarmMonitorUsage', undefined, flat(0.1), 'aps2-secondary'),
    sameAs('AmazonDynamoDB', 'WriteRequestUnits', undefined, flat(0.00000071), 'aps2-ddb-audit'),
    sameAs('AmazonDynamoDB', 'ReadRequestUnits', undefined, flat(0.0000001425), 'aps2-ddb-audit'),
    sameAs('AmazonDynamoDB', 'TimedStorage-ByteHrs', undefined, flat(0.285), 'aps2-ddb-audit'),
  ],
};

const FREE_TIER: FreeTierAllowance[] = [
  { id: 'lambda-requests', description: 'Lambda: 1M requests a month', quantity: 1e6, appliesTo: [k('AWSLambda', 'Request'), k('AWSLambda', 'Request-ARM')], source: 'lambda-page' },
  { id: 'lambda-compute', description: 'Lambda: 400,000 GB-seconds a month', quantity: 400000, appliesTo: [k('AWSLambda', 'Lambda-GB-Second'), k('AWSLambda', 'Lambda-GB-Second-ARM')], source: 'lambda-page' },
  { id: 'dto', description: 'Data transfer out to the internet: 100 GB a month', quantity: 100, appliesTo: [k('AWSDataTransfer', 'DataTransfer-Out-Bytes')], source: 'dto-free' },
  { id: 'dynamodb-storage', description: 'DynamoDB: 25 GB of Standard table storage', quantity: 25, appliesTo: [k('AmazonDynamoDB', 'TimedStorage-ByteHrs')], source: 'ddb-pl' },
  { id: 'dynamodb-wcu', description: 'DynamoDB: 25 provisioned WCU (18,250 WCU-hours a month)', quantity: 25 * 730, appliesTo: [k('AmazonDynamoDB', 'WriteCapacityUnit-Hrs')], source: 'ddb-provisioned' },
  { id: 'dynamodb-rcu', description: 'DynamoDB: 25 provisioned RCU (18,250 RCU-hours a month)', quantity: 25 * 730, appliesTo: [k('AmazonDynamoDB', 'ReadCapacityUnit-Hrs')], source: 'ddb-provisioned' },
  { id: 'sqs', description: 'SQS: 1M requests a month', quantity: 1e6, appliesTo: [k('AWSQueueService', 'Requests-RBP'), k('AWSQueueService', 'Requests-FIFO-RBP')], source: 'sqs-std' },
  { id: 'sns', description: 'SNS: 1M publishes a month', quantity: 1e6, appliesTo: [k('AmazonSNS', 'Requests-Tier1')], source: 'sns' },
  { id: 'cloudfront-dto', description: 'CloudFront: 1 TB of data transfer out a month', quantity: 1024, appliesTo: [k('AmazonCloudFront', 'US-DataTransfer-Out-Bytes')], source: 'cloudfront' },
  { id: 'cloudfront-requests', description: 'CloudFront: 10,000,000 HTTP/HTTPS requests a month', quantity: 10e6, appliesTo: [k('AmazonCloudFront', 'US-Requests-Tier2-HTTPS')], source: 'cloudfront' },
  { id: 'cw-alarms', description: 'CloudWatch: 10 standard-resolution alarm metrics', quantity: 10, appliesTo: [k('AmazonCloudWatch', 'CW:AlarmMonitorUsage')], source: 'cw-alarm' },
  { id: 'cw-logs', description: 'CloudWatch Logs: 5 GB of ingestion a month', quantity: 5, appliesTo: [k('AmazonCloudWatch', 'DataProcessing-Bytes')], source: 'logs-ingest' },
  { id: 'kms-requests', description: 'KMS: 20,000 requests a month', quantity: 20000, appliesTo: [k('awskms', 'KMS-Requests')], source: 'kms-requests' },
  { id: 'scheduler', description: 'EventBridge Scheduler: 14M invocations a month', quantity: 14e6, appliesTo: [k('AWSEvents', 'ScheduledInvocation')], source: 'scheduler' },
];

/** The catalog bundled with this version of the library. */
export const BUNDLED_CATALOG: PricingCatalog = {
  schemaVersion: 1,
  version: '2026.11.1',
  effectiveDate: '2026-10-06',
  currency: 'USD',
  sources: SOURCES,
  freeTier: FREE_TIER,
  regions: {
    'us-east-1': Object.fromEntries(US_EAST_1.map((p) => [key(p), p])),
    ...Object.fromEntries(Object.entries(OTHER_REGIONS).map(([region, prices]) => [region, Object.fromEntries(prices.map((p) => [key(p), p]))])),
  },
};
