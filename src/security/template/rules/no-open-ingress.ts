import { COMPLIANT, NOT_APPLICABLE, Reference, TemplateRule, Unknown } from '../model';
import { asList } from '../resolve';

const ANYWHERE = new Set(['0.0.0.0/0', '::/0']);
const WEB_PORTS = new Set([80, 443]);

type Rule = { [key: string]: unknown };

/**
 * No security group admits the whole internet (0.0.0.0/0 or ::/0), except on ports 80 and
 * 443 of a group attached to a load balancer. A CIDR not known at synth counts as open.
 */
export const NoOpenIngress: TemplateRule = {
  id: 'NoOpenIngress',
  info: 'The security group admits traffic from the whole internet.',
  fix: 'Allow ingress from the load balancer\'s or the caller\'s security group (connections.allowFrom), or from known CIDRs; only a '
    + 'load balancer takes 80/443 from anywhere.',
  covers: ['EC2RestrictedInbound', 'EC2RestrictedSSH', 'EC2RestrictedCommonPorts'],
  check(resource, ctx) {
    let rules: Rule[];
    let groupIds: string[];
    if (resource.type === 'AWS::EC2::SecurityGroup') {
      rules = asList(resource.properties.SecurityGroupIngress) as Rule[];
      groupIds = [resource.logicalId];
    } else if (resource.type === 'AWS::EC2::SecurityGroupIngress') {
      rules = [resource.properties];
      const group = resource.properties.GroupId;
      groupIds = group instanceof Reference ? [group.logicalId] : [];
    } else {
      return NOT_APPLICABLE;
    }
    const onLoadBalancer = groupIds.length > 0 && groupIds.every((id) => ctx.index.loadBalancerGroups.has(id));
    const problems: string[] = [];
    for (const rule of rules) {
      if (!rule || typeof rule !== 'object') continue;
      const cidr = rule.CidrIp ?? rule.CidrIpv6;
      const open = cidr instanceof Unknown || (typeof cidr === 'string' && ANYWHERE.has(cidr));
      if (!open) continue;
      const from = Number(rule.FromPort);
      const to = Number(rule.ToPort);
      const webPort = from === to && WEB_PORTS.has(from) && (rule.IpProtocol === 'tcp' || rule.IpProtocol === '6');
      if (webPort && onLoadBalancer) continue;
      const ports = String(rule.IpProtocol) === '-1' ? 'all traffic' : `${rule.IpProtocol} ${from === to ? from : `${from}-${to}`}`;
      problems.push(`ingress from ${cidr instanceof Unknown ? 'a CIDR not known at synth' : cidr} on ${ports}${webPort ? ' (not a load balancer)' : ''}`);
    }
    return problems.length ? problems : COMPLIANT;
  },
};
