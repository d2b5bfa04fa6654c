/**
 * CDK context keys the blocks read (set them in `cdk.json` under `context`). Each fixes
 * something a deployed stack must keep; choose it before the first deploy.
 */
export class BlockContextKeys {
  /**
   * `SubnetCidrLayout` of every `NetworkBlock` without the prop: `PRIVATE_FIRST` for a VPC an
   * earlier release deployed without public subnets.
   */
  public static readonly SUBNET_CIDR_LAYOUT = 'cdk-infra-engineer:subnetCidrLayout';
  /** Admin user name of every `RelationalDatabase` without the prop (default 'postgres'). */
  public static readonly DATABASE_ADMIN_USERNAME = 'cdk-infra-engineer:databaseAdminUsername';

  private constructor() {}
}
