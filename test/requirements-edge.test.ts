import {
  ApiAuthType, ApplicationRequirements, ComplianceFramework, EnvironmentTier, RuntimePreference, ServiceRequirements, WorkloadType,
} from '../src/requirements';
import { findRequirementProblems } from '../src/requirements/validate';

const DOMAIN = { zoneName: 'example.com', hostedZoneId: 'Z0123456789ABCDEFGHIJ' };

function problems(overrides: Partial<ApplicationRequirements>, service: Partial<ServiceRequirements> = {}): string[] {
  const requirements = {
    name: 'app',
    environment: EnvironmentTier.DEVELOPMENT,
    services: [{ name: 'api', workload: WorkloadType.HTTP_API, ...service }],
    ...overrides,
  };
  return findRequirementProblems(requirements).map((p) => `${p.path} ${p.message}`);
}

describe('tags', () => {
  const tags = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`tag-${i}`, 'v']));

  test('60 tags are rejected naming requirements.tags and the limit', () => {
    expect(problems({ tags: tags(60) })).toEqual([
      expect.stringMatching(/^requirements\.tags has 60 tags; with the 8 the library and CDK add .* a resource would carry 68, and AWS allows 50: give at most 42$/),
    ]);
  });

  test('42 tags fit, and keys the library also sets count once', () => {
    expect(problems({ tags: tags(42) })).toEqual([]);
    expect(problems({ tags: { ...tags(42), 'owner': 'team', 'cost-center': 'cc' } })).toEqual([]);
    expect(problems({ tags: tags(43) })).toHaveLength(1);
  });

  test('key and value lengths', () => {
    expect(problems({ tags: { ['k'.repeat(129)]: 'v' } })).toEqual([expect.stringMatching(/must be a key of 1-128/)]);
    expect(problems({ tags: { k: 'v'.repeat(257) } })).toEqual([expect.stringMatching(/must be a value of at most 256/)]);
  });
});

describe('domain', () => {
  test('a valid domain with an existing certificate passes', () => {
    expect(problems({ domain: { ...DOMAIN, certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0' } })).toEqual([]);
  });

  test('zone name, hosted zone ID and certificate ARN are checked', () => {
    expect(problems({ domain: { zoneName: 'Example.com.', hostedZoneId: 'abc', certificateArn: 'arn:aws:iam::123:cert' } })).toEqual([
      expect.stringMatching(/^requirements\.domain\.zoneName must be the hosted zone's lowercase DNS name/),
      expect.stringMatching(/^requirements\.domain\.hostedZoneId must be a Route 53 hosted zone ID .* got 'abc'$/),
      expect.stringMatching(/^requirements\.domain\.certificateArn must be an ACM certificate ARN/),
    ]);
  });

  test('a static site needs a us-east-1 certificate', () => {
    expect(problems({ domain: { ...DOMAIN, certificateArn: 'arn:aws:acm:eu-west-1:123456789012:certificate/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0' } },
      { name: 'site', workload: WorkloadType.STATIC_SITE })).toEqual([
      expect.stringMatching(/^requirements\.domain\.certificateArn is in eu-west-1, but CloudFront .* only uses certificates in us-east-1/),
    ]);
  });

  test('a PCI DSS production container web service without a domain fails naming requirements.domain', () => {
    const pci = { environment: EnvironmentTier.PRODUCTION, compliance: [ComplianceFramework.PCI_DSS_321] };
    expect(problems(pci, { name: 'web', workload: WorkloadType.WEB_SERVICE })).toEqual([
      expect.stringMatching(/^requirements\.domain is required: 'web' is a container web-service in a production stack under pci-dss-3\.2\.1, and its load balancer can only serve HTTPS/),
    ]);
    expect(problems({ ...pci, compliance: [ComplianceFramework.HIPAA] }, { runtime: RuntimePreference.CONTAINER })).toEqual([
      expect.stringMatching(/^requirements\.domain is required: 'api' is a container http-api/),
    ]);
    // API Gateway and CloudFront serve HTTPS on their own names.
    expect(problems(pci, { name: 'api', workload: WorkloadType.HTTP_API, runtime: RuntimePreference.FUNCTION })).toEqual([]);
    expect(problems(pci, { name: 'site', workload: WorkloadType.STATIC_SITE })).toEqual([]);
    expect(problems({ ...pci, domain: DOMAIN }, { name: 'web', workload: WorkloadType.WEB_SERVICE })).toEqual([]);
    expect(problems({ ...pci, environment: EnvironmentTier.STAGING }, { name: 'web', workload: WorkloadType.WEB_SERVICE })).toEqual([]);
    expect(problems(pci, { name: 'worker', workload: WorkloadType.QUEUE_WORKER })).toEqual([]);
  });
});

describe('services[].hostName', () => {
  test('must be in the zone, on a user-facing service, with a domain', () => {
    expect(problems({ domain: DOMAIN }, { hostName: 'api.example.org' })).toEqual([
      "requirements.services[0].hostName must be in the hosted zone 'example.com' (equal to it or ending in '.example.com'), got 'api.example.org'",
    ]);
    expect(problems({}, { hostName: 'api.example.com' })).toEqual([
      'requirements.services[0].hostName needs requirements.domain: the host name is created in its hosted zone',
    ]);
    expect(problems({ domain: DOMAIN }, { workload: WorkloadType.QUEUE_WORKER, hostName: 'w.example.com' })).toEqual([
      expect.stringMatching(/^requirements\.services\[0\]\.hostName applies only to user-facing services/),
    ]);
    expect(problems({ domain: DOMAIN }, { hostName: 'example.com' })).toEqual([]);
  });

  test('two services on one host are rejected', () => {
    const requirements = {
      name: 'app',
      environment: EnvironmentTier.DEVELOPMENT,
      domain: DOMAIN,
      services: [{ name: 'api', workload: WorkloadType.HTTP_API }, { name: 'web', workload: WorkloadType.WEB_SERVICE, hostName: 'api.example.com' }],
    };
    expect(findRequirementProblems(requirements).map((p) => `${p.path} ${p.message}`)).toEqual([
      "requirements.services[1].hostName 'api.example.com' is already the host of service 'api'; each service needs its own host name",
    ]);
  });
});

describe('services[].auth', () => {
  const jwt = { type: ApiAuthType.JWT, issuer: 'https://issuer.example.com/pool', audience: ['client-1'] };

  test('JWT needs an https issuer and a non-empty audience', () => {
    expect(problems({}, { auth: jwt })).toEqual([]);
    expect(problems({}, { auth: { type: ApiAuthType.JWT, issuer: 'http://issuer.example.com', audience: [] } })).toEqual([
      expect.stringMatching(/^requirements\.services\[0\]\.auth\.issuer is required for ApiAuthType\.JWT: the token issuer's https URL/),
      expect.stringMatching(/^requirements\.services\[0\]\.auth\.audience is required for ApiAuthType\.JWT: a non-empty list/),
    ]);
  });

  test('type is an ApiAuthType', () => {
    expect(problems({}, { auth: { type: 'oauth' as ApiAuthType } })).toEqual([
      "requirements.services[0].auth.type must be one of ApiAuthType.JWT ('jwt'), ApiAuthType.IAM ('iam'), ApiAuthType.NONE ('none'), got 'oauth'",
    ]);
  });

  test('NONE under a compliance framework needs a sentence of reason', () => {
    const hipaa = { compliance: [ComplianceFramework.HIPAA] };
    expect(problems({}, { auth: { type: ApiAuthType.NONE } })).toEqual([]);
    expect(problems(hipaa, { auth: { type: ApiAuthType.NONE, reason: 'public' } })).toEqual([
      expect.stringMatching(/^requirements\.services\[0\]\.auth\.reason is required under a compliance framework: say in a sentence why/),
    ]);
    expect(problems(hipaa, { auth: { type: ApiAuthType.NONE, reason: 'Public product catalogue: read-only, no personal data.' } })).toEqual([]);
  });

  test('only on HTTP APIs and web services; IAM only through API Gateway', () => {
    expect(problems({}, { workload: WorkloadType.QUEUE_WORKER, auth: { type: ApiAuthType.IAM } })).toEqual([
      "requirements.services[0].auth applies only to WorkloadType.HTTP_API and WEB_SERVICE, not 'queue-worker'",
    ]);
    expect(problems({}, { workload: WorkloadType.WEB_SERVICE, auth: { type: ApiAuthType.IAM } })).toEqual([
      expect.stringMatching(/^requirements\.services\[0\]\.auth\.type ApiAuthType\.IAM needs API Gateway/),
    ]);
    expect(problems({}, { auth: { type: ApiAuthType.IAM, reason: 'x' } })).toEqual([
      "requirements.services[0].auth.reason applies only to ApiAuthType.NONE, not 'iam'",
    ]);
  });

  test('JWT on a container service needs the domain (the HTTPS listener verifies it)', () => {
    expect(problems({}, { runtime: RuntimePreference.CONTAINER, auth: jwt })).toEqual([
      expect.stringMatching(/^requirements\.services\[0\]\.auth ApiAuthType\.JWT on a container service .* needs requirements\.domain$/),
    ]);
    expect(problems({ domain: DOMAIN }, { runtime: RuntimePreference.CONTAINER, auth: jwt })).toEqual([]);
  });
});

describe('services[].containerUser', () => {
  test('container runtimes only, as user, uid or uid:gid', () => {
    expect(problems({}, { workload: WorkloadType.WEB_SERVICE, containerUser: '1000:1000' })).toEqual([]);
    expect(problems({}, { runtime: RuntimePreference.FUNCTION, containerUser: '1000' })).toEqual([
      "requirements.services[0].containerUser applies only to container services (WorkloadType.WEB_SERVICE, or HTTP_API with runtime CONTAINER or AUTO), not 'http-api' with runtime 'function'",
    ]);
    expect(problems({}, { workload: WorkloadType.WEB_SERVICE, containerUser: 'a b' })).toEqual([
      expect.stringMatching(/must be a user the image knows, as name, uid, name:group or uid:gid/),
    ]);
  });

  test('root is refused under a compliance framework', () => {
    expect(problems({ compliance: [ComplianceFramework.NIST_800_53_R5] }, { workload: WorkloadType.WEB_SERVICE, containerUser: '0:0' })).toEqual([
      'requirements.services[0].containerUser must not be root under a compliance framework: build the image with a non-root user and name it here',
    ]);
  });
});
