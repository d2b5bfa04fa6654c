// CloudFormation's per-stack quotas are checked at synth: an application that outgrows one
// stack fails `cdk synth` naming the requirement to change, not a deploy minutes later.
import { App } from 'aws-cdk-lib';
import { ApplicationStack } from '../src/app';
import { EnvironmentTier, WorkloadType } from '../src/requirements';

test('40 HTTP API services exceed 500 resources in one stack: synth fails naming requirements.services', () => {
  const app = new App();
  new ApplicationStack(app, 'Big', {
    designReport: false,
    requirements: {
      name: 'big',
      environment: EnvironmentTier.STAGING,
      services: Array.from({ length: 40 }, (_, i) => ({ name: `svc-${i}`, workload: WorkloadType.HTTP_API })),
    },
  });
  let message = '';
  try {
    app.synth();
  } catch (e) {
    message = (e as Error).message;
  }
  expect(message).toMatch(/\[CloudFormationTemplateLimit\] Big[\s\S]*the template has [\d,]+ resources, over CloudFormation's limit of 500 per stack/);
  expect(message).toMatch(/requirements\.services lists 40 services in one stack/);
});

test('a 10-service application stays within the limits and synthesizes', () => {
  const app = new App();
  const stack = new ApplicationStack(app, 'Small', {
    designReport: false,
    requirements: {
      name: 'small',
      environment: EnvironmentTier.STAGING,
      services: Array.from({ length: 10 }, (_, i) => ({ name: `svc-${i}`, workload: WorkloadType.HTTP_API })),
    },
  });
  const resources = Object.keys(app.synth().getStackArtifact(stack.artifactId).template.Resources).length;
  expect(resources).toBeLessThanOrEqual(500);
  expect(resources).toBeGreaterThan(100);
});
