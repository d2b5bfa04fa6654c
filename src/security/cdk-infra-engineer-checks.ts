import type { IPolicyValidationContext, IPolicyValidationPlugin, PolicyValidationPluginReport } from 'aws-cdk-lib';
import type { NagPack, NagPackProps } from 'cdk-nag';
import type { IConstruct } from 'constructs';

/** Properties of `CdkInfraEngineerChecks`. */
export interface CdkInfraEngineerChecksProps extends NagPackProps {
  /**
   * Check that stateful resources are retained on deletion and replacement (for
   * production stacks).
   * @default false
   */
  readonly production?: boolean;
}

/**
 * The rules the public packs do not cover and that teams running many stacks need, as a
 * CDK validation plugin over the construct tree: required tags (including the cost
 * allocation tag), stateful resources retained in production, no wildcard IAM actions, an
 * alarm on every compute and data resource, and no secret in plain text. Rule ids are
 * `CdkInfraEngineer-<Rule>`. (Stacks under a `SecurityPolicy` also get the template check,
 * which reads their final templates.)
 *
 * cdk-nag is loaded on the first validation, not when the package is required.
 */
export class CdkInfraEngineerChecks implements IPolicyValidationPlugin {
  /** Pack name (prefix of its rule ids). */
  public readonly name: string = 'CdkInfraEngineer';
  private pack?: NagPack;

  constructor(private readonly scope?: IConstruct, private readonly props?: CdkInfraEngineerChecksProps) {}

  /** Validates the app's construct tree (as a validation plugin). */
  public validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    return this.inner().validate(context);
  }

  /** Validates a construct tree (rules see the tree as it is now). */
  public validateScope(scope: IConstruct): PolicyValidationPluginReport {
    return this.inner().validateScope(scope);
  }

  private inner(): NagPack {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { CdkInfraEngineerPack } = require('./evaluation/cdk-infra-engineer-pack') as typeof import('./evaluation/cdk-infra-engineer-pack');
    return this.pack ??= new CdkInfraEngineerPack(this.scope, this.props);
  }
}
