import { EnvironmentTier } from '../requirements';
import { ArchitectureDecision, ComputeRuntime, DataStorePlan, DataStoreTechnology, DecisionArea, NatStrategy, NetworkPlan, ResiliencePlan, ServicePlan } from './model';
import { BillEntry } from './workloads/designer';

/**
 * The network the services and stores need. `forced` designs the network with another NAT
 * strategy, to price that alternative as a whole design.
 */
export function planNetwork(services: ServicePlan[], stores: DataStorePlan[], r: ResiliencePlan, appName: string, forced?: NatStrategy)
  : { plan: NetworkPlan; decision?: ArchitectureDecision; natAlternatives: Array<[number, NatStrategy]> } {
  const inVpc = [...services.filter((s) => s.inVpc).map((s) => s.name), ...stores.filter((s) => s.inVpc).map((s) => s.name)];
  if (inVpc.length === 0) {
    return {
      plan: { required: false, maxAzs: 0, natStrategy: NatStrategy.VPC_ENDPOINTS_ONLY, natGateways: 0, interfaceEndpoints: [] },
      decision: {
        area: DecisionArea.NETWORK,
        subject: appName,
        choice: 'no VPC',
        rationale: 'every component is a regional AWS service reached over its API; nothing needs private networking',
        alternatives: [{ option: 'a VPC with NAT', whyNot: 'a NAT gateway costs about $33 a month with nothing to route' }],
      },
      natAlternatives: [],
    };
  }
  const production = r.environment === EnvironmentTier.PRODUCTION;
  const maxAzs = production && r.targetAvailabilityPercent >= 99.99 ? 3 : 2;
  const containers = services.filter((s) => s.runtime === ComputeRuntime.FARGATE);
  let natStrategy: NatStrategy;
  let why: string;
  if (containers.length > 0) {
    natStrategy = production ? NatStrategy.NAT_GATEWAY_PER_AZ : NatStrategy.SINGLE_NAT_GATEWAY;
    why = `container service(s) ${containers.map((c) => c.name).join(', ')} pull images and call out to the internet; `
      + (production ? `one NAT gateway per AZ so losing an AZ does not cut egress for the others (target ${r.targetAvailabilityPercent}%)`
        : `one NAT gateway is enough for ${r.environment}`);
  } else {
    natStrategy = NatStrategy.VPC_ENDPOINTS_ONLY;
    why = 'only functions and data stores live in the VPC and they reach AWS services alone, so endpoints replace NAT and there is no internet egress';
  }
  // A forced strategy that cannot carry the containers' egress is ruled out by the requirements.
  if (forced !== undefined && !(forced === NatStrategy.VPC_ENDPOINTS_ONLY && containers.length > 0)) {
    natStrategy = forced;
    why = 'the alternative being priced';
  }
  const usesTech = (t: DataStoreTechnology) => stores.some((s) => s.technology === t);
  const vpcFunctions = services.filter((s) => s.inVpc && s.runtime === ComputeRuntime.LAMBDA);
  const endpoints: string[] = [];
  if (natStrategy === NatStrategy.VPC_ENDPOINTS_ONLY) {
    if (usesTech(DataStoreTechnology.AURORA_POSTGRESQL_SERVERLESS_V2)) endpoints.push('secretsmanager');
    const usedStores = new Set(vpcFunctions.flatMap((f) => [...f.readWriteStores, ...f.readOnlyStores]));
    if (stores.some((s) => s.technology === DataStoreTechnology.SQS_STANDARD && usedStores.has(s.name))) endpoints.push('sqs');
  }
  const plan: NetworkPlan = {
    required: true,
    maxAzs,
    natStrategy,
    natGateways: natStrategy === NatStrategy.NAT_GATEWAY_PER_AZ ? maxAzs : natStrategy === NatStrategy.SINGLE_NAT_GATEWAY ? 1 : 0,
    interfaceEndpoints: endpoints,
  };
  return {
    plan,
    decision: {
      area: DecisionArea.NETWORK,
      subject: appName,
      choice: `VPC across ${maxAzs} AZs, ${natStrategy === NatStrategy.VPC_ENDPOINTS_ONLY ? 'no NAT: ' : `${plan.natGateways} NAT gateway(s), `}gateway endpoints for S3 and DynamoDB${endpoints.length ? `, interface endpoints for ${endpoints.join(', ')}` : ''}, flow logs`,
      rationale: `${inVpc.join(', ')} need private networking; ${maxAzs} AZs ${maxAzs === 3 ? `for a ${r.targetAvailabilityPercent}% target` : 'is the minimum for a load balancer and a database subnet group'}; ${why}`,
      alternatives: [
        natStrategy === NatStrategy.NAT_GATEWAY_PER_AZ
          ? { option: 'single NAT gateway', whyNot: 'one AZ failure would cut egress for every AZ' }
          : natStrategy === NatStrategy.SINGLE_NAT_GATEWAY
            ? { option: 'NAT gateway per AZ', whyNot: `a NAT gateway and its address in every AZ, not needed in ${r.environment}` }
            : { option: 'NAT gateway', whyNot: 'a NAT gateway, its address and data processing, for egress nothing needs' },
      ],
    },
    natAlternatives: [[0, natStrategy === NatStrategy.NAT_GATEWAY_PER_AZ ? NatStrategy.SINGLE_NAT_GATEWAY
      : natStrategy === NatStrategy.SINGLE_NAT_GATEWAY ? NatStrategy.NAT_GATEWAY_PER_AZ : NatStrategy.SINGLE_NAT_GATEWAY]],
  };
}

/** The network's billable resources: NAT gateways with their addresses, interface endpoints, the flow log group. */
export function networkBill(plan: NetworkPlan): BillEntry[] {
  if (!plan.required) return [];
  const out: BillEntry[] = [{ scope: 'Network', block: 'Network', path: 'FlowLogGroup', type: 'AWS::Logs::LogGroup', properties: {} }];
  for (let i = 1; i <= plan.natGateways; i++) {
    out.push({ scope: 'Network', block: 'Network', path: `Vpc/PublicSubnet${i}/EIP`, type: 'AWS::EC2::EIP', properties: { Domain: 'vpc' } });
    out.push({ scope: 'Network', block: 'Network', path: `Vpc/PublicSubnet${i}/NATGateway`, type: 'AWS::EC2::NatGateway', properties: { AllocationId: { 'Fn::GetAtt': [`Vpc/PublicSubnet${i}/EIP`, 'AllocationId'] } } });
  }
  const subnets = Array.from({ length: plan.maxAzs }, (_, i) => `subnet-${i}`);
  for (const e of plan.interfaceEndpoints) {
    out.push({ scope: 'Network', block: 'Network', path: `Endpoint-${e}`, type: 'AWS::EC2::VPCEndpoint', properties: { VpcEndpointType: 'Interface', SubnetIds: subnets } });
  }
  return out;
}
