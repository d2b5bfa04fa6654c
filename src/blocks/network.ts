import { RemovalPolicy } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { acknowledgeRules, inCompliancePacks } from './acknowledge';
import { ManagedPolicyRole } from './iam/managed-policy-role';
import { FixedSlotIpAddresses, maxAzsOf, SUBNET_CIDR_LAYOUT_CONTEXT, SubnetCidrLayout, subnetGroupMask } from './subnet-cidrs';

/** AWS services that can be reached privately through an interface VPC endpoint. */
export enum InterfaceEndpointService {
  /** AWS Secrets Manager. */
  SECRETS_MANAGER = 'SECRETS_MANAGER',
  /** Amazon SQS. */
  SQS = 'SQS',
  /** Amazon SNS. */
  SNS = 'SNS',
  /** Amazon ECR API (`ecr.api`). */
  ECR_API = 'ECR_API',
  /** Amazon ECR Docker registry (`ecr.dkr`). */
  ECR_DOCKER = 'ECR_DOCKER',
  /** Amazon CloudWatch Logs. */
  CLOUDWATCH_LOGS = 'CLOUDWATCH_LOGS',
  /** AWS KMS. */
  KMS = 'KMS',
  /** AWS STS. */
  STS = 'STS',
}

const ENDPOINT_SERVICES: Record<InterfaceEndpointService, ec2.InterfaceVpcEndpointAwsService> = {
  [InterfaceEndpointService.SECRETS_MANAGER]: ec2.InterfaceVpcEndpointAwsService.SECRETS_MANAGER,
  [InterfaceEndpointService.SQS]: ec2.InterfaceVpcEndpointAwsService.SQS,
  [InterfaceEndpointService.SNS]: ec2.InterfaceVpcEndpointAwsService.SNS,
  [InterfaceEndpointService.ECR_API]: ec2.InterfaceVpcEndpointAwsService.ECR,
  [InterfaceEndpointService.ECR_DOCKER]: ec2.InterfaceVpcEndpointAwsService.ECR_DOCKER,
  [InterfaceEndpointService.CLOUDWATCH_LOGS]: ec2.InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS,
  [InterfaceEndpointService.KMS]: ec2.InterfaceVpcEndpointAwsService.KMS,
  [InterfaceEndpointService.STS]: ec2.InterfaceVpcEndpointAwsService.STS,
};

/**
 * Secure defaults. Rule: user props win, except these which are always on:
 * S3 and DynamoDB gateway endpoints, VPC flow logs (ALL traffic) to a log group with
 * retention, the restricted default security group, and public subnets that never
 * assign public IPs on launch.
 */
const NETWORK_DEFAULTS = {
  /** CDK's default VPC range, written out. */
  cidr: '10.0.0.0/16',
  maxAzs: 2,
  natGateways: 1,
  flowLogRetention: logs.RetentionDays.ONE_YEAR,
  removalPolicy: RemovalPolicy.RETAIN,
};

/** Properties for a `NetworkBlock`. */
export interface NetworkBlockProps {
  /**
   * Maximum number of Availability Zones to use.
   * @default 2
   */
  readonly maxAzs?: number;
  /**
   * Number of NAT gateways. 0 means no NAT: private subnets are PRIVATE_ISOLATED.
   * @default 1
   */
  readonly natGateways?: number;
  /**
   * Whether to create public subnets (needed for NAT gateways and internet-facing load balancers).
   * @default - true when natGateways > 0, false otherwise
   */
  readonly publicSubnets?: boolean;
  /**
   * Interface VPC endpoints to create in the private subnets.
   * @default - none (S3 and DynamoDB gateway endpoints are always created)
   */
  readonly interfaceEndpoints?: InterfaceEndpointService[];
  /**
   * Retention of the VPC flow log group.
   * @default logs.RetentionDays.ONE_YEAR
   */
  readonly flowLogRetention?: logs.RetentionDays;
  /**
   * Removal policy of the flow log group.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * Where the subnets sit in the VPC's range. Never change it for a deployed VPC: a VPC that
   * an earlier release created without public subnets (no NAT gateway) must say
   * `PRIVATE_FIRST` to keep its subnets where they are.
   * @default - the `cdk-infra-engineer:subnetCidrLayout` context value, else `RESERVED_SLOTS`
   */
  readonly subnetCidrLayout?: SubnetCidrLayout;
  /**
   * Use this VPC instead of creating one; then nothing is created.
   * @default - a new VPC is created
   */
  readonly existingVpc?: ec2.IVpc;
}

/**
 * A VPC with private subnets for compute and data, gateway endpoints, flow logs and a
 * locked-down default security group.
 *
 * Construct ids (contract, keep stable): 'Vpc', 'Vpc/FlowLog', 'FlowLogGroup', 'FlowLogRole', '<SERVICE>Endpoint'.
 */
export class NetworkBlock extends Construct {
  /** The VPC. */
  public readonly vpc: ec2.IVpc;
  /** The subnets compute and data should use (private with egress, or isolated when there is no NAT). */
  public readonly privateSubnets: ec2.SubnetSelection;
  /** Number of NAT gateways created (0 when an existing VPC is used). */
  public readonly natGatewayCount: number;

  constructor(scope: Construct, id: string, props: NetworkBlockProps = {}) {
    super(scope, id);

    if (props.existingVpc) {
      this.vpc = props.existingVpc;
      this.natGatewayCount = 0;
      this.privateSubnets = privateSubnetSelectionOf(props.existingVpc);
      return;
    }

    const natGateways = props.natGateways ?? NETWORK_DEFAULTS.natGateways;
    const publicSubnets = props.publicSubnets ?? natGateways > 0;
    if (natGateways > 0 && !publicSubnets) {
      throw new Error(`${this.node.path}: natGateways is ${natGateways} but publicSubnets is false; NAT gateways need public subnets`);
    }
    const privateType = natGateways > 0 ? ec2.SubnetType.PRIVATE_WITH_EGRESS : ec2.SubnetType.PRIVATE_ISOLATED;
    const layout = props.subnetCidrLayout ?? subnetCidrLayoutFromContext(this);
    const maxAzs = props.maxAzs ?? NETWORK_DEFAULTS.maxAzs;
    if (maxAzs > maxAzsOf(layout)) throw new Error(`${this.node.path}: maxAzs ${maxAzs} is more than the ${layout} subnet layout holds (${maxAzsOf(layout)})`);

    // Group names are part of the subnets' logical IDs, and each group has a fixed CIDR slot.
    const subnetConfiguration: ec2.SubnetConfiguration[] = [
      ...(publicSubnets ? [{ name: 'Public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: subnetGroupMask(layout, 'Public'), mapPublicIpOnLaunch: false }] : []),
      { name: 'Private', subnetType: privateType, cidrMask: subnetGroupMask(layout, 'Private') },
    ];

    // Construct id 'FlowLogGroup' is a contract.
    const flowLogGroup = new logs.LogGroup(this, 'FlowLogGroup', {
      retention: props.flowLogRetention ?? NETWORK_DEFAULTS.flowLogRetention,
      removalPolicy: props.removalPolicy ?? NETWORK_DEFAULTS.removalPolicy,
    });

    const flowLogRole = new ManagedPolicyRole(this, 'FlowLogRole', { assumedBy: new iam.ServicePrincipal('vpc-flow-logs.amazonaws.com') });
    // Construct id 'Vpc' is a contract.
    const vpc = new ec2.Vpc(this, 'Vpc', {
      ipAddresses: new FixedSlotIpAddresses(layout),
      maxAzs,
      natGateways,
      subnetConfiguration,
      restrictDefaultSecurityGroup: true,
      gatewayEndpoints: {
        S3: { service: ec2.GatewayVpcEndpointAwsService.S3 },
        DynamoDb: { service: ec2.GatewayVpcEndpointAwsService.DYNAMODB },
      },
      flowLogs: {
        FlowLog: {
          trafficType: ec2.FlowLogTrafficType.ALL,
          destination: ec2.FlowLogDestination.toCloudWatchLogs(flowLogGroup, flowLogRole),
        },
      },
    });

    for (const subnet of vpc.publicSubnets) {
      const route = subnet.node.tryFindChild('DefaultRoute');
      if (route) {
        acknowledgeRules(route, inCompliancePacks('VPCNoUnrestrictedRouteToIGW'),
          'Public subnet route to the internet gateway: the internet-facing load balancer and the NAT gateways need it; no '
          + 'compute runs in public subnets, and they assign no public IPs on launch.');
      }
    }

    this.vpc = vpc;
    this.natGatewayCount = natGateways;
    this.privateSubnets = { subnetType: privateType };

    for (const service of props.interfaceEndpoints ?? []) {
      const endpoint = vpc.addInterfaceEndpoint(`${service}Endpoint`, {
        service: ENDPOINT_SERVICES[service],
        subnets: this.privateSubnets,
        privateDnsEnabled: true,
        open: false,
      });
      // HTTPS from inside the VPC, with the CIDR written out so that security group rules can be reviewed.
      endpoint.connections.allowFrom(ec2.Peer.ipv4(NETWORK_DEFAULTS.cidr), ec2.Port.tcp(443), 'HTTPS from the VPC');
    }
  }
}

function subnetCidrLayoutFromContext(scope: Construct): SubnetCidrLayout {
  const value = scope.node.tryGetContext(SUBNET_CIDR_LAYOUT_CONTEXT);
  if (value === undefined) return SubnetCidrLayout.RESERVED_SLOTS;
  if (!Object.values(SubnetCidrLayout).includes(value)) {
    throw new Error(`context ${SUBNET_CIDR_LAYOUT_CONTEXT} must be one of ${Object.values(SubnetCidrLayout).join(', ')}, got ${JSON.stringify(value)}`);
  }
  return value;
}

function privateSubnetSelectionOf(vpc: ec2.IVpc): ec2.SubnetSelection {
  return vpc.privateSubnets.length > 0
    ? { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS }
    : { subnetType: ec2.SubnetType.PRIVATE_ISOLATED };
}
