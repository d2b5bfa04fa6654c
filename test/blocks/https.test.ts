// HTTPS on a custom domain, from block props only: no lookups, so synth needs no credentials.
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { CloudFrontCertificateStack, ContainerService, FunctionService, NetworkBlock, StaticSite } from '../../src/blocks';

const ZONE = { hostedZoneId: 'Z0123456789ABCDEFGHIJ', zoneName: 'example.com' };
const zoneIn = (stack: Stack) => route53.HostedZone.fromHostedZoneAttributes(stack, 'Zone', ZONE);

describe('ContainerService on a domain', () => {
  const stack = new Stack();
  const network = new NetworkBlock(stack, 'Network');
  const web = new ContainerService(stack, 'Web', {
    vpc: network.vpc,
    domainName: 'web.example.com',
    hostedZone: zoneIn(stack),
    jwtIssuer: 'https://issuer.example.com',
    jwksEndpoint: 'https://issuer.example.com/.well-known/jwks.json',
  });
  const template = Template.fromStack(stack);

  test('a DNS-validated certificate, an HTTPS listener with the TLS 1.3/1.2 policy and an HTTP redirect', () => {
    template.hasResourceProperties('AWS::CertificateManager::Certificate', {
      DomainName: 'web.example.com', ValidationMethod: 'DNS', DomainValidationOptions: [{ DomainName: 'web.example.com', HostedZoneId: ZONE.hostedZoneId }],
    });
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 443, Protocol: 'HTTPS', SslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06', Certificates: [{ CertificateArn: { Ref: Match.stringLikeRegexp('^WebCertificate') } }],
    });
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 80, Protocol: 'HTTP', DefaultActions: [{ Type: 'redirect', RedirectConfig: { Port: '443', Protocol: 'HTTPS', StatusCode: 'HTTP_301' } }],
    });
    expect(web.url).toBe('https://web.example.com');
  });

  test('an alias record in the zone, and JWT verification before forwarding', () => {
    template.hasResourceProperties('AWS::Route53::RecordSet', { Name: 'web.example.com.', Type: 'A', HostedZoneId: ZONE.hostedZoneId });
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 443,
      DefaultActions: [
        { Type: 'jwt-validation', Order: 1, JwtValidationConfig: { Issuer: 'https://issuer.example.com', JwksEndpoint: 'https://issuer.example.com/.well-known/jwks.json' } },
        Match.objectLike({ Type: 'forward', Order: 2 }),
      ],
    });
  });

  test('an existing certificate ARN is used as is; a domain without its zone is rejected', () => {
    const s = new Stack();
    const n = new NetworkBlock(s, 'Network');
    new ContainerService(s, 'Web', { vpc: n.vpc, certificate: acm.Certificate.fromCertificateArn(s, 'Cert', 'arn:aws:acm:us-east-1:123456789012:certificate/abc') });
    Template.fromStack(s).hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Protocol: 'HTTPS', Certificates: [{ CertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc' }],
    });
    Template.fromStack(s).resourceCountIs('AWS::CertificateManager::Certificate', 0);
    expect(() => new ContainerService(s, 'Bad', { vpc: n.vpc, domainName: 'bad.example.com' })).toThrow(/Bad: domainName and hostedZone go together/);
  });
});

describe('FunctionService on a domain', () => {
  const stack = new Stack();
  const api = new FunctionService(stack, 'Api', {
    domainName: 'api.example.com',
    hostedZone: zoneIn(stack),
    jwtAuthorizer: { issuer: 'https://issuer.example.com/pool', audience: ['client-1'] },
  });
  const template = Template.fromStack(stack);

  test('a regional custom domain with TLS 1.2, mapped to the default stage, with an alias record', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::DomainName', {
      DomainName: 'api.example.com',
      DomainNameConfigurations: [Match.objectLike({ EndpointType: 'REGIONAL', SecurityPolicy: 'TLS_1_2' })],
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::ApiMapping', { Stage: '$default' });
    template.hasResourceProperties('AWS::Route53::RecordSet', { Name: 'api.example.com.', Type: 'A' });
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', { DisableExecuteApiEndpoint: true });
    expect(api.url).toBe('https://api.example.com/');
  });

  test('a JWT authorizer with issuer and audience on the catch-all route', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT', JwtConfiguration: { Issuer: 'https://issuer.example.com/pool', Audience: ['client-1'] },
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: '$default', AuthorizationType: 'JWT' });
  });

  test('IAM authorization, and a public API whose reason is recorded', () => {
    const s = new Stack();
    new FunctionService(s, 'Iam', { iamAuthorization: true });
    Template.fromStack(s).hasResourceProperties('AWS::ApiGatewayV2::Route', { AuthorizationType: 'AWS_IAM' });
    const open = new FunctionService(s, 'Open', { publicAccessReason: 'the catalogue is public and read-only' });
    const acknowledged = JSON.stringify(open.httpApi.node.metadata.map((m) => m.data));
    expect(acknowledged).toContain('Public API without an authorizer: the catalogue is public and read-only');
    expect(() => new FunctionService(s, 'Both', { iamAuthorization: true, jwtAuthorizer: { issuer: 'https://i', audience: ['a'] } }))
      .toThrow(/Both: give at most one of authorizer, jwtAuthorizer and iamAuthorization/);
  });
});

describe('StaticSite on a domain', () => {
  test('in us-east-1: a DNS-validated certificate, TLS 1.2 viewers, A and AAAA aliases', () => {
    const stack = new Stack(new App(), 'Site', { env: { account: '123456789012', region: 'us-east-1' } });
    const site = new StaticSite(stack, 'Site', { domainNames: ['www.example.com'], hostedZone: zoneIn(stack) });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::CertificateManager::Certificate', { DomainName: 'www.example.com', ValidationMethod: 'DNS' });
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Aliases: ['www.example.com'],
        ViewerCertificate: Match.objectLike({ MinimumProtocolVersion: 'TLSv1.2_2021', SslSupportMethod: 'sni-only' }),
      }),
    });
    template.hasResourceProperties('AWS::Route53::RecordSet', { Name: 'www.example.com.', Type: 'A' });
    template.hasResourceProperties('AWS::Route53::RecordSet', { Name: 'www.example.com.', Type: 'AAAA' });
    expect(site.url).toBe('https://www.example.com');
  });

  test('elsewhere: rejected without a certificate; a CloudFrontCertificateStack provides one across regions', () => {
    const app = new App();
    const env = { account: '123456789012', region: 'eu-west-1' };
    const bad = new Stack(app, 'Bad', { env });
    const badZone = zoneIn(bad);
    expect(() => new StaticSite(bad, 'Site', { domainNames: ['www.example.com'], hostedZone: badZone }))
      .toThrow(/CloudFront takes certificates from us-east-1 only, and this stack is in eu-west-1: create it with a CloudFrontCertificateStack/);

    const certificates = new CloudFrontCertificateStack(app, 'Certificates', { env, domainNames: ['www.example.com'], hostedZone: badZone });
    const stack = new Stack(app, 'Site', { env, crossRegionReferences: true });
    stack.addDependency(certificates);
    new StaticSite(stack, 'Site', { domainNames: ['www.example.com'], hostedZone: zoneIn(stack), certificate: certificates.certificate! });
    expect(certificates.region).toBe('us-east-1');
    Template.fromStack(certificates).hasResourceProperties('AWS::CertificateManager::Certificate', { DomainName: 'www.example.com', ValidationMethod: 'DNS' });
    const site = Template.fromStack(stack);
    site.resourceCountIs('AWS::CertificateManager::Certificate', 0);
    site.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({ ViewerCertificate: Match.objectLike({ AcmCertificateArn: Match.anyValue(), MinimumProtocolVersion: 'TLSv1.2_2021' }) }),
    });
  });
});
