import { DataStoreRequirements } from '../../requirements';
import { AlarmDefinition, ArchitectureDecision, DataStorePlan, ResiliencePlan } from '../model';
import { SlaComponent } from '../slas';
import { StoreTraffic } from '../usage-model';
import { BillEntry, UsageEntry } from '../workloads/designer';

/** What a store designer needs besides the store's requirements. */
export interface StoreContext {
  readonly resilience: ResiliencePlan;
  /** Compliance frameworks (display names): they keep recovery features on in every tier. */
  readonly complianceNames: string[];
}

/** One kind of data store: its technology and sizing, usage, bill and SLA. */
export interface StoreDesigner {
  design(s: DataStoreRequirements, ctx: StoreContext): { plan: DataStorePlan; decision: ArchitectureDecision };
  /** Usage of the block's resources from the traffic that reaches the store. */
  usage(plan: DataStorePlan, traffic: StoreTraffic): UsageEntry[];
  /** The billable resources the block deploys, for pricing whole designs. */
  bill(plan: DataStorePlan): BillEntry[];
  /** What a service using the store depends on, and whether its requests wait for it. */
  sla(plan: DataStorePlan): SlaComponent[];
  /** The alarms of the block, as data: the stack builds exactly these and the report lists them (see `design/alarms.ts`). */
  alarms(plan: DataStorePlan): AlarmDefinition[];
}

export function baseStorePlan(s: DataStoreRequirements) {
  return {
    name: s.name,
    kind: s.kind,
    storageGb: s.storageGb ?? 1,
    readCapacityUnits: 0,
    writeCapacityUnits: 0,
    minAcu: 0,
    maxAcu: 0,
    replicas: 0,
    inVpc: false,
    pointInTimeRecovery: false,
    backupRetentionDays: 0,
    versioned: false,
    visibilityTimeoutSeconds: 0,
  };
}

export function storeEntry(block: string, path: string, usage: UsageEntry['usage'], why: string): UsageEntry {
  return { scope: 'Data', block, path, usage, why };
}
