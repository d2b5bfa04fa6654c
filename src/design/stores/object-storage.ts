import { EnvironmentTier } from '../../requirements';
import { decisionIn } from '../decision';
import { DataStorePlan, DataStoreTechnology, DecisionArea } from '../model';
import { offPath, SLA } from '../slas';
import { baseStorePlan, StoreDesigner, storeEntry } from './designer';

export const objectStorageDesigner: StoreDesigner = {
  design(s, { resilience: r, complianceNames }) {
    const compliance = complianceNames.length > 0 ? complianceNames.join(', ') : undefined;
    const versioned = r.environment !== EnvironmentTier.DEVELOPMENT || r.rpoMinutes < 1440 || compliance !== undefined;
    const replicated = compliance !== undefined;
    const plan: DataStorePlan = {
      ...baseStorePlan(s), technology: DataStoreTechnology.S3, versioned, replicated, backupRetentionDays: versioned ? 90 : 0,
    };
    return {
      plan,
      decision: decisionIn(DecisionArea.DATA, s.name, `Amazon S3 (private, encrypted, TLS-only${versioned ? ', versioned, noncurrent versions kept 90 days' : ''}`
        + `${replicated ? ', replicated to a replica bucket in S3 Standard-IA' : ''})`,
      `object store of ${plan.storageGb} GB; ${versioned ? `versioning recovers overwritten or deleted objects, meeting RPO ${r.rpoMinutes} min, RTO ${r.rtoMinutes} min` : 'development data is disposable'}`
        + (replicated ? `; ${compliance} requires replication: a second copy under its own access, at about half the source's storage price again` : ''),
      [
        { option: 'Amazon EFS', whyNot: 'file-system semantics are not needed and storage costs more' },
        ...(replicated ? [{ option: 'cross-region replication', whyNot: 'needs a bucket in another region, which one environment-agnostic stack cannot create; call ObjectStore.addReplica on your own stack for one' }] : []),
      ]),
    };
  },
  usage(plan, t) {
    const out = [storeEntry(plan.name, 'Bucket', { storageGb: plan.storageGb, monthlyPutRequests: t.puts, monthlyGetRequests: t.gets },
      `${plan.storageGb} GB stored; ${t.puts.toLocaleString('en-US')} PUTs and ${t.gets.toLocaleString('en-US')} GETs a month (${t.source})`)];
    if (plan.replicated) {
      out.push(storeEntry(plan.name, 'Replica', { storageGb: plan.storageGb, monthlyPutRequests: t.puts, monthlyGetRequests: 0 },
        `the replica holds the same ${plan.storageGb} GB in S3 Standard-IA, written once per source PUT and never read`));
    }
    return out;
  },
  bill: (plan) => [
    {
      scope: 'Data',
      block: plan.name,
      path: 'Bucket',
      type: 'AWS::S3::Bucket',
      // The replication rule, as the block writes it, prices the replica in its storage class (as the template does).
      properties: plan.replicated
        ? { ReplicationConfiguration: { Rules: [{ Status: 'Enabled', Destination: { Bucket: { 'Fn::GetAtt': ['Replica', 'Arn'] }, StorageClass: 'STANDARD_IA' } }] } }
        : {},
    },
    ...(plan.replicated ? [{ scope: 'Data' as const, block: plan.name, path: 'Replica', type: 'AWS::S3::Bucket', properties: {} }] : []),
  ],
  // Objects are uploaded and read around the request (presigned URLs, later processing), not in it.
  sla: () => [offPath(SLA.s3)],
  // S3 publishes request errors only with a request-metrics configuration (a charge per bucket): none by default.
  alarms: () => [],
};
