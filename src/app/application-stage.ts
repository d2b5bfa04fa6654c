import { Stage, StageProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { ApplicationRequirements } from '../requirements';
import { ApplicationStack } from './application-stack';

/** Properties of an ApplicationStage. */
export interface ApplicationStageProps extends StageProps {
  /** What the application needs. */
  readonly requirements: ApplicationRequirements;
  /**
   * Name of the CloudFormation stack.
   * @default - `<requirements.name>-<environment>`
   */
  readonly stackName?: string;
}

/**
 * A Stage holding one ApplicationStack, so the application drops into a CDK Pipelines
 * pipeline (`pipeline.addStage(new ApplicationStage(...))`).
 */
export class ApplicationStage extends Stage {
  /** The application stack in this stage. */
  public readonly stack: ApplicationStack;

  constructor(scope: Construct, id: string, props: ApplicationStageProps) {
    super(scope, id, props);
    this.stack = new ApplicationStack(this, 'Application', {
      requirements: props.requirements,
      stackName: props.stackName ?? `${props.requirements.name}-${props.requirements.environment}`,
    });
  }
}
