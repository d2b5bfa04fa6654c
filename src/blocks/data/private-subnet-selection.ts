import * as ec2 from 'aws-cdk-lib/aws-ec2';

/**
 * Subnets for a data store inside a VPC: the caller's selection when given, otherwise the
 * private subnets with egress, otherwise the isolated ones. Never falls back to public
 * subnets (unlike the VPC's own default selection).
 *
 * Internal to the data blocks; not exported from the package.
 */
export function privateSubnetSelection(vpc: ec2.IVpc, vpcSubnets?: ec2.SubnetSelection): ec2.SubnetSelection {
  if (vpcSubnets) return vpcSubnets;
  if (vpc.privateSubnets.length > 0) return { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS };
  if (vpc.isolatedSubnets.length > 0) return { subnetType: ec2.SubnetType.PRIVATE_ISOLATED };
  throw new Error('A data store needs private or isolated subnets: the VPC has neither; pass vpcSubnets to choose subnets explicitly.');
}
