import { ApplicationRequirements, EnvironmentTier } from '../requirements';
import { BASE_RULE_PACKS, SERVERLESS_RULE_PACK, tagStandIn } from './constants';
import { ArchitectureDecision, ComputeRuntime, DataStorePlan, DataStoreTechnology, DecisionArea, ServicePlan } from './model';

/** Reserved concurrency the account leaves unreserved (of the default 1,000). */
const ACCOUNT_RESERVABLE_CONCURRENCY = 900;

/**
 * Security decisions: what the policy enforces at synth, which rule packs check it, and
 * the cost-bearing choices compliance brings (customer managed key, AWS Backup,
 * replication), with the tags every resource carries.
 */
export function planSecurity(req: ApplicationRequirements, complianceNames: string[], services: ServicePlan[],
  stores: DataStorePlan[]): ArchitectureDecision[] {
  const subject = req.name;
  const production = req.environment === EnvironmentTier.PRODUCTION;
  const compliance = complianceNames.length > 0;
  const functions = services.some((s) => s.runtime === ComputeRuntime.LAMBDA);
  const packs = [BASE_RULE_PACKS[0], ...complianceNames, ...(functions ? [SERVERLESS_RULE_PACK] : []), ...BASE_RULE_PACKS.slice(1)];
  const decisions: ArchitectureDecision[] = [{
    area: DecisionArea.SECURITY,
    subject,
    choice: `security policy enforced at synth by aspects, then checked by ${packs.join(', ')}; any unacknowledged finding fails synth`,
    rationale: 'aspects fill in encryption, TLS-only access, blocked public access, access and flow logs, log retention, backups'
      + `${production ? ', deletion protection' : ''} and tracing on every resource, including ones added by hand; the packs then prove it, `
      + 'and the report scores each pack and lists every acknowledgement with its reason',
    alternatives: [{ option: 'run cdk-nag only', whyNot: 'reports problems without fixing them, and leaves every suppression to the user' }],
  }];
  const tags = req.tags ?? {};
  decisions.push({
    area: DecisionArea.SECURITY,
    subject,
    choice: `tags on every resource: owner '${tags.owner ?? tagStandIn(req.name)}', application, environment, cost-center '${tags['cost-center'] ?? tagStandIn(req.name)}'`,
    rationale: (tags.owner ? '' : 'no owner tag was given, so the application name stands in until requirements.tags.owner names the team; ')
      + 'cost-center is the cost allocation tag Cost Explorer groups spend by (activate it in the Billing console)',
    alternatives: [{ option: 'require an owner tag', whyNot: 'would reject otherwise valid requirements; the report shows the stand-in instead' }],
  });
  if (compliance) {
    decisions.push({
      area: DecisionArea.SECURITY,
      subject,
      choice: 'one customer managed KMS key for buckets, log groups and secrets, rotated yearly (about $1 a month plus requests)',
      rationale: `${complianceNames.join(', ')} ask for customer managed keys; one key per stack keeps the fee at one, and its policy gives `
        + 'account principals the same reach through S3 and Secrets Manager as the AWS managed keys, so grants stay unchanged',
      alternatives: [{ option: 'a key per resource', whyNot: '$1 a month each, with no separation the application uses' }],
    });
  }
  const backedUpTechnologies = [DataStoreTechnology.DYNAMODB_ON_DEMAND, DataStoreTechnology.DYNAMODB_PROVISIONED,
    DataStoreTechnology.AURORA_POSTGRESQL_SERVERLESS_V2];
  const backedUp = stores.filter((s) => backedUpTechnologies.includes(s.technology));
  if (backedUp.length > 0 && (production || compliance)) {
    decisions.push({
      area: DecisionArea.SECURITY,
      subject,
      choice: `daily AWS Backup plan for ${backedUp.map((s) => s.name).join(', ')} into a retained vault`,
      rationale: `${production ? 'production data' : `${complianceNames.join(', ')} requires it`}: recovery points outside the tables' and `
        + 'databases\' own backups, kept after the stack is deleted; backup storage is billed per GB-month (about $0.10 for DynamoDB)',
      alternatives: [{ option: 'point-in-time recovery only', whyNot: 'lives and dies with the table or cluster' }],
    });
  }
  const reserved = services.reduce((sum, s) => sum + (s.reservedConcurrency ?? 0), 0);
  if (reserved > ACCOUNT_RESERVABLE_CONCURRENCY) {
    decisions.push({
      area: DecisionArea.SECURITY,
      subject,
      choice: `${reserved} reserved concurrent executions in total: request a Lambda concurrency quota increase before deploying`,
      rationale: `an account reserves at most ${ACCOUNT_RESERVABLE_CONCURRENCY} of its default 1,000 concurrent executions`,
      alternatives: [{ option: 'lower the peak traffic figures', whyNot: 'would under-provision the functions' }],
    });
  }
  const publicHttp = services.filter((s) => s.runtime === ComputeRuntime.FARGATE && s.publicEndpoint);
  if (publicHttp.length > 0 && !req.domain) {
    decisions.push({
      area: DecisionArea.SECURITY,
      subject,
      choice: `${publicHttp.map((s) => s.name).join(', ')}: load balancer serves HTTP on its AWS-provided name until a certificate is given`,
      rationale: 'HTTPS needs an ACM certificate for a domain, and ACM cannot issue one for the load balancer\'s own DNS name; the '
        + 'finding is acknowledged in the report (and a validation error under PCI DSS or HIPAA in production). Give requirements.domain to serve HTTPS and redirect HTTP',
      alternatives: [{ option: 'requirements.domain', whyNot: 'not given' }, { option: 'CloudFront in front of the load balancer', whyNot: 'a second edge and its cost for a dynamic service' }],
    });
  }
  return decisions;
}
