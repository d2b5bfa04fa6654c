import { RemovalPolicy } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as logs from 'aws-cdk-lib/aws-logs';
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
   * @default - true for a given image; false for the placeholder image, whose Apache
   * server writes its pid and logs under /run and /var/log
   */
  readonly readonlyRootFilesystem?: boolean;
  /**
   * Run in this cluster instead of creating one.
   * @default - a new cluster with container insights
   */
  readonly existingCluster?: ecs.ICluster;
  /**
   * Certificate for an HTTPS listener; HTTP then redirects to HTTPS.
   * @default - HTTP only
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
