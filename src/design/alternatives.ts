import { AlternativeResources } from './model';

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

  fargateBehindAlb(tasks: number, cpuUnits: number, memoryMiB: number, monthlyRequests: number): AlternativeResources {
    return {
      resources: {
        TaskDefinition: { Type: 'AWS::ECS::TaskDefinition', Properties: { Cpu: String(cpuUnits), Memory: String(memoryMiB), RequiresCompatibilities: ['FARGATE'] } },
        Service: { Type: 'AWS::ECS::Service', Properties: { LaunchType: 'FARGATE', DesiredCount: tasks, TaskDefinition: { Ref: 'TaskDefinition' } } },
        LoadBalancer: { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Type: 'application', Scheme: 'internet-facing', Subnets: ['a', 'b'] } },
      },
      usage: { LoadBalancer: { averageLcu: Math.max(0.1, monthlyRequests / (730 * 3600) / 25) } },
    };
  },

  lambdaBehindHttpApi(memoryMiB: number, monthlyRequests: number): AlternativeResources {
    return {
      resources: {
        Function: { Type: 'AWS::Lambda::Function', Properties: { MemorySize: memoryMiB, Architectures: ['arm64'] } },
        Api: { Type: 'AWS::ApiGatewayV2::Api', Properties: { ProtocolType: 'HTTP' } },
      },
      usage: { Function: { monthlyRequests }, Api: { monthlyRequests } },
    };
  },

  cacheNodes(nodeType: string, nodes: number, engine: string): AlternativeResources {
    return { resources: { Cache: { Type: 'AWS::ElastiCache::ReplicationGroup', Properties: { CacheNodeType: nodeType, Engine: engine, NumCacheClusters: nodes } } } };
  },

  restApiWithWaf(monthlyRequests: number): AlternativeResources {
    return {
      resources: {
        Api: { Type: 'AWS::ApiGateway::RestApi', Properties: {} },
        WebAcl: { Type: 'AWS::WAFv2::WebACL', Properties: { Scope: 'REGIONAL', Rules: [{}, {}, {}, {}] } },
      },
      usage: { Api: { monthlyRequests }, WebAcl: { monthlyRequests } },
    };
  },
};
