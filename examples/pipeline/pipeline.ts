// Example: the shop deployed to three environments by a CDK Pipelines pipeline. One
// requirements object, per-environment overrides, one ApplicationStage per environment.
import { App, Stack } from 'aws-cdk-lib';
import * as pipelines from 'aws-cdk-lib/pipelines';
import { ApplicationStage, BudgetEnforcement, EnvironmentTier, RequirementsOverrides } from '../../src';
import { shopRequirements } from '../shop/requirements';

/** Where each environment deploys and what it changes. Accounts are placeholders. */
interface Environment {
  readonly id: string;
  readonly account: string;
  readonly region: string;
  readonly overrides: RequirementsOverrides;
}

export const ENVIRONMENTS: Environment[] = [
  {
    id: 'Development',
    account: '222222222222',
    region: 'eu-west-1',
    overrides: {
      environment: EnvironmentTier.DEVELOPMENT,
      budget: { monthlyUsd: 400, enforcement: BudgetEnforcement.WARN },
      traffic: { api: { monthlyRequests: 1_000_000, peakRequestsPerSecond: 20 } },
    },
  },
  {
    id: 'Staging',
    account: '333333333333',
    region: 'eu-west-1',
    overrides: { environment: EnvironmentTier.STAGING, traffic: { api: { monthlyRequests: 5_000_000, peakRequestsPerSecond: 50 } } },
  },
  { id: 'Production', account: '444444444444', region: 'eu-west-1', overrides: { environment: EnvironmentTier.PRODUCTION } },
];

export function buildPipeline(app: App): { pipeline: pipelines.CodePipeline; stages: ApplicationStage[] } {
  const tooling = new Stack(app, 'ShopPipeline', { env: { account: '111111111111', region: 'eu-west-1' } });
  const pipeline = new pipelines.CodePipeline(tooling, 'Pipeline', {
    crossAccountKeys: true,
    synth: new pipelines.ShellStep('Synth', {
      input: pipelines.CodePipelineSource.connection('example-org/shop', 'main', {
        connectionArn: 'arn:aws:codeconnections:eu-west-1:111111111111:connection/00000000-0000-0000-0000-000000000000',
      }),
      commands: ['npm ci', 'npx cdk synth'],
    }),
  });
  const stages = ENVIRONMENTS.map(({ id, account, region, overrides }) => {
    const stage = new ApplicationStage(app, id, { env: { account, region }, requirements: shopRequirements, overrides });
    pipeline.addStage(stage, overrides.environment === EnvironmentTier.PRODUCTION ? { pre: [new pipelines.ManualApprovalStep('PromoteToProduction')] } : {});
    return stage;
  });
  return { pipeline, stages };
}

if (require.main === module) {
  const app = new App();
  buildPipeline(app);
  app.synth();
}
