import { GB, GB_MONTH, MONTH, ModelContext, PER_MILLION } from '../estimator/context';
import { numberProp } from '../estimator/template-index';

/** CloudFront distribution: data out and HTTPS requests at US/Europe rates. */
export function distribution(ctx: ModelContext): void {
  const gb = ctx.usage.get('monthlyDataTransferOutGb', 10, 'small site');
  const requests = ctx.usage.get('monthlyRequests', 1_000_000, 'request-driven default');
  ctx.assume('viewers in the United States, Mexico and Canada (rates also apply to Europe); all requests HTTPS');
  ctx.charge('Data transfer out to viewers', { serviceCode: 'AmazonCloudFront', usageType: 'US-DataTransfer-Out-Bytes' }, ctx.scaled(gb), GB);
  ctx.charge('HTTPS requests', { serviceCode: 'AmazonCloudFront', usageType: 'US-Requests-Tier2-HTTPS' }, ctx.scaled(requests), { unit: '10,000 requests', per: 1e4 });
}

const PAID_MANAGED_GROUPS = ['AWSManagedRulesBotControlRuleSet', 'AWSManagedRulesATPRuleSet', 'AWSManagedRulesACFPRuleSet', 'AWSManagedRulesAntiDDoSRuleSet'];

/** WAF web ACL: the ACL, one charge per rule or rule group, and inspected requests. */
export function webAcl(ctx: ModelContext): void {
  const rules: any[] = Array.isArray(ctx.props.Rules) ? ctx.props.Rules : [];
  const requests = ctx.usage.get('monthlyRequests', 1_000_000, 'request-driven default');
  if (ctx.props.Scope === 'CLOUDFRONT') ctx.assume('CLOUDFRONT scope: WAF bills it as a global web ACL at the same rates');
  ctx.charge('Web ACL', { serviceCode: 'awswaf', usageType: 'WebACLV2' }, ctx.fixed(1), MONTH('web ACL'));
  ctx.charge(`Rules and rule groups (${rules.length})`, { serviceCode: 'awswaf', usageType: 'RuleV2' }, ctx.fixed(rules.length), MONTH('rule'));
  ctx.charge('Requests inspected', { serviceCode: 'awswaf', usageType: 'RequestV2-Tier1' }, ctx.scaled(requests), PER_MILLION);
  for (const rule of rules) {
    const name = rule?.Statement?.ManagedRuleGroupStatement?.Name;
    if (PAID_MANAGED_GROUPS.includes(name)) ctx.unpriced(`${name} subscription and request fees (no figure in the catalog)`);
  }
}

/** CloudWatch alarm: one charge per metric it evaluates (standard resolution). */
export function alarm(ctx: ModelContext): void {
  const metrics: any[] = Array.isArray(ctx.props.Metrics) ? ctx.props.Metrics : [];
  const periods = [numberProp(ctx.props.Period), ...metrics.map((m) => numberProp(m?.MetricStat?.Period))]
    .filter((p): p is number => p !== undefined);
  if (periods.some((p) => p < 60)) {
    ctx.unpriced('high-resolution alarm (period under 60 s; no figure in the catalog)');
    return;
  }
  if (ctx.props.ThresholdMetricId !== undefined) {
    ctx.unpriced('anomaly detection alarm (no figure in the catalog)');
    return;
  }
  const count = metrics.length > 0 ? Math.max(1, metrics.filter((m) => m?.MetricStat !== undefined).length) : 1;
  ctx.charge(`Alarm metrics (${count}, standard resolution)`, { serviceCode: 'AmazonCloudWatch', usageType: 'CW:AlarmMonitorUsage' }, ctx.fixed(count), MONTH('alarm metric'));
}

/** CloudWatch dashboard: a flat monthly charge. */
export function dashboard(ctx: ModelContext): void {
  ctx.assume('no free dashboard allowance applied');
  ctx.charge('Dashboard', { serviceCode: 'AmazonCloudWatch', usageType: 'DashboardsUsageHour-Basic' }, ctx.fixed(1), MONTH('dashboard'));
}

/** Log group: ingestion and stored data (ingestion times retention, at most 12 months when given none). */
export function logGroup(ctx: ModelContext): void {
  if (ctx.props.LogGroupClass === 'INFREQUENT_ACCESS') {
    ctx.unpriced('Infrequent Access log class (no figure in the catalog)');
    return;
  }
  const ingested = ctx.usage.get('monthlyIngestedLogGb', 1, 'light logging');
  const retentionDays = numberProp(ctx.props.RetentionInDays);
  const months = retentionDays === undefined ? 12 : Math.min(retentionDays / (730 / 24), 12);
  const stored = ctx.usage.get('storageGb', ingested * months,
    retentionDays === undefined ? 'logs never expire: 12 months of ingestion retained' : `ingestion x ${Number(months.toFixed(2))} months of retention (at most 12)`);
  ctx.assume('stored size is taken as ingested size (CloudWatch stores logs compressed, so this is an upper bound)');
  ctx.charge('Log ingestion', { serviceCode: 'AmazonCloudWatch', usageType: 'DataProcessing-Bytes' }, ctx.scaled(ingested), GB);
  ctx.charge('Log storage', { serviceCode: 'AmazonCloudWatch', usageType: 'TimedStorage-ByteHrs' }, ctx.scaled(stored), GB_MONTH);
}

/** KMS customer managed key: the key and its requests. */
export function kmsKey(ctx: ModelContext): void {
  ctx.charge('Customer managed key', { serviceCode: 'awskms', usageType: 'KMS-Keys' }, ctx.fixed(1), MONTH('key'));
  const requests = ctx.usage.get('monthlyRequests', 10_000, 'light encryption traffic');
  ctx.charge('Key requests', { serviceCode: 'awskms', usageType: 'KMS-Requests' }, ctx.scaled(requests), { unit: '10,000 requests', per: 1e4 });
}

/** Secrets Manager secret: the secret and its API calls. */
export function secret(ctx: ModelContext): void {
  ctx.charge('Secret', { serviceCode: 'AWSSecretsManager', usageType: 'AWSSecretsManager-Secrets' }, ctx.fixed(1), MONTH('secret'));
  const calls = ctx.usage.get('monthlyRequests', 10_000, 'light secret reads');
  ctx.charge('API calls', { serviceCode: 'AWSSecretsManager', usageType: 'AWSSecretsManager-APIRequest' }, ctx.scaled(calls), { unit: '10,000 requests', per: 1e4 });
}
