import { AlternativeResources, ArchitectureDecision, DecisionArea, DesignAlternative } from './model';

/** New connections per second one load balancer capacity unit covers. */
export const REQUESTS_PER_LCU = 25;

/** GB a month of responses: requests x average response size, to the cent of a GB. */
export function responseGb(monthlyRequests: number, averageResponseSizeKb: number): number {
  return Math.round((monthlyRequests * averageResponseSizeKb) / (1024 * 1024) * 100) / 100;
}

/** Average ALB capacity units for a month of requests (one new connection each), at least 0.1. */
export function averageLcu(monthlyRequests: number): number {
  return Math.max(0.1, monthlyRequests / (730 * 3600) / REQUESTS_PER_LCU);
}

/** A decision in `area`, with what its choice deploys when that can be priced. */
export function decisionIn(
  area: DecisionArea, subject: string, choice: string, rationale: string, alternatives: DesignAlternative[], choicePricedAs?: AlternativeResources,
): ArchitectureDecision {
  return { area, subject, choice, rationale, alternatives, ...(choicePricedAs ? { choicePricedAs } : {}) };
}

/**
 * What an alternative would deploy, for pricing next to the choice. Each is the smallest
 * template the cost estimator prices the same way as the real thing.
 */
export const PRICED_AS = {
  natGateways(count: number): AlternativeResources {
    const resources: { [id: string]: any } = {};
    for (let i = 0; i < count; i++) {
      resources[`Eip${i}`] = { Type: 'AWS::EC2::EIP', Properties: { Domain: 'vpc' } };
      resources[`Nat${i}`] = { Type: 'AWS::EC2::NatGateway', Properties: { AllocationId: { 'Fn::GetAtt': [`Eip${i}`, 'AllocationId'] } } };
    }
    return { resources };
  },

  /** Fargate tasks behind an internet-facing ALB in two AZs; `outGb` is the responses' data transfer out. */
  fargateBehindAlb(tasks: number, cpuUnits: number, memoryMiB: number, monthlyRequests: number, outGb: number): AlternativeResources {
    return {
      resources: {
        TaskDefinition: { Type: 'AWS::ECS::TaskDefinition', Properties: { Cpu: String(cpuUnits), Memory: String(memoryMiB), RequiresCompatibilities: ['FARGATE'] } },
        Service: { Type: 'AWS::ECS::Service', Properties: { LaunchType: 'FARGATE', DesiredCount: tasks, TaskDefinition: { Ref: 'TaskDefinition' } } },
        LoadBalancer: { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Type: 'application', Scheme: 'internet-facing', Subnets: ['a', 'b'] } },
      },
      usage: { LoadBalancer: { averageLcu: averageLcu(monthlyRequests), monthlyDataTransferOutGb: outGb } },
    };
  },

  /** An arm64 function behind an HTTP API, 100 ms a request; `outGb` is the responses' data transfer out. */
  lambdaBehindHttpApi(memoryMiB: number, monthlyRequests: number, outGb: number): AlternativeResources {
    return {
      resources: {
        Function: { Type: 'AWS::Lambda::Function', Properties: { MemorySize: memoryMiB, Architectures: ['arm64'] } },
        Api: { Type: 'AWS::ApiGatewayV2::Api', Properties: { ProtocolType: 'HTTP' } },
      },
      usage: { Function: { monthlyRequests, averageDurationMs: 100 }, Api: { monthlyRequests, monthlyDataTransferOutGb: outGb } },
    };
  },

  /** An HTTP API endpoint alone (the edge of a function service). */
  httpApi(monthlyRequests: number, outGb: number): AlternativeResources {
    return {
      resources: { Api: { Type: 'AWS::ApiGatewayV2::Api', Properties: { ProtocolType: 'HTTP' } } },
      usage: { Api: { monthlyRequests, monthlyDataTransferOutGb: outGb } },
    };
  },

  /** Interface endpoints, each in `azs` AZs, with light traffic. */
  interfaceEndpoints(count: number, azs: number): AlternativeResources {
    const resources: { [id: string]: any } = {};
    const subnets = Array.from({ length: azs }, (_, i) => `subnet-${i}`);
    for (let i = 0; i < count; i++) resources[`Endpoint${i}`] = { Type: 'AWS::EC2::VPCEndpoint', Properties: { VpcEndpointType: 'Interface', SubnetIds: subnets } };
    return { resources };
  },

  cacheNodes(nodeType: string, nodes: number, engine: string): AlternativeResources {
    return { resources: { Cache: { Type: 'AWS::ElastiCache::ReplicationGroup', Properties: { CacheNodeType: nodeType, Engine: engine, NumCacheClusters: nodes } } } };
  },

  restApiWithWaf(monthlyRequests: number, outGb: number): AlternativeResources {
    return {
      resources: {
        Api: { Type: 'AWS::ApiGateway::RestApi', Properties: {} },
        WebAcl: { Type: 'AWS::WAFv2::WebACL', Properties: { Scope: 'REGIONAL', Rules: [{}, {}, {}, {}] } },
      },
      usage: { Api: { monthlyRequests, monthlyDataTransferOutGb: outGb }, WebAcl: { monthlyRequests } },
    };
  },
};
