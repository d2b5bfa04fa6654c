import { checkEnum, describe, isObject, Problems } from './checks';
import { ApiAuthType, ComplianceFramework, EnvironmentTier, RuntimePreference, WorkloadType } from './enums';

/** AWS allows 50 tags per resource. */
export const MAX_TAGS_PER_RESOURCE = 50;
/**
 * Tag keys a resource of an `ApplicationStack` can carry besides the requirements' own: the
 * library's (application, environment, managed-by, owner, cost-center) and the ones CDK puts
 * on VPC resources (Name, aws-cdk:subnet-name, aws-cdk:subnet-type).
 */
export const LIBRARY_TAG_KEYS = ['application', 'environment', 'managed-by', 'owner', 'cost-center'];
const CDK_TAG_KEYS = ['Name', 'aws-cdk:subnet-name', 'aws-cdk:subnet-type'];

const DNS_NAME = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const HOSTED_ZONE_ID = /^Z[A-Z0-9]{1,31}$/;
const ACM_CERTIFICATE_ARN = /^arn:aws[a-z-]*:acm:([a-z0-9-]+):\d{12}:certificate\/[0-9a-f-]{36}$/;
/** A Linux user or uid, optionally with a group or gid (Docker's `user`). */
const CONTAINER_USER = /^([a-z_][a-z0-9_-]{0,31}|\d{1,10})(:([a-z_][a-z0-9_-]{0,31}|\d{1,10}))?$/;
/** Workloads whose endpoint users reach over HTTP(S). */
const USER_FACING = [WorkloadType.HTTP_API, WorkloadType.WEB_SERVICE, WorkloadType.STATIC_SITE];
/**
 * A load balancer serves plain HTTP on its AWS name (ACM cannot issue a certificate for it).
 * API Gateway and CloudFront serve HTTPS on theirs, so a domain is their choice.
 */
function servedOverHttpWithoutDomain(workload: WorkloadType, runtime: unknown): boolean {
  return workload === WorkloadType.WEB_SERVICE ? runtime !== RuntimePreference.FUNCTION
    : workload === WorkloadType.HTTP_API && runtime === RuntimePreference.CONTAINER;
}

/** Frameworks under which a production endpoint must be HTTPS on the application's own domain. */
const DOMAIN_FRAMEWORKS = [ComplianceFramework.PCI_DSS_321, ComplianceFramework.HIPAA];
/** A deliberately public API under a framework says why in at least this much text (a sentence, not a word). */
const MIN_REASON_LENGTH = 20;

/** A reason a reviewer can read: a sentence of at least 20 characters and 4 words. */
export function isReasonSentence(reason: unknown): boolean {
  const text = typeof reason === 'string' ? reason.trim() : '';
  return text.length >= MIN_REASON_LENGTH && text.split(/\s+/).length >= 4;
}

/**
 * Validates what faces users and the limits AWS sets on it: `domain`, `services[].auth`,
 * `services[].hostName`, `services[].containerUser`, and the tag count per resource.
 */
export function validateEdge(p: Problems, root: string, input: Record<string, unknown>): void {
  validateTagCount(p, `${root}.tags`, input.tags);
  const zoneName = validateDomain(p, `${root}.domain`, input.domain);
  const compliance = Array.isArray(input.compliance) ? input.compliance : [];
  if (!Array.isArray(input.services)) return;
  const hosts = new Map<string, string>();
  input.services.forEach((s, i) => {
    if (!isObject(s)) return;
    const at = `${root}.services[${i}]`;
    const workload = s.workload as WorkloadType;
    const userFacing = USER_FACING.includes(workload);
    if (servedOverHttpWithoutDomain(workload, s.runtime) && input.domain === undefined && input.environment === EnvironmentTier.PRODUCTION
      && compliance.some((c) => DOMAIN_FRAMEWORKS.includes(c))) {
      p.push({
        path: `${root}.domain`,
        message: `is required: ${describe(s.name)} is a container ${workload} in a production stack under ${compliance.filter((c) => DOMAIN_FRAMEWORKS.includes(c)).join(', ')}, `
          + 'and its load balancer can only serve HTTPS with a certificate on your own domain; give { zoneName, hostedZoneId } (and certificateArn to use an existing certificate)',
      });
    }
    validateHost(p, at, s, userFacing, zoneName, input.domain !== undefined, hosts);
    validateAuth(p, `${at}.auth`, s.auth, workload, s.runtime as RuntimePreference | undefined, compliance.length > 0, input.domain !== undefined);
    validateContainerUser(p, `${at}.containerUser`, s.containerUser, workload, s.runtime as RuntimePreference | undefined, compliance.length > 0);
  });
  const certificateRegion = isObject(input.domain) && typeof input.domain.certificateArn === 'string'
    ? ACM_CERTIFICATE_ARN.exec(input.domain.certificateArn)?.[1] : undefined;
  if (certificateRegion && certificateRegion !== 'us-east-1' && input.services.some((s) => isObject(s) && s.workload === WorkloadType.STATIC_SITE)) {
    p.push({
      path: `${root}.domain.certificateArn`,
      message: `is in ${certificateRegion}, but CloudFront (the static site) only uses certificates in us-east-1: leave certificateArn out and the library creates DNS-validated certificates where each endpoint needs them`,
    });
  }
}

function validateTagCount(p: Problems, path: string, tags: unknown): void {
  if (!isObject(tags)) return;
  const keys = new Set([...Object.keys(tags), ...LIBRARY_TAG_KEYS, ...CDK_TAG_KEYS]);
  if (keys.size > MAX_TAGS_PER_RESOURCE) {
    const own = keys.size - Object.keys(tags).length;
    p.push({
      path,
      message: `has ${Object.keys(tags).length} tags; with the ${own} the library and CDK add (${[...LIBRARY_TAG_KEYS, ...CDK_TAG_KEYS].filter((k) => !(k in tags)).join(', ')}) `
        + `a resource would carry ${keys.size}, and AWS allows ${MAX_TAGS_PER_RESOURCE}: give at most ${MAX_TAGS_PER_RESOURCE - own}`,
    });
  }
}

/** Returns the zone name when the domain is valid. */
function validateDomain(p: Problems, path: string, domain: unknown): string | undefined {
  if (domain === undefined) return undefined;
  if (!isObject(domain)) {
    p.push({ path, message: `must be an object with zoneName and hostedZoneId (and optionally certificateArn), got ${describe(domain)}` });
    return undefined;
  }
  let ok = true;
  if (typeof domain.zoneName !== 'string' || !DNS_NAME.test(domain.zoneName)) {
    p.push({ path: `${path}.zoneName`, message: `must be the hosted zone's lowercase DNS name such as 'example.com' (no trailing dot), got ${describe(domain.zoneName)}` });
    ok = false;
  }
  if (typeof domain.hostedZoneId !== 'string' || !HOSTED_ZONE_ID.test(domain.hostedZoneId)) {
    p.push({ path: `${path}.hostedZoneId`, message: `must be a Route 53 hosted zone ID such as 'Z0123456789ABCDEFGHIJ' (Z and capital letters or digits), got ${describe(domain.hostedZoneId)}` });
  }
  if (domain.certificateArn !== undefined && (typeof domain.certificateArn !== 'string' || !ACM_CERTIFICATE_ARN.test(domain.certificateArn))) {
    p.push({ path: `${path}.certificateArn`, message: `must be an ACM certificate ARN such as 'arn:aws:acm:us-east-1:123456789012:certificate/<uuid>', got ${describe(domain.certificateArn)}` });
  }
  return ok ? domain.zoneName as string : undefined;
}

function validateHost(p: Problems, at: string, s: Record<string, unknown>, userFacing: boolean, zoneName: string | undefined,
  hasDomain: boolean, hosts: Map<string, string>): void {
  const path = `${at}.hostName`;
  if (s.hostName !== undefined) {
    if (!userFacing) {
      p.push({ path, message: `applies only to user-facing services (WorkloadType.HTTP_API, WEB_SERVICE, STATIC_SITE), not ${describe(s.workload)}` });
      return;
    }
    if (!hasDomain) {
      p.push({ path, message: 'needs requirements.domain: the host name is created in its hosted zone' });
      return;
    }
    if (typeof s.hostName !== 'string' || !DNS_NAME.test(s.hostName)) {
      p.push({ path, message: `must be a lowercase DNS name such as 'api.example.com', got ${describe(s.hostName)}` });
      return;
    }
    if (zoneName && s.hostName !== zoneName && !s.hostName.endsWith(`.${zoneName}`)) {
      p.push({ path, message: `must be in the hosted zone '${zoneName}' (equal to it or ending in '.${zoneName}'), got '${s.hostName}'` });
      return;
    }
  }
  if (!userFacing || !zoneName || typeof s.name !== 'string') return;
  const host = typeof s.hostName === 'string' ? s.hostName : `${s.name}.${zoneName}`;
  if (host.length > 253) {
    p.push({ path, message: `'${host}' is longer than the 253 characters DNS allows: give a shorter hostName` });
    return;
  }
  const earlier = hosts.get(host);
  if (earlier !== undefined) p.push({ path, message: `'${host}' is already the host of service '${earlier}'; each service needs its own host name` });
  else hosts.set(host, s.name);
}

function validateAuth(p: Problems, path: string, auth: unknown, workload: WorkloadType, runtime: RuntimePreference | undefined,
  underFramework: boolean, hasDomain: boolean): void {
  if (auth === undefined) return;
  if (workload !== WorkloadType.HTTP_API && workload !== WorkloadType.WEB_SERVICE) {
    p.push({ path, message: `applies only to WorkloadType.HTTP_API and WEB_SERVICE, not ${describe(workload)}` });
    return;
  }
  if (!isObject(auth)) {
    p.push({ path, message: `must be an object with type (ApiAuthType) and, for JWT, issuer and audience, got ${describe(auth)}` });
    return;
  }
  if (!checkEnum(p, `${path}.type`, auth.type, ApiAuthType, 'ApiAuthType', true)) return;
  const type = auth.type as ApiAuthType;
  const onLoadBalancer = workload === WorkloadType.WEB_SERVICE || runtime === RuntimePreference.CONTAINER;
  if (type === ApiAuthType.JWT) {
    if (typeof auth.issuer !== 'string' || !/^https:\/\/[^\s/]+(\/\S*)?$/.test(auth.issuer)) {
      p.push({ path: `${path}.issuer`, message: `is required for ApiAuthType.JWT: the token issuer's https URL such as 'https://cognito-idp.us-east-1.amazonaws.com/<pool id>', got ${describe(auth.issuer)}` });
    }
    if (!Array.isArray(auth.audience) || auth.audience.length === 0 || auth.audience.some((a) => typeof a !== 'string' || a.length === 0)) {
      p.push({ path: `${path}.audience`, message: `is required for ApiAuthType.JWT: a non-empty list of accepted audiences (client IDs), got ${describe(auth.audience)}` });
    }
    if (onLoadBalancer && !hasDomain) {
      p.push({ path, message: 'ApiAuthType.JWT on a container service is verified by the load balancer\'s HTTPS listener, which needs requirements.domain' });
    }
  } else {
    if (auth.issuer !== undefined) p.push({ path: `${path}.issuer`, message: `applies only to ApiAuthType.JWT, not '${type}'` });
    if (auth.audience !== undefined) p.push({ path: `${path}.audience`, message: `applies only to ApiAuthType.JWT, not '${type}'` });
  }
  if (type === ApiAuthType.IAM && onLoadBalancer) {
    p.push({ path: `${path}.type`, message: 'ApiAuthType.IAM needs API Gateway: use it on a WorkloadType.HTTP_API with runtime FUNCTION; a load balancer cannot verify SigV4' });
  }
  if (type === ApiAuthType.NONE) {
    if (underFramework && !isReasonSentence(auth.reason)) {
      p.push({ path: `${path}.reason`, message: `is required under a compliance framework: say in a sentence why anyone may call this API (it is shown in the report), got ${describe(auth.reason)}` });
    }
  } else if (auth.reason !== undefined) {
    p.push({ path: `${path}.reason`, message: `applies only to ApiAuthType.NONE, not '${type}'` });
  }
}

function validateContainerUser(p: Problems, path: string, user: unknown, workload: WorkloadType, runtime: RuntimePreference | undefined,
  underFramework: boolean): void {
  if (user === undefined) return;
  const container = workload === WorkloadType.WEB_SERVICE ? runtime !== RuntimePreference.FUNCTION
    : workload === WorkloadType.HTTP_API && runtime !== RuntimePreference.FUNCTION;
  if (!container) {
    p.push({ path, message: `applies only to container services (WorkloadType.WEB_SERVICE, or HTTP_API with runtime CONTAINER or AUTO), not ${describe(workload)}${runtime ? ` with runtime '${runtime}'` : ''}` });
    return;
  }
  if (typeof user !== 'string' || !CONTAINER_USER.test(user)) {
    p.push({ path, message: `must be a user the image knows, as name, uid, name:group or uid:gid (for example '1000:1000'), got ${describe(user)}` });
    return;
  }
  const name = user.split(':')[0];
  if (underFramework && (name === 'root' || name === '0')) {
    p.push({ path, message: 'must not be root under a compliance framework: build the image with a non-root user and name it here' });
  }
}
