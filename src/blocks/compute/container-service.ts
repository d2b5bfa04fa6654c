import { RemovalPolicy } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as ecsPatterns from 'aws-cdk-lib/aws-ecs-patterns';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { ContainerServiceProps } from './container-service-props';
import { acknowledgeRules, inCompliancePacks } from '../acknowledge';
import { IComputeBlock } from '../contracts';
import { ManagedPolicyRole } from '../iam/managed-policy-role';

/** Public image used when no image is given: nginx as its unprivileged user, on port 8080. */
const PLACEHOLDER = { image: 'public.ecr.aws/nginx/nginx-unprivileged:stable-alpine', port: 8080, user: '101:101' };

/**
 * Secure defaults. Rule: user props win, except these which are always on: deployment
 * circuit breaker with rollback, tasks in private subnets without public IPs, container
 * insights on a created cluster, awslogs to a log group with retention, and the ALB
 * dropping invalid header fields.
 */
const CONTAINER_SERVICE_DEFAULTS = {
  containerPort: 80,
  cpu: 256,
  memoryLimitMiB: 512,
  // Public images are mostly x86 only.
  cpuArchitecture: ecs.CpuArchitecture.X86_64,
  desiredCount: 2,
  targetRequestsPerTask: 500,
  targetCpuUtilizationPercent: 70,
  healthCheckPath: '/',
  logRetention: logs.RetentionDays.ONE_YEAR,
  removalPolicy: RemovalPolicy.RETAIN,
};

/**
 * A Fargate service behind an Application Load Balancer, auto scaled on requests and CPU.
 *
 * Construct ids (contract): 'Cluster', 'LogGroup', 'TaskDefinition', 'TaskRole', 'ExecutionRole', 'Service',
 * 'Certificate'.
 */
export class ContainerService extends Construct implements IComputeBlock {
  /** The Fargate service. */
  public readonly service: ecs.FargateService;
  /** The load balancer. */
  public readonly loadBalancer: elbv2.ApplicationLoadBalancer;
  /** The target group of the service. */
  public readonly targetGroup: elbv2.ApplicationTargetGroup;
  /** The task definition. */
  public readonly taskDefinition: ecs.FargateTaskDefinition;
  /** The application container. */
  public readonly container: ecs.ContainerDefinition;
  /** The service URL: `https://` + the custom domain, or `http(s)://` + the ALB DNS name. */
  public readonly url: string;
  /** True when the service runs the placeholder sample image. */
  public readonly usesPlaceholder: boolean;
  /** The principal to grant data access to (the task role). */
  public readonly grantPrincipal: iam.IPrincipal;
  /**
   * Network connections of the tasks (always set; optional only because
   * `IComputeBlock.connections` is, and jsii forbids changing optionality).
   */
  public readonly connections?: ec2.Connections;

  constructor(scope: Construct, id: string, props: ContainerServiceProps) {
    super(scope, id);
    const d = CONTAINER_SERVICE_DEFAULTS;
    this.usesPlaceholder = props.image === undefined;

    const cluster = props.existingCluster ?? new ecs.Cluster(this, 'Cluster', {
      vpc: props.vpc,
      containerInsightsV2: ecs.ContainerInsights.ENABLED,
    });

    const logGroup = new logs.LogGroup(this, 'LogGroup', {
      retention: props.logRetention ?? d.logRetention,
      removalPolicy: props.removalPolicy ?? d.removalPolicy,
    });

    const ecsTasks = new iam.ServicePrincipal('ecs-tasks.amazonaws.com');
    this.taskDefinition = new ecs.FargateTaskDefinition(this, 'TaskDefinition', {
      taskRole: new ManagedPolicyRole(this, 'TaskRole', { assumedBy: ecsTasks }),
      executionRole: new ManagedPolicyRole(this, 'ExecutionRole', { assumedBy: ecsTasks }),
      cpu: props.cpu ?? d.cpu,
      memoryLimitMiB: props.memoryLimitMiB ?? d.memoryLimitMiB,
      runtimePlatform: {
        cpuArchitecture: props.cpuArchitecture ?? d.cpuArchitecture,
        operatingSystemFamily: ecs.OperatingSystemFamily.LINUX,
      },
    });
    // The placeholder's entrypoint edits its nginx configuration, so its root filesystem
    // cannot be read-only; user images default to read-only.
    const readonlyRoot = props.readonlyRootFilesystem ?? !this.usesPlaceholder;
    this.container = this.taskDefinition.addContainer('App', {
      image: props.image ?? ecs.ContainerImage.fromRegistry(PLACEHOLDER.image),
      portMappings: [{ containerPort: this.usesPlaceholder ? PLACEHOLDER.port : props.containerPort ?? d.containerPort }],
      logging: ecs.LogDrivers.awsLogs({ logGroup, streamPrefix: 'app' }),
      environment: props.environment,
      readonlyRootFilesystem: readonlyRoot,
      user: props.user ?? (this.usesPlaceholder ? PLACEHOLDER.user : undefined),
    });
    if (readonlyRoot) {
      this.taskDefinition.addVolume({ name: 'tmp' });
      this.container.addMountPoints({ sourceVolume: 'tmp', containerPath: '/tmp', readOnly: false });
    }
    acknowledgeRules(this.taskDefinition, ['AwsSolutions-ECS2'],
      'The container environment holds locators only (table names, queue URLs, endpoints, secret ARNs), never secret values: '
      + 'the code reads secrets from Secrets Manager, and the CdkInfraEngineer-NoPlaintextSecrets rule checks every variable.');

    if ((props.domainName === undefined) !== (props.hostedZone === undefined)) {
      throw new Error(`${this.node.path}: domainName and hostedZone go together (the alias record is created in the zone)`);
    }
    const certificate = props.certificate ?? (props.domainName && props.hostedZone
      ? new acm.Certificate(this, 'Certificate', { domainName: props.domainName, validation: acm.CertificateValidation.fromDns(props.hostedZone) })
      : undefined);
    const https = certificate !== undefined;
    if (props.jwtIssuer !== undefined && (!https || props.jwksEndpoint === undefined)) {
      throw new Error(`${this.node.path}: jwtIssuer needs an HTTPS listener (domainName or certificate) and jwksEndpoint`);
    }
    const pattern = new ecsPatterns.ApplicationLoadBalancedFargateService(this, 'Service', {
      cluster,
      taskDefinition: this.taskDefinition,
      desiredCount: props.desiredCount ?? d.desiredCount,
      // Deployments start new tasks before stopping old ones, so capacity never drops below the desired count.
      minHealthyPercent: 100,
      maxHealthyPercent: 200,
      domainName: props.domainName,
      domainZone: props.hostedZone,
      taskSubnets: props.vpc.privateSubnets.length > 0
        ? { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS }
        : { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
      assignPublicIp: false,
      circuitBreaker: { enable: true, rollback: true },
      publicLoadBalancer: props.publicLoadBalancer ?? true,
      certificate,
      protocol: https ? elbv2.ApplicationProtocol.HTTPS : elbv2.ApplicationProtocol.HTTP,
      redirectHTTP: https,
      sslPolicy: https ? elbv2.SslPolicy.RECOMMENDED_TLS : undefined,
    });
    // The pattern adds two outputs without descriptions; the caller decides what to output.
    pattern.node.tryRemoveChild('LoadBalancerDNS');
    pattern.node.tryRemoveChild('ServiceURL');
    this.service = pattern.service;
    this.loadBalancer = pattern.loadBalancer;
    this.targetGroup = pattern.targetGroup;
    this.loadBalancer.setAttribute('routing.http.drop_invalid_header_fields.enabled', 'true');
    if (props.jwtIssuer !== undefined && props.jwksEndpoint !== undefined) {
      pattern.listener.addAction('VerifyJwt', {
        action: elbv2.ListenerAction.authenticateJwt({
          issuer: props.jwtIssuer, jwksEndpoint: props.jwksEndpoint, next: elbv2.ListenerAction.forward([this.targetGroup]),
        }),
      });
    }
    if (props.publicLoadBalancer ?? true) {
      acknowledgeRules(this.loadBalancer.connections.securityGroups[0], ['AwsSolutions-EC23'],
        'Internet-facing load balancer of a public service: it must accept connections from any address on its listener ports; '
        + 'the tasks behind it accept traffic from this load balancer only.');
    }
    if (https && pattern.redirectListener) {
      acknowledgeRules(pattern.redirectListener, inCompliancePacks('ELBv2ACMCertificateRequired'),
        'This port 80 listener only answers with a permanent redirect to HTTPS on 443; it forwards nothing, so no content or '
        + 'credential ever crosses it unencrypted and it needs no certificate.');
    }
    if (!https) {
      acknowledgeRules(pattern.listener, [...inCompliancePacks('ELBv2ACMCertificateRequired'), ...inCompliancePacks('ALBHttpToHttpsRedirection')],
        'No certificate was given, so the load balancer serves HTTP on its AWS-provided DNS name, for which ACM cannot issue a '
        + 'certificate; pass `certificate` (with a domain) to serve HTTPS and redirect HTTP to it.');
    }
    if (props.accessLogBucket) {
      this.loadBalancer.logAccessLogs(props.accessLogBucket);
    }
    this.targetGroup.configureHealthCheck({ path: props.healthCheckPath ?? d.healthCheckPath });

    const minCapacity = props.minCapacity ?? props.desiredCount ?? d.desiredCount;
    const scaling = this.service.autoScaleTaskCount({
      minCapacity,
      maxCapacity: props.maxCapacity ?? minCapacity * 2,
    });
    scaling.scaleOnRequestCount('RequestScaling', {
      requestsPerTarget: props.targetRequestsPerTask ?? d.targetRequestsPerTask,
      targetGroup: this.targetGroup,
    });
    scaling.scaleOnCpuUtilization('CpuScaling', {
      targetUtilizationPercent: props.targetCpuUtilizationPercent ?? d.targetCpuUtilizationPercent,
    });

    this.url = `${https ? 'https' : 'http'}://${props.domainName ?? this.loadBalancer.loadBalancerDnsName}`;
    this.grantPrincipal = this.taskDefinition.taskRole;
    this.connections = this.service.connections;
  }

  /** Add an environment variable to the application container. */
  public addEnvironment(key: string, value: string): void {
    this.container.addEnvironment(key, value);
  }
}
