// A backend container service is hardened like the public one: non-root, no CDK warnings.
import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { BackendContainerService } from '../../src/blocks';

function build(props: { image?: ecs.ContainerImage; user?: string }) {
  const stack = new Stack(new App(), 'S');
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'Private', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
  const backend = new BackendContainerService(stack, 'Pricing', { vpc, ...props });
  return { stack, backend, template: Template.fromStack(stack) };
}

test('the placeholder runs nginx as its unprivileged user on 8080, and the URL says so', () => {
  const { template, backend, stack } = build({});
  template.hasResourceProperties('AWS::ECS::TaskDefinition', {
    ContainerDefinitions: [Match.objectLike({ Image: Match.stringLikeRegexp('nginx-unprivileged'), User: '101:101', PortMappings: [Match.objectLike({ ContainerPort: 8080 })] })],
  });
  template.hasResourceProperties('AWS::ECS::Service', { DeploymentConfiguration: Match.objectLike({ MinimumHealthyPercent: 100 }) });
  expect(backend.url).toBe('http://Pricing.Pricing.internal:8080');
  expect(Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('minHealthyPercent'))).toEqual([]);
});

test('a given image runs as the given user on its port', () => {
  const { template } = build({ image: ecs.ContainerImage.fromRegistry('public.ecr.aws/acme/pricing:1'), user: '1000:1000' });
  template.hasResourceProperties('AWS::ECS::TaskDefinition', {
    ContainerDefinitions: [Match.objectLike({ Image: 'public.ecr.aws/acme/pricing:1', User: '1000:1000', PortMappings: [Match.objectLike({ ContainerPort: 80 })] })],
  });
});
