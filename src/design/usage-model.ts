import { ApplicationRequirements, WorkloadType } from '../requirements';
import { DEFAULT_MONTHLY_REQUESTS, SECONDS_PER_MONTH } from './constants';
import { DataStorePlan, DataStoreTechnology, ServicePlan } from './model';

/** What reaches one service in a month. */
export interface ServiceTraffic {
  /** Requests (APIs, sites), messages (workers) or runs (jobs) a month. */
  readonly monthlyRequests: number;
  /** Average response size in KB (request-driven services). */
  readonly averageResponseSizeKb: number;
  /** Responses out to the internet, in GB a month. */
  readonly monthlyResponseGb: number;
  /** Where the figure comes from. */
  readonly source: string;
}

/** What reaches one store in a month. */
export interface StoreTraffic {
  /** One read per request of every service using the store. */
  readonly reads: number;
  /** One write per request of every service writing to the store. */
  readonly writes: number;
  /** Object PUTs and GETs (declared, or the documented per-workload shares). */
  readonly puts: number;
  readonly gets: number;
  /** Messages sent to a queue. */
  readonly messages: number;
  /** Queries per second on average (declared rates, or the users' requests). */
  readonly queriesPerSecond: number;
  readonly source: string;
}

/**
 * Share of a request-driven service's requests that read (GET) and write (PUT) an object in
 * a bucket it names, when the store declares no rates: most requests read their data from a
 * table or database, and a bucket holds uploads and documents.
 */
export const OBJECT_GET_SHARE = 0.1;
export const OBJECT_PUT_SHARE = 0.01;

/**
 * Usage from one model of the application, as a flow: requests enter services (their traffic,
 * or the user's override of it); a backend service gets its callers' requests; services' requests
 * reach their stores and queues; a queue drives its worker at its producers' rate; a schedule
 * gives its runs. Everything priced downstream is derived from these figures.
 */
export class UsageModel {
  public readonly services = new Map<string, ServiceTraffic>();
  public readonly stores = new Map<string, StoreTraffic>();

  /**
   * @param overrides monthly requests per service name, from the user's usage: they replace the
   *   requirements' figure and flow into everything derived from it
   */
  constructor(req: ApplicationRequirements, services: ServicePlan[], stores: DataStorePlan[], overrides: Map<string, number> = new Map()) {
    const byName = new Map(services.map((s) => [s.name, s]));
    const requirementsOf = new Map(req.services.map((s) => [s.name, s]));
    const resolving = new Set<string>();
    const queueMessages = (queue: string): { messages: number; source: string } => {
      const producers = services.filter((s) => s.readWriteStores.includes(queue) && s.consumesQueue !== queue);
      if (producers.length === 0) return { messages: DEFAULT_MONTHLY_REQUESTS, source: `no service sends to '${queue}': ${DEFAULT_MONTHLY_REQUESTS.toLocaleString('en-US')} messages assumed` };
      const messages = producers.reduce((sum, p) => sum + requestsOf(p.name), 0);
      return { messages, source: `one message per request of ${producers.map((p) => p.name).join(', ')}` };
    };
    const trafficOf = (name: string): ServiceTraffic => {
      const known = this.services.get(name);
      if (known) return known;
      const plan = byName.get(name)!;
      const given = requirementsOf.get(name)?.traffic;
      const kb = given?.averageResponseSizeKb ?? plan.averageResponseSizeKb;
      let requests: number;
      let source: string;
      const override = overrides.get(name);
      if (override !== undefined) {
        requests = override;
        source = 'your usage override';
      } else if (plan.workload === WorkloadType.SCHEDULED_JOB) {
        requests = plan.runsPerMonth;
        source = `runs of '${plan.schedule}'`;
      } else if (plan.workload === WorkloadType.QUEUE_WORKER && !given?.monthlyRequests) {
        const q = plan.consumesQueue ? queueMessages(plan.consumesQueue) : { messages: DEFAULT_MONTHLY_REQUESTS, source: 'its own queue, no producer declared: default' };
        requests = q.messages;
        source = `messages it consumes (${q.source})`;
      } else if (given?.monthlyRequests !== undefined) {
        requests = given.monthlyRequests;
        source = 'the requirements\' traffic';
      } else if (plan.workload === WorkloadType.BACKEND_SERVICE && callersOf(name).length > 0 && !resolving.has(name)) {
        resolving.add(name);
        const callers = callersOf(name);
        requests = callers.reduce((sum, c) => sum + requestsOf(c.name), 0);
        source = `one call per request of ${callers.map((c) => c.name).join(', ')}`;
      } else {
        requests = DEFAULT_MONTHLY_REQUESTS;
        source = 'default: no traffic was given';
      }
      const traffic = { monthlyRequests: requests, averageResponseSizeKb: kb, monthlyResponseGb: responseGb(requests, kb), source };
      this.services.set(name, traffic);
      return traffic;
    };
    const requestsOf = (name: string) => trafficOf(name).monthlyRequests;
    const callersOf = (name: string) => services.filter((s) => s.calls.includes(name));
    for (const s of services) trafficOf(s.name);

    const declared = new Map((req.dataStores ?? []).map((d) => [d.name, d]));
    for (const store of stores) {
      const users = services.filter((s) => s.readWriteStores.includes(store.name) || s.readOnlyStores.includes(store.name));
      const writers = users.filter((s) => s.readWriteStores.includes(store.name) && s.consumesQueue !== store.name);
      // A job run touches its stores once; request-driven services at the given share.
      const sum = (list: ServicePlan[], share = 1) => Math.round(list.reduce(
        (acc, s) => acc + requestsOf(s.name) * (s.workload === WorkloadType.SCHEDULED_JOB ? 1 : share), 0));
      const names = (list: ServicePlan[]) => list.map((s) => s.name).join(', ') || 'none';
      const d = declared.get(store.name);
      const declaredRate = (d?.readsPerSecond ?? 0) + (d?.writesPerSecond ?? 0);
      const qps = declaredRate || users.reduce((acc, s) => acc + requestsOf(s.name) / SECONDS_PER_MONTH, 0);
      const queue = store.technology === DataStoreTechnology.SQS_STANDARD ? queueMessages(store.name) : undefined;
      const puts = d?.monthlyPutRequests ?? sum(writers, OBJECT_PUT_SHARE);
      const gets = d?.monthlyGetRequests ?? sum(users, OBJECT_GET_SHARE);
      this.stores.set(store.name, {
        reads: sum(users),
        writes: sum(writers),
        puts,
        gets,
        messages: queue?.messages ?? 0,
        queriesPerSecond: qps,
        source: store.technology === DataStoreTechnology.S3
          ? `${d?.monthlyPutRequests !== undefined ? 'declared PUTs' : `PUTs on ${OBJECT_PUT_SHARE * 100}% of the requests of ${names(writers)} (one per job run)`}, `
            + `${d?.monthlyGetRequests !== undefined ? 'declared GETs' : `GETs on ${OBJECT_GET_SHARE * 100}% of the requests of ${names(users)} (one per job run)`}`
          : queue ? queue.source
            : `one read per request of ${names(users)}, one write per request of ${names(writers)}`,
      });
    }
  }

  public service(name: string): ServiceTraffic {
    return this.services.get(name)!;
  }

  public store(name: string): StoreTraffic {
    return this.stores.get(name)!;
  }
}

/** GB a month of responses: requests x average response size, to the cent of a GB. */
export function responseGb(monthlyRequests: number, averageResponseSizeKb: number): number {
  return Math.round((monthlyRequests * averageResponseSizeKb) / (1024 * 1024) * 100) / 100;
}
