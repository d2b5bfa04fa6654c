// Issue 12: with a domain, every user-facing endpoint is HTTPS on the custom name (load balancer
// listener with certificate and redirect, HTTP API custom domain, CloudFront alias) with DNS
// records, and who may call an API comes from the requirements. Synth needs no credentials.
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { ApplicationStack } from '../src/app';
import {
  ApiAuthType, ApplicationRequirements, ComplianceFramework, DataStoreKind, EnvironmentTier, RuntimePreference, WorkloadType,
} from '../src/requirements';

const DOMAIN = { zoneName: 'example.com', hostedZoneId: 'Z0123456789ABCDEFGHIJ' };
const ISSUER = 'https://auth.example.com/';

function synth(requirements: ApplicationRequirements, env?: { region: string }) {
  const app = new App();
  const stack = new ApplicationStack(app, 'App', { requirements, designReport: false, env });
  const template = Template.fromJSON(app.synth().getStackArtifact(stack.artifactId).template);
  return { stack, template };
}

const warnings = (stack: Stack) => stack.node.findAll().flatMap((c) => c.node.metadata)
  .filter((m) => m.type === 'aws:cdk:warning').map((m) => String(m.data));

describe('a PCI DSS production application with a domain', () => {
  const { stack, template } = synth({
    name: 'pay',
    environment: EnvironmentTier.PRODUCTION,
    compliance: [ComplianceFramework.PCI_DSS_321],
    domain: DOMAIN,
    services: [
      { name: 'api', workload: WorkloadType.HTTP_API, dataStores: ['orders'], auth: { type: ApiAuthType.JWT, issuer: ISSUER, audience: ['web-client'] } },
      { name: 'partner', workload: WorkloadType.HTTP_API, runtime: RuntimePreference.FUNCTION, hostName: 'partners.example.com', auth: { type: ApiAuthType.IAM } },
      { name: 'web', workload: WorkloadType.WEB_SERVICE, containerUser: '1000:1000', auth: { type: ApiAuthType.JWT, issuer: ISSUER, audience: ['web-client'] } },
      { name: 'site', workload: WorkloadType.STATIC_SITE },
    ],
    dataStores: [{ name: 'orders', kind: DataStoreKind.KEY_VALUE }],
  });

  test('the HTTP API is served on <service>.<zone> with TLS 1.2, mapped, aliased, and its execute-api endpoint off', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::DomainName', {
      DomainName: 'api.example.com',
      DomainNameConfigurations: [Match.objectLike({ SecurityPolicy: 'TLS_1_2' })],
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::DomainName', { DomainName: 'partners.example.com' });
    expect(template.findResources('AWS::ApiGatewayV2::ApiMapping')).not.toEqual({});
    template.hasResourceProperties('AWS::Route53::RecordSet', { Name: 'api.example.com.', Type: 'A', HostedZoneId: DOMAIN.hostedZoneId });
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', { ProtocolType: 'HTTP', DisableExecuteApiEndpoint: true });
  });

  test('certificates are created and validated in the given zone, one per host', () => {
    for (const host of ['api.example.com', 'partners.example.com', 'web.example.com']) {
      template.hasResourceProperties('AWS::CertificateManager::Certificate', {
        DomainName: host, ValidationMethod: 'DNS', DomainValidationOptions: [{ DomainName: host, HostedZoneId: DOMAIN.hostedZoneId }],
      });
    }
  });

  test('JWT and IAM authorization come from services[].auth', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT', JwtConfiguration: { Issuer: ISSUER, Audience: ['web-client'] },
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { AuthorizationType: 'AWS_IAM' });
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { AuthorizationType: 'JWT' });
  });

  test('the web service listens on HTTPS with a modern policy, redirects HTTP, and runs as the given user', () => {
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Protocol: 'HTTPS', Port: 443, SslPolicy: Match.stringLikeRegexp('TLS13'), Certificates: Match.anyValue(),
    });
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Protocol: 'HTTP', Port: 80, DefaultActions: [Match.objectLike({ Type: 'redirect', RedirectConfig: Match.objectLike({ Protocol: 'HTTPS', Port: '443' }) })],
    });
    template.hasResourceProperties('AWS::Route53::RecordSet', { Name: 'web.example.com.', Type: 'A' });
    template.hasResourceProperties('AWS::ECS::TaskDefinition', { ContainerDefinitions: [Match.objectLike({ User: '1000:1000' })] });
  });

  test('outputs and the design say the custom URLs', () => {
    const outputs = template.findOutputs('*');
    const values = Object.values(outputs).map((o: any) => JSON.stringify(o.Value));
    expect(values).toEqual(expect.arrayContaining(['"https://api.example.com/"', '"https://web.example.com"']));
    const edge = stack.design.decisions.find((d) => d.choice.startsWith('HTTPS on example.com'))!;
    expect(edge.choice).toContain('api at api.example.com');
    expect(edge.choice).toContain('partner at partners.example.com');
  });

  test('a static site in a stack of unknown region stays on CloudFront, and a warning says how to serve it on the domain', () => {
    template.hasResourceProperties('AWS::CloudFront::Distribution', { DistributionConfig: Match.not(Match.objectLike({ Aliases: Match.anyValue() })) });
    expect(warnings(stack).join('\n')).toMatch(/static site 'site' stays on its CloudFront name, not site\.example\.com.*certificateArn/);
  });
});

test('in us-east-1, a static site is served on its host with a certificate and alias records', () => {
  const { template } = synth({
    name: 'www', environment: EnvironmentTier.STAGING, domain: DOMAIN, services: [{ name: 'site', workload: WorkloadType.STATIC_SITE, hostName: 'www.example.com' }],
  }, { region: 'us-east-1' });
  template.hasResourceProperties('AWS::CloudFront::Distribution', {
    DistributionConfig: Match.objectLike({ Aliases: ['www.example.com'], ViewerCertificate: Match.objectLike({ MinimumProtocolVersion: Match.stringLikeRegexp('TLSv1.2') }) }),
  });
  template.hasResourceProperties('AWS::Route53::RecordSet', { Name: 'www.example.com.', Type: 'AAAA' });
});

test('an existing certificate is used instead of creating one', () => {
  const arn = 'arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555';
  const { template } = synth({
    name: 'app',
    environment: EnvironmentTier.STAGING,
    domain: { ...DOMAIN, certificateArn: arn },
    services: [{ name: 'api', workload: WorkloadType.HTTP_API }],
  });
  expect(template.findResources('AWS::CertificateManager::Certificate')).toEqual({});
  template.hasResourceProperties('AWS::ApiGatewayV2::DomainName', { DomainNameConfigurations: [Match.objectLike({ CertificateArn: arn })] });
});

test('a PCI DSS production container web service without a domain fails validation naming requirements.domain', () => {
  expect(() => synth({
    name: 'pay',
    environment: EnvironmentTier.PRODUCTION,
    compliance: [ComplianceFramework.PCI_DSS_321],
    services: [{ name: 'web', workload: WorkloadType.WEB_SERVICE }],
  })).toThrow(/requirements\.domain/);
});
