// Issue 12: with a domain, every user-facing endpoint is HTTPS on the custom name (load balancer
// listener with certificate and redirect, HTTP API custom domain, CloudFront alias) with DNS
// records, and who may call an API comes from the requirements. Synth needs no credentials.
import { App, CfnResource, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { ApplicationStack } from '../src/app';
import {
  ApiAuthType, ApplicationRequirements, ComplianceFramework, DataStoreKind, EnvironmentTier, RuntimePreference, WorkloadType,
} from '../src/requirements';
import { exemptCustomResourceHandlers } from '../src/security/aspects/custom-resource-handlers';

const DOMAIN = { zoneName: 'example.com', hostedZoneId: 'Z0123456789ABCDEFGHIJ' };
const ISSUER = 'https://auth.example.com/';

function synth(requirements: ApplicationRequirements, env?: { region: string; account?: string }) {
  const app = new App();
  const stack = new ApplicationStack(app, 'App', { requirements, designReport: false, env });
  const assembly = app.synth();
  const template = Template.fromJSON(assembly.getStackArtifact(stack.artifactId).template);
  return { stack, template, assembly };
}

const EU = { account: '123456789012', region: 'eu-west-1' };

const warnings = (stack: Stack) => stack.node.findAll().flatMap((c) => c.node.metadata)
  .filter((m) => m.type === 'aws:cdk:warning').map((m) => String(m.data));

describe('a PCI DSS production application with a domain, in eu-west-1', () => {
  const { stack, template, assembly } = synth({
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
  }, EU);

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

  test('the static site\'s certificate is made in a us-east-1 sibling stack and reaches the distribution across regions', () => {
    const certificates = assembly.getStackByName('App-CloudFrontCertificates');
    expect(certificates.environment).toEqual({ account: EU.account, region: 'us-east-1', name: `aws://${EU.account}/us-east-1` });
    const certificateTemplate = Template.fromJSON(certificates.template);
    certificateTemplate.resourceCountIs('AWS::CertificateManager::Certificate', 1);
    certificateTemplate.hasResourceProperties('AWS::CertificateManager::Certificate', {
      DomainName: 'site.example.com',
      ValidationMethod: 'DNS',
      DomainValidationOptions: [{ DomainName: 'site.example.com', HostedZoneId: DOMAIN.hostedZoneId }],
      Tags: Match.arrayWith([{ Key: 'application', Value: 'pay' }]),
    });
    // CDK's export writer puts the ARN in an SSM parameter in eu-west-1; this stack reads it there.
    certificateTemplate.hasResourceProperties('Custom::CrossRegionExportWriter', { WriterProps: Match.objectLike({ region: 'eu-west-1' }) });
    template.hasResourceProperties('Custom::CrossRegionExportReader', Match.anyValue());
    const distribution = Object.values(template.findResources('AWS::CloudFront::Distribution'))[0] as any;
    expect(distribution.Properties.DistributionConfig.Aliases).toEqual(['site.example.com']);
    expect(distribution.Properties.DistributionConfig.ViewerCertificate).toEqual({
      AcmCertificateArn: { 'Fn::GetAtt': [expect.stringMatching(/^ExportsReader/), expect.stringMatching(/^\/cdk\/exports\/App\//)] },
      MinimumProtocolVersion: 'TLSv1.2_2021',
      SslSupportMethod: 'sni-only',
    });
    template.hasResourceProperties('AWS::Route53::RecordSet', { Name: 'site.example.com.', Type: 'A', HostedZoneId: DOMAIN.hostedZoneId });
    expect(template.findResources('AWS::CertificateManager::Certificate', { Properties: { DomainName: 'site.example.com' } })).toEqual({});
    // The application stack deploys after the certificates.
    expect(assembly.getStackByName('App').dependencies.map((d) => d.id)).toContain('App-CloudFrontCertificates');
  });

  test('both stacks pass the security gate with no unacknowledged finding, the cross-region handlers recognised as CDK\'s', () => {
    // Synthesis ran the gate on both stacks (it throws on a finding); their evaluations say the same.
    expect(stack.security!.lastEvaluation!.findings).toEqual([]);
    // The cross-region reader's function (a CustomResourceProvider of aws-cdk-lib) is one of CDK's handlers.
    const resources = stack.node.findAll().filter((c): c is CfnResource => CfnResource.isCfnResource(c) && Stack.of(c) === stack);
    const handlers = [...exemptCustomResourceHandlers(stack, resources)];
    expect(handlers).toEqual(expect.arrayContaining([expect.stringMatching(/^CustomCrossRegionExportReaderCustomResourceProviderHandler/)]));
    expect(warnings(stack).join('\n')).not.toMatch(/site-domain/);
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

test('an environment-agnostic stack with a domain and a static site fails validation naming requirements.domain and the fixes', () => {
  const site = { name: 'www', environment: EnvironmentTier.STAGING, domain: DOMAIN, services: [{ name: 'site', workload: WorkloadType.STATIC_SITE }] };
  expect(() => synth(site)).toThrow(/requirements\.domain serves static site 'site\.example\.com' through CloudFront.*environment-agnostic.*give the stack an env with its region.*or give requirements\.domain\.certificateArn/);
  // Either fix synthesizes, and neither needs a second stack in us-east-1.
  const arn = 'arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555';
  const given = synth({ ...site, domain: { ...DOMAIN, certificateArn: arn } });
  expect(given.assembly.stacks.map((s) => s.stackName)).toEqual(['App']);
  given.template.hasResourceProperties('AWS::CloudFront::Distribution', { DistributionConfig: Match.objectLike({ ViewerCertificate: Match.objectLike({ AcmCertificateArn: arn }) }) });
  expect(synth(site, { region: 'us-east-1' }).assembly.stacks.map((s) => s.stackName)).toEqual(['App']);
});

test('the certificate stack is under the security gate: a finding there fails synth', () => {
  const app = new App();
  new ApplicationStack(app, 'App', {
    env: EU,
    designReport: false,
    requirements: { name: 'www', environment: EnvironmentTier.STAGING, domain: DOMAIN, services: [{ name: 'site', workload: WorkloadType.STATIC_SITE }] },
  });
  const certificates = app.node.findChild('App-CloudFrontCertificates') as Stack;
  const everything = new iam.PolicyDocument({ statements: [new iam.PolicyStatement({ actions: ['*'], resources: ['*'] })] });
  new iam.Role(certificates, 'TooBroad', { assumedBy: new iam.AccountRootPrincipal(), inlinePolicies: { all: everything } });
  expect(() => app.synth()).toThrow(/App-CloudFrontCertificates\/TooBroad/);
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
