import {
  ApiAuthType,
  BudgetEnforcement,
  CacheAuthenticationRequirement,
  ComplianceFramework,
  DataStoreKind,
  EnvironmentTier,
  RuntimePreference,
  WorkloadType,
} from './enums';

/** Expected traffic of one service. */
export interface TrafficRequirements {
  /**
   * Requests (or messages, or runs) in a month.
   * @default - 1,000,000 for request-driven workloads
   */
  readonly monthlyRequests?: number;
  /**
   * Highest requests per second the service must absorb.
   * @default - 10
   */
  readonly peakRequestsPerSecond?: number;
  /**
   * Average response size in KB, for data transfer.
   * @default 10
   */
  readonly averageResponseSizeKb?: number;
}

/** Who may call a service's API. */
export interface ServiceAuthRequirements {
  /** The kind of authorization. */
  readonly type: ApiAuthType;
  /**
   * For JWT: the issuer URL (`https://...`), as in the tokens' `iss` claim.
   * @default - none (required for JWT)
   */
  readonly issuer?: string;
  /**
   * For JWT: the accepted audiences (`aud` claim or client IDs).
   * @default - none (required for JWT)
   */
  readonly audience?: string[];
  /**
   * For NONE: why the API is deliberately public. Required under a compliance framework;
   * the report shows it.
   * @default - none
   */
  readonly reason?: string;
}

/** The DNS zone the application's user-facing services are served under. */
export interface DomainRequirements {
  /** The hosted zone's name, for example `example.com`. */
  readonly zoneName: string;
  /** The Route 53 hosted zone ID (`Z...`); given, not looked up, so synth needs no credentials. */
  readonly hostedZoneId: string;
  /**
   * An existing ACM certificate covering the services' host names, used instead of creating
   * DNS-validated certificates. It must be in the stack's region (and in us-east-1 for
   * static sites served by CloudFront).
   * @default - the library creates DNS-validated certificates
   */
  readonly certificateArn?: string;
}

/** One service of the application. */
export interface ServiceRequirements {
  /** DNS-style name: lowercase letters, digits and hyphens, starting with a letter. */
  readonly name: string;
  /** What the service does. */
  readonly workload: WorkloadType;
  /**
   * How the service prefers to run. Static sites accept only AUTO; scheduled jobs run as
   * functions.
   * @default RuntimePreference.AUTO
   */
  readonly runtime?: RuntimePreference;
  /**
   * Container image (registry reference, e.g. `public.ecr.aws/org/app:1.2`) for container
   * runtimes.
   * @default - a public placeholder image, labelled as such in the design
   */
  readonly containerImage?: string;
  /**
   * Port the container listens on, for container services.
   * @default 80
   */
  readonly containerPort?: number;
  /**
   * Path the load balancer checks for health, for container services.
   * @default '/'
   */
  readonly healthCheckPath?: string;
  /**
   * Path of a folder with the function code (for function runtimes) or the site files
   * (for static sites).
   * @default - an inline placeholder handler or page, labelled as such in the design
   */
  readonly codePath?: string;
  /**
   * Function handler, `file.export`, when `codePath` is given.
   * @default 'index.handler'
   */
  readonly handler?: string;
  /**
   * Schedule of a scheduled job, as an EventBridge Scheduler expression
   * (`rate(1 hour)`, `cron(0 3 * * ? *)`).
   * @default 'rate(1 hour)'
   */
  readonly schedule?: string;
  /**
   * Expected traffic.
   * @default - defaults per field
   */
  readonly traffic?: TrafficRequirements;
  /**
   * Data stores the service reads and writes, by name.
   * @default - none
   */
  readonly dataStores?: string[];
  /**
   * Data stores the service only reads, by name.
   * @default - none
   */
  readonly readOnlyDataStores?: string[];
  /**
   * For a queue worker: the queue data store it consumes. Required only when the worker
   * lists more than one queue; with none listed the worker gets a queue of its own.
   * @default - the single queue among `dataStores`, or a dedicated queue
   */
  readonly consumesQueue?: string;
  /**
   * Services this service calls, by name. Gives least-privilege network and IAM access to
   * each callee, an environment variable with its endpoint, and puts the callee on the
   * caller's synchronous request path.
   * @default - none
   */
  readonly calls?: string[];
  /**
   * Who may call the service's API (HTTP APIs and web services).
   * @default - see the README: required under a compliance framework for user-facing APIs
   */
  readonly auth?: ServiceAuthRequirements;
  /**
   * Host name the service is served at, when `requirements.domain` is set.
   * @default - `<service name>.<domain zoneName>`
   */
  readonly hostName?: string;
  /**
   * User the container runs as (`uid`, `uid:gid` or a name the image defines), for
   * container runtimes.
   * @default - a non-root user for the placeholder image; see the README for your own images
   */
  readonly containerUser?: string;
}

/** One data store of the application, shared by the services that name it. */
export interface DataStoreRequirements {
  /** DNS-style name: lowercase letters, digits and hyphens, starting with a letter. */
  readonly name: string;
  /** What kind of store. */
  readonly kind: DataStoreKind;
  /**
   * Expected size in GB.
   * @default 1
   */
  readonly storageGb?: number;
  /**
   * Sustained reads per second.
   * @default - not known: capacity follows demand
   */
  readonly readsPerSecond?: number;
  /**
   * Sustained writes per second.
   * @default - not known: capacity follows demand
   */
  readonly writesPerSecond?: number;
  /**
   * For object storage: PUT, COPY, POST and LIST requests a month.
   * @default - derived from the writing services' traffic, as the report's assumptions say
   */
  readonly monthlyPutRequests?: number;
  /**
   * For object storage: GET and other read requests a month.
   * @default - derived from the reading services' traffic, as the report's assumptions say
   */
  readonly monthlyGetRequests?: number;
  /**
   * For a cache: how the services that use it authenticate. Under a compliance framework,
   * NONE needs `authenticationReason` (for caches whose clients cannot sign in yet).
   * @default - CacheAuthenticationRequirement.IAM under a compliance framework, else CacheAuthenticationRequirement.NONE
   */
  readonly authentication?: CacheAuthenticationRequirement;
  /**
   * Why the cache's clients connect without authentication (CacheAuthenticationRequirement.NONE),
   * shown in the report; required under a compliance framework.
   * @default - none
   */
  readonly authenticationReason?: string;
}

/** Availability and recovery objectives. */
export interface AvailabilityRequirements {
  /**
   * Target availability in percent, for example 99.9.
   * @default - 99.9 in production, 99.5 in staging, 99 in development
   */
  readonly targetPercent?: number;
  /**
   * Recovery point objective: data loss the business accepts, in minutes.
   * @default - 60 in production, 1440 otherwise
   */
  readonly rpoMinutes?: number;
  /**
   * Recovery time objective: downtime the business accepts, in minutes.
   * @default - 240 in production, 1440 otherwise
   */
  readonly rtoMinutes?: number;
}

/** A monthly budget. */
export interface BudgetRequirements {
  /** Monthly budget in USD. */
  readonly monthlyUsd: number;
  /**
   * What happens when the estimate exceeds the budget.
   * @default BudgetEnforcement.WARN
   */
  readonly enforcement?: BudgetEnforcement;
}

/** Everything the library needs to know about an application. */
export interface ApplicationRequirements {
  /** DNS-style application name; part of resource names and tags. */
  readonly name: string;
  /** The environment tier. */
  readonly environment: EnvironmentTier;
  /** The application's services (at least one). */
  readonly services: ServiceRequirements[];
  /**
   * Data stores shared by the services.
   * @default - none
   */
  readonly dataStores?: DataStoreRequirements[];
  /**
   * Availability and recovery objectives.
   * @default - per-tier defaults
   */
  readonly availability?: AvailabilityRequirements;
  /**
   * Compliance frameworks to check against.
   * @default - none (AWS Solutions checks still apply)
   */
  readonly compliance?: ComplianceFramework[];
  /**
   * Monthly budget.
   * @default - no budget
   */
  readonly budget?: BudgetRequirements;
  /**
   * Tags applied to every resource (in addition to application and environment tags).
   * @default - none
   */
  readonly tags?: { [key: string]: string };
  /**
   * Domain name the application is served under, for example `shop.example.com`.
   * @default - AWS-provided endpoints
   * @deprecated use `domain`, which serves each user-facing service on its own host name
   */
  readonly domainName?: string;
  /**
   * The DNS zone user-facing services are served under, with HTTPS certificates and DNS
   * records created for them.
   * @default - AWS-provided endpoints
   */
  readonly domain?: DomainRequirements;
}

/** One problem found in the requirements, with the path of the field at fault. */
export interface ValidationProblem {
  /** Path of the field, for example `requirements.services[0].name`. */
  readonly path: string;
  /** What is wrong and what is accepted. */
  readonly message: string;
}
