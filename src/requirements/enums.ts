/** The environment an application is deployed to; it decides size, retention and protection. */
export enum EnvironmentTier {
  /** Small and disposable: single NAT, destroyed with the stack, no deletion protection. */
  DEVELOPMENT = 'development',
  /** Production-like topology at a smaller scale. */
  STAGING = 'staging',
  /** Multi-AZ, retained on delete, deletion-protected. */
  PRODUCTION = 'production',
}

/** What a service does; decides its compute and edge. */
export enum WorkloadType {
  /** A request/response API (JSON over HTTPS). */
  HTTP_API = 'http-api',
  /** A long-running HTTP server (web application, server-rendered pages). */
  WEB_SERVICE = 'web-service',
  /** Consumes messages from a queue. */
  QUEUE_WORKER = 'queue-worker',
  /** Runs on a schedule. */
  SCHEDULED_JOB = 'scheduled-job',
  /** Static files served from a CDN. */
  STATIC_SITE = 'static-site',
  /** A service only other services call: no internet-facing entry point (AWS Copilot's "Backend Service"). */
  BACKEND_SERVICE = 'backend-service',
  /** A WebSocket API: persistent client connections, messages handled by a function. */
  WEBSOCKET_API = 'websocket-api',
}

/** How a service prefers to run. */
export enum RuntimePreference {
  /** Let the design decide from the workload and traffic. */
  AUTO = 'auto',
  /** AWS Lambda. */
  FUNCTION = 'function',
  /** A container on ECS Fargate. */
  CONTAINER = 'container',
}

/** What kind of data store the application needs; the design picks the technology. */
export enum DataStoreKind {
  KEY_VALUE = 'key-value',
  RELATIONAL = 'relational',
  OBJECT_STORAGE = 'object-storage',
  QUEUE = 'queue',
  CACHE = 'cache',
}

/** Compliance frameworks whose rule packs are applied. */
export enum ComplianceFramework {
  HIPAA = 'hipaa',
  PCI_DSS_321 = 'pci-dss-3.2.1',
  NIST_800_53_R5 = 'nist-800-53-r5',
}

/** What happens when the estimated monthly cost exceeds the budget. */
export enum BudgetEnforcement {
  /** Synthesis succeeds with a warning. */
  WARN = 'warn',
  /** Synthesis fails. */
  FAIL_SYNTH = 'fail-synth',
}

/** How the services that use a cache prove who they are to it. */
export enum CacheAuthenticationRequirement {
  /**
   * Redis RBAC with IAM authentication: each service signs in as the cache's IAM user with a
   * short-lived token from its own role (`elasticache:Connect`); the `default` user is disabled.
   */
  IAM = 'iam',
  /**
   * No Redis authentication: the security groups are the only gate (always over TLS). Under a
   * compliance framework a reason is required (`authenticationReason`), shown in the report.
   */
  NONE = 'none',
}

/** How callers of an API prove who they are. */
export enum ApiAuthType {
  /** A JWT from an OpenID Connect issuer (Cognito, Auth0, Okta, ...), checked by API Gateway. */
  JWT = 'jwt',
  /** AWS Signature Version 4: callers are IAM principals. */
  IAM = 'iam',
  /** Deliberately public: no authorization at the edge (a reason is required). */
  NONE = 'none',
}
