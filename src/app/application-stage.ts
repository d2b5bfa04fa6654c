import { Stage, StageProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { ApplicationRequirements, Requirements, RequirementsOverrides } from '../requirements';
import { SecurityPolicy } from '../security';
import { ApplicationStack } from './application-stack';

/** Properties of an ApplicationStage. */
export interface ApplicationStageProps extends StageProps {
  /** What the application needs. */
  readonly requirements: ApplicationRequirements;
  /**
   * What this environment changes: tier, availability, budget, tags, traffic.
   * @default - the requirements as they are
   */
  readonly overrides?: RequirementsOverrides;
  /**
   * Name of the CloudFormation stack.
   * @default - `<requirements.name>-<environment>`
   */
  readonly stackName?: string;
  /**
   * The security policy of this environment's stack.
   * @default - `SecurityPolicy.fromRequirements(requirements)` with the overrides applied
   */
  readonly securityPolicy?: SecurityPolicy;
}

/**
 * One deployment environment of the application: a Stage holding its ApplicationStack, with
 * its own account, region and tier (`env` and `overrides`), so the application drops into a
 * CDK Pipelines pipeline (`pipeline.addStage(new ApplicationStage(...))`).
 */
export class ApplicationStage extends Stage {
  /** The application stack in this stage. */
  public readonly stack: ApplicationStack;

  constructor(scope: Construct, id: string, props: ApplicationStageProps) {
    super(scope, id, props);
    const requirements = props.overrides ? Requirements.withOverrides(props.requirements, props.overrides) : props.requirements;
    this.stack = new ApplicationStack(this, 'Application', {
      requirements,
      stackName: props.stackName ?? `${requirements.name}-${requirements.environment}`,
      securityPolicy: props.securityPolicy,
    });
  }
}
