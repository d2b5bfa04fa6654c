// Example: an online shop described as requirements; `cdk synth` builds it and writes
// cdk.out/Shop.design-report.{json,md}. Env-agnostic: synthesizes without AWS credentials.
import { App } from 'aws-cdk-lib';
import { shopRequirements } from './requirements';
import { ApplicationStack } from '../../src';

const app = new App();
new ApplicationStack(app, 'Shop', { requirements: shopRequirements });
app.synth();
