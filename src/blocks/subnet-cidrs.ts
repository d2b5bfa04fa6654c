import * as ec2 from 'aws-cdk-lib/aws-ec2';

/**
 * Where a VPC's subnets sit in its 10.0.0.0/16. A subnet's CIDR can never change once
 * deployed (CloudFormation replaces the subnet, and a database inside it blocks that), so
 * each layout gives every subnet group a fixed slot whether or not the other groups exist.
 */
export enum SubnetCidrLayout {
  /**
   * Public /24 subnets at 10.0.0.0/24, 10.0.1.0/24, ... and private /22 subnets at
   * 10.0.4.0/22, 10.0.8.0/22, ..., whether or not public subnets exist. The layout of
   * every VPC with public subnets created by earlier releases, and of every new VPC.
   */
  RESERVED_SLOTS = 'RESERVED_SLOTS',
  /**
   * Private /22 subnets at 10.0.0.0/22, 10.0.4.0/22, ... and public /24 subnets, when they
   * are added later, at 10.0.64.0/24, 10.0.65.0/24, ... The layout earlier releases gave a
   * VPC with no public subnets (no NAT): a VPC deployed that way must keep it.
   */
  PRIVATE_FIRST = 'PRIVATE_FIRST',
}

import { BlockContextKeys } from './context-keys';

/** The context key an application can set instead of the `subnetCidrLayout` prop. */
export const SUBNET_CIDR_LAYOUT_CONTEXT = BlockContextKeys.SUBNET_CIDR_LAYOUT;

interface Slot {
  /** Third octet of the first subnet of the group. */
  readonly firstOctet: number;
  /** Third-octet step between the group's subnets (a /22 spans 4). */
  readonly step: number;
  readonly cidrMask: number;
}

const SLOTS: Record<SubnetCidrLayout, Record<string, Slot>> = {
  [SubnetCidrLayout.RESERVED_SLOTS]: {
    Public: { firstOctet: 0, step: 1, cidrMask: 24 },
    Private: { firstOctet: 4, step: 4, cidrMask: 22 },
  },
  [SubnetCidrLayout.PRIVATE_FIRST]: {
    Private: { firstOctet: 0, step: 4, cidrMask: 22 },
    Public: { firstOctet: 64, step: 1, cidrMask: 24 },
  },
};

/** The most AZs a layout holds without one group's slots running into another's. */
const MAX_AZS: Record<SubnetCidrLayout, number> = {
  [SubnetCidrLayout.RESERVED_SLOTS]: 4,
  [SubnetCidrLayout.PRIVATE_FIRST]: 16,
};

/** The subnet groups a layout places, with their masks. */
export function subnetGroupMask(layout: SubnetCidrLayout, group: string): number {
  const slot = SLOTS[layout][group];
  if (!slot) throw new Error(`subnet group '${group}' has no CIDR slot; known groups: ${Object.keys(SLOTS[layout]).join(', ')}`);
  return slot.cidrMask;
}

export function maxAzsOf(layout: SubnetCidrLayout): number {
  return MAX_AZS[layout];
}

/**
 * IP address management that places each subnet at its group's fixed slot in 10.0.0.0/16:
 * subnet i of group G always gets the same CIDR, whichever other groups the VPC has.
 */
export class FixedSlotIpAddresses implements ec2.IIpAddresses {
  private readonly vpcCidr = ec2.IpAddresses.cidr('10.0.0.0/16');

  constructor(private readonly layout: SubnetCidrLayout) {}

  public allocateVpcCidr(): ec2.VpcIpamOptions {
    return this.vpcCidr.allocateVpcCidr();
  }

  public allocateSubnetsCidr(input: ec2.AllocateCidrRequest): ec2.SubnetIpamOptions {
    const seen = new Map<string, number>();
    const allocatedSubnets = input.requestedSubnets.map((request) => {
      const group = request.configuration.name;
      const index = seen.get(group) ?? 0;
      seen.set(group, index + 1);
      const slot = SLOTS[this.layout][group];
      if (!slot) throw new Error(`subnet group '${group}' has no CIDR slot in the ${this.layout} layout`);
      if (index >= MAX_AZS[this.layout]) throw new Error(`the ${this.layout} subnet layout holds at most ${MAX_AZS[this.layout]} AZs`);
      return { cidr: `10.0.${slot.firstOctet + index * slot.step}.0/${slot.cidrMask}` };
    });
    return { allocatedSubnets };
  }
}
