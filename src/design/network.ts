import { EnvironmentTier } from '../requirements';
import { PRICED_AS } from './alternatives';
import { ArchitectureDecision, ComputeRuntime, DataStorePlan, DataStoreTechnology, DecisionArea, NatStrategy, NetworkPlan, ResiliencePlan, ServicePlan } from './model';

export function planNetwork(services: ServicePlan[], stores: DataStorePlan[], r: ResiliencePlan, appName: string)
  : { plan: NetworkPlan; decision?: ArchitectureDecision } {
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
          ? { option: 'single NAT gateway', whyNot: 'one AZ failure would cut egress for every AZ', pricedAs: PRICED_AS.natGateways(1) }
          : natStrategy === NatStrategy.SINGLE_NAT_GATEWAY
            ? { option: 'NAT gateway per AZ', whyNot: `about $33 a month more per AZ, not needed in ${r.environment}`, pricedAs: PRICED_AS.natGateways(maxAzs) }
            : { option: 'NAT gateway', whyNot: 'about $33 a month plus data processing, for egress nothing needs', pricedAs: PRICED_AS.natGateways(1) },
      ],
      choicePricedAs: plan.natGateways > 0 ? PRICED_AS.natGateways(plan.natGateways) : PRICED_AS.interfaceEndpoints(endpoints.length, maxAzs),
    },
  };
}
