import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as servicediscovery from 'aws-cdk-lib/aws-servicediscovery';
import { Construct } from 'constructs';
import { acknowledgeRules } from '../acknowledge';
import { IComputeBlock } from '../contracts';
import { ManagedPolicyRole } from '../iam/managed-policy-role';

/** Properties of a BackendContainerService. */
export interface BackendContainerServiceProps {
  /** The VPC; tasks run in its private subnets. */
  readonly vpc: ec2.IVpc;
  /**
   * The container image.
   * @default - a placeholder image (nginx) that answers on port 80
   */
  readonly image?: ecs.ContainerImage;
  /**
   * Port the container listens on.
   * @default 80
   */
  readonly containerPort?: number;
  /**
   * Task CPU units.
   * @default 256
   */
  readonly cpu?: number;
  /**
   * Task memory in MiB.
   * @default 512
   */
  readonly memoryLimitMiB?: number;
  /**
   * Tasks to run.
   * @default 2
   */
  readonly desiredCount?: number;
  /**
   * Fewest tasks autoscaling keeps.
   * @default - desiredCount
   */
  readonly minCapacity?: number;
  /**
   * Most tasks autoscaling adds.
   * @default - twice minCapacity
   */
  readonly maxCapacity?: number;
  /**
   * Retention of the container logs.
   * @default logs.RetentionDays.ONE_YEAR
   */
  readonly logRetention?: logs.RetentionDays;
  /**
   * Removal policy of the log group.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

const PLACEHOLDER_IMAGE = 'public.ecr.aws/nginx/nginx:stable';

/**
 * Fargate tasks only other services call: no load balancer and no public address. Callers in
 * the VPC reach it by its Cloud Map name (`url`), in a private DNS namespace of its own that
 * ECS Service Connect can also use; `allowCallsFrom` opens its port to one caller.
 */
export class BackendContainerService extends Construct implements IComputeBlock {
  public readonly service: ecs.FargateService;
  public readonly taskDefinition: ecs.FargateTaskDefinition;
  /** `http://<id>.<id>.internal:<port>`. */
  public readonly url: string;
  public readonly grantPrincipal: iam.IPrincipal;
  /**
   * Network connections of the tasks (always set).
   */
  public readonly connections?: ec2.Connections;
  private readonly container: ecs.ContainerDefinition;
  private readonly port: number;

  constructor(scope: Construct, id: string, props: BackendContainerServiceProps) {
    super(scope, id);
    this.port = props.containerPort ?? 80;
    const namespaceName = `${id}.internal`;
    const cluster = new ecs.Cluster(this, 'Cluster', {
      vpc: props.vpc,
      containerInsightsV2: ecs.ContainerInsights.ENABLED,
      defaultCloudMapNamespace: { name: namespaceName, type: servicediscovery.NamespaceType.DNS_PRIVATE, vpc: props.vpc, useForServiceConnect: true },
    });
    const logGroup = new logs.LogGroup(this, 'LogGroup', {
      retention: props.logRetention ?? logs.RetentionDays.ONE_YEAR,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
    });
    const ecsTasks = new iam.ServicePrincipal('ecs-tasks.amazonaws.com');
    this.taskDefinition = new ecs.FargateTaskDefinition(this, 'TaskDefinition', {
      taskRole: new ManagedPolicyRole(this, 'TaskRole', { assumedBy: ecsTasks }),
      executionRole: new ManagedPolicyRole(this, 'ExecutionRole', { assumedBy: ecsTasks }),
      cpu: props.cpu ?? 256,
      memoryLimitMiB: props.memoryLimitMiB ?? 512,
    });
    const placeholder = props.image === undefined;
    this.container = this.taskDefinition.addContainer('App', {
      image: props.image ?? ecs.ContainerImage.fromRegistry(PLACEHOLDER_IMAGE),
      portMappings: [{ containerPort: this.port, name: 'http' }],
      logging: ecs.LogDrivers.awsLogs({ logGroup, streamPrefix: 'app' }),
      readonlyRootFilesystem: !placeholder,
    });
    acknowledgeRules(this.taskDefinition, ['AwsSolutions-ECS2'],
      'The container environment holds locators only (table names, queue URLs, endpoints, secret ARNs), never secret values.');
    this.service = new ecs.FargateService(this, 'Service', {
      cluster,
      taskDefinition: this.taskDefinition,
      desiredCount: props.desiredCount ?? 2,
      vpcSubnets: { subnetType: props.vpc.privateSubnets.length > 0 ? ec2.SubnetType.PRIVATE_WITH_EGRESS : ec2.SubnetType.PRIVATE_ISOLATED },
      assignPublicIp: false,
      circuitBreaker: { enable: true, rollback: true },
      cloudMapOptions: { name: id, dnsRecordType: servicediscovery.DnsRecordType.A, dnsTtl: Duration.seconds(10) },
    });
    const minCapacity = props.minCapacity ?? props.desiredCount ?? 2;
    this.service.autoScaleTaskCount({ minCapacity, maxCapacity: props.maxCapacity ?? minCapacity * 2 })
      .scaleOnCpuUtilization('CpuScaling', { targetUtilizationPercent: 60 });
    this.url = `http://${id}.${namespaceName}:${this.port}`;
    this.grantPrincipal = this.taskDefinition.taskRole;
    this.connections = this.service.connections;
  }

  /** Opens the service port to one caller. */
  public allowCallsFrom(caller: ec2.IConnectable): void {
    this.service.connections.allowFrom(caller, ec2.Port.tcp(this.port), 'calls from a service of the application');
  }

  public addEnvironment(key: string, value: string): void {
    this.container.addEnvironment(key, value);
  }
}
