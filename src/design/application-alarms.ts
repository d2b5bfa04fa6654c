import { alarmableIn } from './alarms';
import { AlarmDefinition, DataStorePlan, ServicePlan } from './model';
import { STORE_DESIGNERS } from './stores';
import { WORKLOAD_DESIGNERS } from './workloads';

/** The alarms of a service, from its designer: what its builder creates. */
export function serviceAlarms(plan: ServicePlan): AlarmDefinition[] {
  return WORKLOAD_DESIGNERS[plan.workload].alarms(plan);
}

/** The alarms of a data store, from its designer: what its builder creates. */
export function storeAlarms(plan: DataStorePlan): AlarmDefinition[] {
  return STORE_DESIGNERS[plan.kind].alarms(plan);
}

/**
 * Every alarm of an application, stores first then services (the order the stack builds them):
 * the list the design report shows and the templates hold.
 * @param region the stack's region, when known: alarms on metrics of another region (CloudFront's) cannot exist there
 */
export function applicationAlarms(design: { readonly services: ServicePlan[]; readonly dataStores: DataStorePlan[] },
  region?: string): AlarmDefinition[] {
  return [...design.dataStores.flatMap(storeAlarms), ...design.services.flatMap(serviceAlarms)].filter((a) => alarmableIn(a, region));
}
