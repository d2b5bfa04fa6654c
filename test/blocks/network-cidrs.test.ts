import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { BlockContextKeys, NetworkBlock, NetworkBlockProps, SubnetCidrLayout } from '../../src/blocks';

const SUBNET_CIDR_LAYOUT_CONTEXT = BlockContextKeys.SUBNET_CIDR_LAYOUT;

/** 'PrivateSubnet1=10.0.4.0/22' for each subnet, sorted. */
function subnets(props: NetworkBlockProps, context?: Record<string, string>, env?: { account: string; region: string }): string[] {
  const stack = new Stack(new App({ context }), 'S', { env });
  new NetworkBlock(stack, 'Network', props);
  return Object.entries<any>(Template.fromStack(stack).findResources('AWS::EC2::Subnet'))
    .map(([id, r]) => `${id.replace(/^NetworkVpc/, '').replace(/Subnet[0-9A-F]{8}$/, '')}=${r.Properties.CidrBlock}`).sort();
}

describe('subnet CIDRs are fixed slots', () => {
  test('private subnets sit at 10.0.4.0/22 and 10.0.8.0/22 with or without public subnets', () => {
    expect(subnets({ natGateways: 0 })).toEqual(['PrivateSubnet1=10.0.4.0/22', 'PrivateSubnet2=10.0.8.0/22']);
    expect(subnets({ natGateways: 1 })).toEqual([
      'PrivateSubnet1=10.0.4.0/22', 'PrivateSubnet2=10.0.8.0/22', 'PublicSubnet1=10.0.0.0/24', 'PublicSubnet2=10.0.1.0/24',
    ]);
  });

  test('a third AZ adds a subnet per group and moves none', () => {
    const env = { account: '111111111111', region: 'us-east-1' };
    const context = { 'availability-zones:account=111111111111:region=us-east-1': ['us-east-1a', 'us-east-1b', 'us-east-1c'] } as any;
    expect(subnets({ natGateways: 3, maxAzs: 3 }, context, env)).toEqual([
      'PrivateSubnet1=10.0.4.0/22', 'PrivateSubnet2=10.0.8.0/22', 'PrivateSubnet3=10.0.12.0/22',
      'PublicSubnet1=10.0.0.0/24', 'PublicSubnet2=10.0.1.0/24', 'PublicSubnet3=10.0.2.0/24',
    ]);
  });

  test('PRIVATE_FIRST keeps a VPC deployed without public subnets where it is, and adds public subnets above it', () => {
    const layout = SubnetCidrLayout.PRIVATE_FIRST;
    expect(subnets({ natGateways: 0, subnetCidrLayout: layout })).toEqual(['PrivateSubnet1=10.0.0.0/22', 'PrivateSubnet2=10.0.4.0/22']);
    expect(subnets({ natGateways: 1 }, { [SUBNET_CIDR_LAYOUT_CONTEXT]: layout })).toEqual([
      'PrivateSubnet1=10.0.0.0/22', 'PrivateSubnet2=10.0.4.0/22', 'PublicSubnet1=10.0.64.0/24', 'PublicSubnet2=10.0.65.0/24',
    ]);
  });

  test('a wrong context value and too many AZs are rejected', () => {
    expect(() => subnets({}, { [SUBNET_CIDR_LAYOUT_CONTEXT]: 'LEFT' })).toThrow(/cdk-infra-engineer:subnetCidrLayout must be one of RESERVED_SLOTS, PRIVATE_FIRST, got "LEFT"/);
    expect(() => subnets({ maxAzs: 5 })).toThrow(/maxAzs 5 is more than the RESERVED_SLOTS subnet layout holds \(4\)/);
  });
});
