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
   * @default - a placeholder image (nginx as its unprivileged user) that answers on port 8080
   */
  readonly image?: ecs.ContainerImage;
  /**
   * Port the container listens on. Ignored for the placeholder image, which listens on 8080.
   * @default 80
   */
  readonly containerPort?: number;
  /**
   * User the container runs as (`name`, `uid`, `name:group` or `uid:gid`), as Docker's USER.
   * @default - '101:101' (nginx) for the placeholder image; the image's own USER for a given image
   */
  readonly user?: string;
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

/** Public image used when no image is given: nginx as its unprivileged user, on port 8080. */
const PLACEHOLDER = { image: 'public.ecr.aws/nginx/nginx-unprivileged:stable-alpine', port: 8080, user: '101:101' };

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
    const placeholder = props.image === undefined;
    this.port = placeholder ? PLACEHOLDER.port : props.containerPort ?? 80;
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
    this.container = this.taskDefinition.addContainer('App', {
      image: props.image ?? ecs.ContainerImage.fromRegistry(PLACEHOLDER.image),
      user: props.user ?? (placeholder ? PLACEHOLDER.user : undefined),
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
      // Deployments start new tasks before stopping old ones: callers never lose capacity.
      minHealthyPercent: 100,
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
