import { App } from 'aws-cdk-lib';
import { buildPipeline, ENVIRONMENTS } from '../examples/pipeline/pipeline';
import { shopRequirements } from '../examples/shop/requirements';
import { EnvironmentTier, Requirements } from '../src/requirements';

describe('one requirements object, several environments', () => {
  test('overrides replace tier, budget and traffic, merge tags, and leave the rest', () => {
    const dev = Requirements.withOverrides(shopRequirements, { ...ENVIRONMENTS[0].overrides, tags: { stage: 'dev' } });
    expect(dev.environment).toBe(EnvironmentTier.DEVELOPMENT);
    expect(dev.budget).toEqual({ monthlyUsd: 400, enforcement: 'warn' });
    expect(dev.services.find((s) => s.name === 'api')!.traffic).toEqual({ monthlyRequests: 1_000_000, peakRequestsPerSecond: 20 });
    expect(dev.services.find((s) => s.name === 'storefront')!.traffic).toEqual(shopRequirements.services.find((s) => s.name === 'storefront')!.traffic);
    expect(dev.tags).toEqual({ ...shopRequirements.tags, stage: 'dev' });
    expect(dev.dataStores).toBe(shopRequirements.dataStores);
  });

  test('a traffic override for an unknown service is an error naming it', () => {
    expect(() => Requirements.withOverrides(shopRequirements, { traffic: { checkout: { peakRequestsPerSecond: 5 } } }))
      .toThrow("overrides.traffic['checkout'] names no service (services: 'api', 'fulfil', 'nightly-report', 'storefront')");
  });

  test('the CDK Pipelines example deploys a stage per environment, each with its account, region and tier', () => {
    const app = new App();
    const { pipeline, stages } = buildPipeline(app);
    pipeline.buildPipeline();
    expect(stages.map((s) => [s.stack.stackName, s.stack.account, s.stack.region])).toEqual([
      ['shop-development', '222222222222', 'eu-west-1'],
      ['shop-staging', '333333333333', 'eu-west-1'],
      ['shop-production', '444444444444', 'eu-west-1'],
    ]);
    expect(stages.map((s) => s.stack.design.resilience.environment)).toEqual(['development', 'staging', 'production']);
    expect(stages[0].stack.design.service('api').monthlyRequests).toBe(1_000_000);
    expect(stages[2].stack.design.service('api').monthlyRequests).toBe(50_000_000);
    const deployStages = pipeline.pipeline.stages.map((s) => s.stageName);
    expect(deployStages).toEqual(expect.arrayContaining(['Source', 'Build', 'Development', 'Staging', 'Production']));
  });
});
