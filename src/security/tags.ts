/**
 * The tags every taggable resource of an `ApplicationStack` carries, and that
 * `CdkInfraEngineerChecks` requires.
 */
export class RequiredTags {
  /** Team or person accountable for the resource. */
  public static readonly OWNER = 'owner';
  /** Application the resource belongs to. */
  public static readonly APPLICATION = 'application';
  /** Environment tier (development, staging, production). */
  public static readonly ENVIRONMENT = 'environment';
  /**
   * Cost allocation tag. Activate it in the Billing console so Cost Explorer groups spend
   * by it; the cost report reads actual spend per value of this tag.
   */
  public static readonly COST_ALLOCATION = 'cost-center';
  /** Every required tag key. */
  public static readonly ALL: string[] = [
    RequiredTags.OWNER, RequiredTags.APPLICATION, RequiredTags.ENVIRONMENT, RequiredTags.COST_ALLOCATION,
  ];

  private constructor() {}
}

/** The cost allocation tag key, for code that prefers a constant (`cost-center`). */
export const COST_ALLOCATION_TAG = RequiredTags.COST_ALLOCATION;
