import { ComplianceFramework, EnvironmentTier } from './enums';
import { AvailabilityRequirements, BudgetRequirements, TrafficRequirements } from './types';

/**
 * What one deployment environment changes in the application's requirements. Fields given
 * here replace the requirements' own; `tags` are merged over them, and `traffic` replaces the
 * traffic of the services it names.
 */
export interface RequirementsOverrides {
  /**
   * The environment tier of this deployment.
   * @default - the requirements' tier
   */
  readonly environment?: EnvironmentTier;
  /**
   * Availability and recovery objectives.
   * @default - the requirements' own
   */
  readonly availability?: AvailabilityRequirements;
  /**
   * Monthly budget of this environment.
   * @default - the requirements' own
   */
  readonly budget?: BudgetRequirements;
  /**
   * Compliance frameworks.
   * @default - the requirements' own
   */
  readonly compliance?: ComplianceFramework[];
  /**
   * Extra tags, merged over the requirements' tags.
   * @default - none
   */
  readonly tags?: { [key: string]: string };
  /**
   * Domain name of this environment.
   * @default - the requirements' own
   */
  readonly domainName?: string;
  /**
   * Traffic per service name, replacing that service's traffic.
   * @default - every service keeps its traffic
   */
  readonly traffic?: { [serviceName: string]: TrafficRequirements };
}
