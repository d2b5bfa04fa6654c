/**
 * A rule of the security policy. The enforcing aspects apply each rule to every resource
 * of an `ApplicationStack`, including resources added by hand; a rule can be relaxed only
 * with a reason (`SecurityPolicy.relax`).
 */
export enum SecurityRule {
  /** Encryption at rest: buckets, queues, topics, tables, databases, caches, secrets and log groups. */
  ENCRYPTION_AT_REST = 'encryption-at-rest',
  /**
   * A customer managed KMS key (one per stack, about $1 a month) for buckets, log groups and
   * secrets, where a compliance framework asks for one.
   */
  CUSTOMER_MANAGED_KEYS = 'customer-managed-keys',
  /** Bucket, queue and topic policies deny requests that do not use TLS. */
  TLS_ONLY = 'tls-only',
  /** S3 Block Public Access on every bucket that does not explicitly ask for public access. */
  BLOCK_PUBLIC_ACCESS = 'block-public-access',
  /** Access logs of buckets, load balancers and distributions go to the stack's log bucket. */
  ACCESS_LOGS = 'access-logs',
  /** Every log group has a retention period (the policy's `logRetentionDays`). */
  LOG_RETENTION = 'log-retention',
  /**
   * Point-in-time recovery, versioning, snapshot retention and a daily AWS Backup plan for
   * tables and databases.
   */
  BACKUPS = 'backups',
  /** Deletion protection on load balancers, databases and tables. */
  DELETION_PROTECTION = 'deletion-protection',
  /** Lambda tracing, no public IPs on containers, no public subnets auto-assigning IPs. */
  COMPUTE_HARDENING = 'compute-hardening',
}
