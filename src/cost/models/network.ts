import { dataTransferOut } from './compute';
import { GB, HOUR, ModelContext, times } from '../estimator/context';

const IPV4 = { serviceCode: 'AmazonVPC', usageType: 'PublicIPv4:InUseAddress' };

/** NAT gateway: hours and GB processed; its public IPv4 is priced on its Elastic IP. */
export function natGateway(ctx: ModelContext): void {
  ctx.charge('NAT gateway hours', { serviceCode: 'AmazonEC2', usageType: 'NatGateway-Hours' }, ctx.fixed(ctx.hours()), HOUR);
  const gb = ctx.usage.get('monthlyDataProcessedGb', 10, 'light egress through the NAT gateway');
  ctx.charge('Data processed', { serviceCode: 'AmazonEC2', usageType: 'NatGateway-Bytes' }, ctx.scaled(gb), GB);
  const eip = ctx.referenced(ctx.props.AllocationId);
  if (eip) ctx.assume(`its public IPv4 address is priced on ${eip.id}`);
  else if (ctx.props.ConnectivityType !== 'private') ctx.assume('no AllocationId in the template: its public IPv4 address is not priced here');
  dataTransferOut(ctx);
}

/** Elastic IP: a public IPv4 address, charged in use or idle. */
export function elasticIp(ctx: ModelContext): void {
  ctx.charge('Public IPv4 address', IPV4, ctx.fixed(ctx.hours()), HOUR);
}

/** VPC endpoint: interface endpoints per AZ-hour and GB processed; gateway endpoints are free. */
export function vpcEndpoint(ctx: ModelContext): void {
  const type = ctx.props.VpcEndpointType ?? 'Gateway';
  if (type === 'Gateway') {
    ctx.free('gateway endpoints (S3, DynamoDB) have no charge');
    return;
  }
  if (type !== 'Interface') {
    ctx.unpriced(`${type} endpoint hours and data (no figure in the catalog)`);
    return;
  }
  let azs = Array.isArray(ctx.props.SubnetIds) ? ctx.props.SubnetIds.length : 0;
  if (azs === 0) {
    azs = 1;
    ctx.assume('no SubnetIds in the template: 1 AZ assumed');
  } else {
    ctx.assume(`one endpoint network interface per subnet: ${azs} AZ(s)`);
  }
  ctx.charge(`Interface endpoint (${azs} AZs)`, { serviceCode: 'AmazonVPC', usageType: 'VpcEndpoint-Hours' }, ctx.fixed(azs * ctx.hours()), { unit: 'AZ-hour', per: 1 });
  const gb = ctx.usage.get('monthlyDataProcessedGb', 1, 'light traffic through the endpoint');
  ctx.charge('Data processed', { serviceCode: 'AmazonVPC', usageType: 'VpcEndpoint-Bytes' }, ctx.scaled(gb), GB);
}

/** Application or Network Load Balancer: hours, capacity units, public IPv4 per AZ when internet-facing. */
export function loadBalancer(ctx: ModelContext): void {
  const type = ctx.props.Type ?? 'application';
  if (type !== 'application' && type !== 'network') {
    ctx.unpriced(`${type} load balancer (no figure in the catalog)`);
    return;
  }
  const family = type === 'application' ? 'Load Balancer-Application' : 'Load Balancer-Network';
  const label = type === 'application' ? 'ALB' : 'NLB';
  const hours = ctx.hours();
  ctx.charge(`${label} hours`, { serviceCode: 'AWSELB', usageType: 'LoadBalancerUsage', filters: { productFamily: family } }, ctx.fixed(hours), HOUR);
  const lcu = ctx.usage.get('averageLcu', 1, 'light traffic');
  ctx.charge(`${label} capacity units (${type === 'application' ? 'LCU' : 'NLCU'})`, { serviceCode: 'AWSELB', usageType: 'LCUUsage', filters: { productFamily: family } }, times(ctx.scaled(lcu), hours), { unit: 'LCU-hour', per: 1 });
  const internetFacing = (ctx.props.Scheme ?? 'internet-facing') === 'internet-facing';
  if (internetFacing && ctx.props.IpAddressType !== 'dualstack-without-public-ipv4') {
    const mappings: any[] = Array.isArray(ctx.props.SubnetMappings) ? ctx.props.SubnetMappings : [];
    if (mappings.some((m) => m?.AllocationId !== undefined)) {
      ctx.assume('its public IPv4 addresses are Elastic IPs, priced on the EIP resources');
    } else {
      let azs = Array.isArray(ctx.props.Subnets) ? ctx.props.Subnets.length : mappings.length;
      if (azs === 0) {
        azs = 2;
        ctx.assume('subnets not in the template: 2 AZs assumed');
      }
      ctx.assume(`internet-facing: one public IPv4 address per AZ (${azs})`);
      ctx.charge(`Public IPv4 addresses (${azs} AZs)`, IPV4, ctx.fixed(azs * hours), HOUR);
    }
  }
  dataTransferOut(ctx);
}
