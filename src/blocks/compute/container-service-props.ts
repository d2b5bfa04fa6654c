import { RemovalPolicy } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as s3 from 'aws-cdk-lib/aws-s3';

/** Properties for a `ContainerService`. */
export interface ContainerServiceProps {
  /** The VPC to run in (tasks in its private subnets, the ALB in its public subnets). */
  readonly vpc: ec2.IVpc;
  /**
   * The container image.
   * @default - the public Amazon ECS sample image (a placeholder)
   */
  readonly image?: ecs.ContainerImage;
  /**
   * Port the container listens on. Ignored for the placeholder image, which listens on 8080.
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
   * CPU architecture of the tasks.
   * @default ecs.CpuArchitecture.X86_64 (public images are mostly x86 only)
   */
  readonly cpuArchitecture?: ecs.CpuArchitecture;
  /**
   * Tasks to run initially.
   * @default 2
   */
  readonly desiredCount?: number;
  /**
   * Minimum task count for auto scaling.
   * @default - desiredCount
   */
  readonly minCapacity?: number;
  /**
   * Maximum task count for auto scaling.
   * @default - 2 x minCapacity
   */
  readonly maxCapacity?: number;
  /**
   * Target ALB requests per task per minute (ALBRequestCountPerTarget target tracking).
   * @default 500
   */
  readonly targetRequestsPerTask?: number;
  /**
   * Target average CPU utilization (percent).
   * @default 70
   */
  readonly targetCpuUtilizationPercent?: number;
  /**
   * Target group health check path.
   * @default '/'
   */
  readonly healthCheckPath?: string;
  /**
   * Container environment variables.
   * @default - none
   */
  readonly environment?: { [key: string]: string };
  /**
   * Whether the container's root filesystem is read-only. A writable `/tmp` volume is
   * mounted when it is.
   * @default - true for a given image; false for the placeholder image, whose nginx
   * entrypoint edits its configuration
   */
  readonly readonlyRootFilesystem?: boolean;
  /**
   * User the container runs as (`name`, `uid`, `name:group` or `uid:gid`), as Docker's USER.
   * @default - '101:101' (nginx) for the placeholder image; the image's own USER for a given image
   */
  readonly user?: string;
  /**
   * Host name served over HTTPS (for example `app.example.com`), with an alias record in
   * `hostedZone`. Needs `hostedZone`; the certificate is `certificate` or, without it, a
   * DNS-validated ACM certificate created for this name.
   * @default - no custom domain: HTTP on the load balancer's AWS name, unless `certificate` is given
   */
  readonly domainName?: string;
  /**
   * Hosted zone of `domainName` (for example `route53.HostedZone.fromHostedZoneAttributes(...)`:
   * no lookup, so synth needs no credentials).
   * @default - none
   */
  readonly hostedZone?: route53.IHostedZone;
  /**
   * Issuer whose JSON Web Tokens the HTTPS listener verifies before forwarding (ALB JWT
   * verification); requests without a valid token get 401. Needs HTTPS and `jwksEndpoint`.
   * @default - no token verification at the load balancer
   */
  readonly jwtIssuer?: string;
  /**
   * JWKS endpoint of `jwtIssuer` (for example `https://issuer.example.com/.well-known/jwks.json`).
   * @default - none
   */
  readonly jwksEndpoint?: string;
  /**
   * Run in this cluster instead of creating one.
   * @default - a new cluster with container insights
   */
  readonly existingCluster?: ecs.ICluster;
  /**
   * Certificate for the HTTPS listener (TLS 1.3 and 1.2 policy); HTTP then redirects to HTTPS.
   * @default - a DNS-validated certificate when `domainName` is given, else HTTP only
   */
  readonly certificate?: acm.ICertificate;
  /**
   * Whether the load balancer is internet-facing (needs public subnets).
   * @default true
   */
  readonly publicLoadBalancer?: boolean;
  /**
   * Bucket for ALB access logs.
   * @default - no ALB access logs
   */
  readonly accessLogBucket?: s3.IBucket;
  /**
   * Retention of the container log group.
   * @default logs.RetentionDays.ONE_YEAR
   */
  readonly logRetention?: logs.RetentionDays;
  /**
   * Removal policy of the container log group.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}
