import { CfnResource, PolicyValidationPluginReport } from 'aws-cdk-lib';
import { NagMessageLevel, NagPack } from 'cdk-nag';
import { IConstruct } from 'constructs';
import type { CdkInfraEngineerChecksProps } from '../cdk-infra-engineer-checks';
import {
  ComputeAndDataAlarmed, IAMNoWildcardActions, NoPlaintextSecrets, RequiredTagsPresent, resetStackIndexes,
  StatefulResourceRetained,
} from '../rules';
import { RequiredTags } from '../tags';


/**
 * The cdk-nag pack behind `CdkInfraEngineerChecks` (loaded only when a stack is checked).
 * The rules the public packs do not cover and that teams running many stacks need:
 * required tags (including the cost allocation tag), stateful resources retained in
 * production, no wildcard IAM actions, an alarm on every compute and data resource, and no
 * secret in plain text. Rule ids are `CdkInfraEngineer-<Rule>`.
 */
export class CdkInfraEngineerPack extends NagPack {
  /** Pack name (prefix of its rule ids). */
  public readonly name: string = 'CdkInfraEngineer';
  private readonly production: boolean;

  constructor(scope?: IConstruct, props?: CdkInfraEngineerChecksProps) {
    super(scope, props);
    this.packName = 'CdkInfraEngineer';
    this.production = props?.production ?? false;
  }

  /** Validates a construct tree (rules see the tree as it is now). */
  public validateScope(scope: IConstruct): PolicyValidationPluginReport {
    this.prepareRun();
    return super.validateScope(scope);
  }

  /** Forgets the stack indexes of an earlier run: rules see the tree as it is now. */
  public prepareRun(): void {
    resetStackIndexes();
  }

  protected checkResource(node: CfnResource): void {
    this.applyRule({
      info: 'The resource is missing one of the required tags.',
      explanation: `Tag every resource with ${RequiredTags.ALL.join(', ')}: owners get paged and billed, and Cost Explorer `
        + `groups spend by '${RequiredTags.COST_ALLOCATION}'. Set requirements.tags, or Tags.of(resource).add(key, value).`,
      level: NagMessageLevel.ERROR,
      rule: RequiredTagsPresent,
      node,
    });
    if (this.production) {
      this.applyRule({
        info: 'The stateful resource is not retained when the stack is deleted or the resource replaced.',
        explanation: 'In production, data must survive a stack deletion or replacement: apply RemovalPolicy.RETAIN '
          + '(or SNAPSHOT for databases and caches) to the resource.',
        level: NagMessageLevel.ERROR,
        rule: StatefulResourceRetained,
        node,
      });
    }
    this.applyRule({
      info: 'The IAM policy allows a wildcard action.',
      explanation: 'Grant the exact actions the code calls (s3:GetObject, not s3:Get*): wildcard actions silently grow '
        + 'when AWS adds actions to the service.',
      level: NagMessageLevel.ERROR,
      rule: IAMNoWildcardActions,
      node,
    });
    this.applyRule({
      info: 'The compute or data resource has no CloudWatch alarm.',
      explanation: 'Add an alarm on its failure signal (errors, throttles, backlog, capacity) routed to the alarm topic, '
        + 'for example with Observability.monitorFunction/monitorQueue/monitorTable.',
      level: NagMessageLevel.ERROR,
      rule: ComputeAndDataAlarmed,
      node,
    });
    this.applyRule({
      info: 'A secret appears in plain text in the template.',
      explanation: 'Store the value in Secrets Manager and pass a reference: the secret ARN in an environment variable, '
        + 'ecs.Secret.fromSecretsManager for containers, or SecretValue.secretsManager for properties.',
      level: NagMessageLevel.ERROR,
      rule: NoPlaintextSecrets,
      node,
    });
  }
}
