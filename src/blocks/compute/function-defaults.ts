import { Annotations, Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ManagedPolicyRole } from '../iam/managed-policy-role';

/**
 * Lambda props shared by every function-based compute block
 * (`FunctionService`, `QueueWorker`, `ScheduledJob`).
 */
export interface BlockFunctionProps {
  /**
   * The function code.
   * @default - placeholder inline code returning a 200 JSON body that says it is a placeholder
   */
  readonly code?: lambda.Code;
  /**
   * The handler, `file.export`.
   * @default 'index.handler'
   */
  readonly handler?: string;
  /**
   * The runtime.
   * @default - the latest Node.js runtime aws-cdk-lib knows (nodejs24.x with aws-cdk-lib 2.258)
   */
  readonly runtime?: lambda.Runtime;
  /**
   * The instruction set architecture.
   * @default lambda.Architecture.ARM_64
   */
  readonly architecture?: lambda.Architecture;
  /**
   * Memory in MiB.
   * @default 512
   */
  readonly memorySize?: number;
  /**
   * Function timeout.
   * @default - 10 seconds for FunctionService, 30 seconds for QueueWorker, 5 minutes for ScheduledJob
   */
  readonly timeout?: Duration;
  /**
   * Environment variables.
   * @default - none
   */
  readonly environment?: { [key: string]: string };
  /**
   * VPC to run the function in.
   * @default - not in a VPC
   */
  readonly vpc?: ec2.IVpc;
  /**
   * Subnets to run the function in (only with `vpc`).
   * @default - the VPC's private subnets
   */
  readonly vpcSubnets?: ec2.SubnetSelection;
  /**
   * Reserved concurrent executions.
   * @default - no reservation (account unreserved pool)
   */
  readonly reservedConcurrentExecutions?: number;
  /**
   * Retention of the function's log group.
   * @default logs.RetentionDays.ONE_YEAR
   */
  readonly logRetention?: logs.RetentionDays;
  /**
   * Removal policy of the stateful resources this block creates (log groups, queues).
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * Use this function instead of creating one. The code, runtime, memory and log props
   * are then ignored. Import it with `lambda.Function.fromFunctionAttributes(...,
   * { sameEnvironment: true })` so invoke permissions can be added to it.
   * @default - a new function is created
   */
  readonly existingFunction?: lambda.IFunction;
}

/**
 * Lambda secure defaults. Rule: user props win, except these which are always on:
 * X-Ray tracing ACTIVE, an explicit log group with retention, a dead-letter queue for
 * failed asynchronous invocations, and a role of its own whose permissions sit in customer
 * managed policies (no AWS managed policy, no inline policy).
 */
const LAMBDA_DEFAULTS = {
  runtime: latestNodejsRuntime(),
  architecture: lambda.Architecture.ARM_64,
  handler: 'index.handler',
  memorySize: 512,
  logRetention: logs.RetentionDays.ONE_YEAR,
  removalPolicy: RemovalPolicy.RETAIN,
};

const PLACEHOLDER_MESSAGE = 'Placeholder function created by cdk-infra-engineer: deploy your own code to replace it.';

/** Per-block defaults passed to `createBlockFunction`. */
export interface BlockFunctionDefaults {
  /** Timeout when the user gives none. */
  readonly timeout: Duration;
  /**
   * Extra fields the placeholder handler returns (JavaScript object literal body).
   * @default - none
   */
  readonly placeholderExtraFields?: string;
  /**
   * Where failed asynchronous invocations go.
   * @default - none
   */
  readonly deadLetterQueue?: sqs.IQueue;
}

/** Whether the block runs placeholder code (no code and no existing function given). */
export function usesPlaceholderCode(props: BlockFunctionProps): boolean {
  return props.code === undefined && props.existingFunction === undefined;
}

/**
 * Returns the existing function, or creates one with the Lambda defaults.
 * Construct ids (contract): 'Function', 'LogGroup', 'ServiceRole'.
 */
export function createBlockFunction(scope: Construct, props: BlockFunctionProps, defaults: BlockFunctionDefaults): lambda.IFunction {
  if (props.existingFunction) {
    return props.existingFunction;
  }
  const logGroup = new logs.LogGroup(scope, 'LogGroup', {
    retention: props.logRetention ?? LAMBDA_DEFAULTS.logRetention,
    removalPolicy: props.removalPolicy ?? LAMBDA_DEFAULTS.removalPolicy,
  });
  const placeholder = usesPlaceholderCode(props);
  const role = new ManagedPolicyRole(scope, 'ServiceRole', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
  logGroup.grantWrite(role);
  if (props.vpc) {
    // What AWSLambdaVPCAccessExecutionRole grants, without the AWS managed policy.
    role.addToPrincipalPolicy(new iam.PolicyStatement({
      actions: ['ec2:CreateNetworkInterface', 'ec2:DescribeNetworkInterfaces', 'ec2:DescribeSubnets', 'ec2:DeleteNetworkInterface',
        'ec2:AssignPrivateIpAddresses', 'ec2:UnassignPrivateIpAddresses'],
      resources: ['*'],
    }));
  }
  return new lambda.Function(scope, 'Function', {
    role,
    deadLetterQueue: defaults.deadLetterQueue,
    code: props.code ?? placeholderCode(defaults.placeholderExtraFields),
    handler: placeholder ? LAMBDA_DEFAULTS.handler : props.handler ?? LAMBDA_DEFAULTS.handler,
    runtime: placeholder ? LAMBDA_DEFAULTS.runtime : props.runtime ?? LAMBDA_DEFAULTS.runtime,
    architecture: props.architecture ?? LAMBDA_DEFAULTS.architecture,
    memorySize: props.memorySize ?? LAMBDA_DEFAULTS.memorySize,
    timeout: props.timeout ?? defaults.timeout,
    environment: props.environment,
    vpc: props.vpc,
    vpcSubnets: props.vpc ? props.vpcSubnets : undefined,
    reservedConcurrentExecutions: props.reservedConcurrentExecutions,
    tracing: lambda.Tracing.ACTIVE,
    logGroup,
  });
}

/** `connections` of a function, or undefined when it is not in a VPC. */
export function functionConnections(fn: lambda.IFunction): ec2.Connections | undefined {
  return fn.isBoundToVpc ? fn.connections : undefined;
}

/**
 * Adds an environment variable. An imported function cannot be changed: a warning is
 * added instead, so the stack still synthesizes and the gap is visible.
 */
export function addFunctionEnvironment(fn: lambda.IFunction, key: string, value: string): void {
  if (fn instanceof lambda.Function) {
    fn.addEnvironment(key, value);
  } else {
    Annotations.of(fn).addWarningV2('cdk-infra-engineer:existingFunctionEnvironment',
      `Cannot set environment variable ${key} on an existing function; set it where the function is defined.`);
  }
}

/** The Node.js runtime with the highest version aws-cdk-lib knows (what the packs call the latest). */
function latestNodejsRuntime(): lambda.Runtime {
  const version = (r: lambda.Runtime) => Number(/^nodejs(\d+)/.exec(r.name)?.[1] ?? -1);
  return lambda.Runtime.ALL.filter((r) => version(r) >= 0).reduce((a, b) => (version(b) > version(a) ? b : a));
}

function placeholderCode(extraFields?: string): lambda.Code {
  const extra = extraFields ? `, ${extraFields}` : '';
  return lambda.Code.fromInline([
    'exports.handler = async () => ({',
    '  statusCode: 200,',
    "  headers: { 'content-type': 'application/json' },",
    `  body: JSON.stringify({ placeholder: true, message: ${JSON.stringify(PLACEHOLDER_MESSAGE)} })${extra},`,
    '});',
  ].join('\n'));
}
