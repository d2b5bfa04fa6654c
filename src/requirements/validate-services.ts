import * as fs from 'fs';
import { checkEnum, checkName, checkNumber, checkStringList, checkUnique, describe, isObject, Problems } from './checks';
import { DataStoreKind, RuntimePreference, WorkloadType } from './enums';

/** EventBridge Scheduler: `rate(1 hour)` (singular for 1), `rate(5 minutes)`, six-field cron, one-time `at(...)`. */
const RATE_PATTERN = /^rate\((?:1 (?:minute|hour|day)|(?:[2-9]|[1-9]\d+) (?:minutes|hours|days))\)$/;
const CRON_FIELD = '[0-9A-Za-z*?,/#-]+';
const CRON_PATTERN = new RegExp(`^cron\\(${CRON_FIELD}( ${CRON_FIELD}){5}\\)$`);
const AT_PATTERN = /^at\(\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\)$/;
/** Docker image reference: registry[:port]/path[:tag|@sha256:digest]. */
const IMAGE_PATTERN = /^[a-z0-9]+(?:[._-][a-z0-9]+)*(?::\d+)?(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::\w[\w.-]{0,127}|@sha256:[a-f0-9]{64})?$/;
const SECONDS_PER_MONTH = 730 * 3600;
/** Workloads that can run a container image. */
const IMAGE_WORKLOADS = [WorkloadType.HTTP_API, WorkloadType.WEB_SERVICE, WorkloadType.BACKEND_SERVICE];
/** Workloads that run on functions only. */
const FUNCTION_ONLY: { [workload: string]: string } = {
  [WorkloadType.SCHEDULED_JOB]: 'SCHEDULED_JOB (container jobs are not supported yet)',
  [WorkloadType.QUEUE_WORKER]: 'QUEUE_WORKER (container workers are not supported yet)',
  [WorkloadType.WEBSOCKET_API]: 'WEBSOCKET_API (API Gateway holds the connections; a function handles the messages)',
};

export function validateServices(p: Problems, path: string, value: unknown, stores: Map<string, DataStoreKind>): void {
  if (!Array.isArray(value) || value.length === 0) {
    p.push({ path, message: `must be a list of at least one service, got ${describe(value)}` });
    return;
  }
  const seen = new Map<string, string>();
  value.forEach((s, i) => {
    const at = `${path}[${i}]`;
    if (!isObject(s)) {
      p.push({ path: at, message: `must be an object with name and workload, got ${describe(s)}` });
      return;
    }
    if (checkName(p, `${at}.name`, s.name)) checkUnique(p, `${at}.name`, s.name as string, seen, 'service');
    const workloadOk = checkEnum(p, `${at}.workload`, s.workload, WorkloadType, 'WorkloadType', true);
    const runtimeOk = checkEnum(p, `${at}.runtime`, s.runtime, RuntimePreference, 'RuntimePreference', false);
    if (workloadOk && runtimeOk) {
      validateRuntimeFit(p, at, s);
      const runtime = s.runtime ?? RuntimePreference.AUTO;
      const runsContainer = IMAGE_WORKLOADS.includes(s.workload as WorkloadType)
        && (runtime === RuntimePreference.CONTAINER || (runtime === RuntimePreference.AUTO && s.workload === WorkloadType.WEB_SERVICE))
        || (s.workload === WorkloadType.BACKEND_SERVICE && runtime === RuntimePreference.AUTO && s.containerImage !== undefined);
      validateContainerSettings(p, at, s, runsContainer);
    }
    validateTraffic(p, `${at}.traffic`, s.traffic);
    validateStoreUse(p, at, s, stores);
  });
  validateCalls(p, path, value);
}

/** `calls` names other declared services, never a static site, never itself, and without cycles. */
function validateCalls(p: Problems, path: string, services: unknown[]): void {
  const byName = new Map<string, Record<string, unknown>>();
  for (const s of services) if (isObject(s) && typeof s.name === 'string') byName.set(s.name, s);
  services.forEach((s, i) => {
    if (!isObject(s)) return;
    const calls = checkStringList(p, `${path}[${i}].calls`, s.calls);
    calls.forEach((name, j) => {
      const at = `${path}[${i}].calls[${j}]`;
      const callee = byName.get(name);
      if (!callee) p.push({ path: at, message: `names '${name}', which is not a declared service (declared: ${[...byName.keys()].map((n) => `'${n}'`).join(', ')})` });
      else if (name === s.name) p.push({ path: at, message: 'names the service itself' });
      else if (callee.workload === WorkloadType.STATIC_SITE) p.push({ path: at, message: `names '${name}', a static site: it serves browsers, not services` });
    });
  });
  const visiting = new Set<string>();
  const done = new Set<string>();
  const cycle = (name: string, trail: string[]): string[] | undefined => {
    if (visiting.has(name)) return [...trail.slice(trail.indexOf(name)), name];
    if (done.has(name)) return undefined;
    visiting.add(name);
    const calls = byName.get(name)?.calls;
    for (const c of Array.isArray(calls) ? calls : []) {
      if (typeof c !== 'string' || !byName.has(c) || c === name) continue;
      const found = cycle(c, [...trail, name]);
      if (found) return found;
    }
    visiting.delete(name);
    done.add(name);
    return undefined;
  };
  for (const [name] of byName) {
    const found = cycle(name, []);
    if (found) {
      p.push({ path: `${path}[${services.indexOf(byName.get(name)!)}].calls`, message: `form a cycle (${found.join(' -> ')}): a request would call itself; break it with a queue` });
      return;
    }
  }
}

function validateRuntimeFit(p: Problems, at: string, s: Record<string, unknown>): void {
  const workload = s.workload as WorkloadType;
  const runtime = (s.runtime ?? RuntimePreference.AUTO) as RuntimePreference;
  if (workload === WorkloadType.STATIC_SITE && runtime !== RuntimePreference.AUTO) {
    p.push({ path: `${at}.runtime`, message: `must be RuntimePreference.AUTO for WorkloadType.STATIC_SITE (a static site runs no code), got '${runtime}'` });
  }
  if (FUNCTION_ONLY[workload] && runtime === RuntimePreference.CONTAINER) {
    p.push({ path: `${at}.runtime`, message: `must be RuntimePreference.AUTO or FUNCTION for WorkloadType.${FUNCTION_ONLY[workload]}, got 'container'` });
  }
  if (s.containerImage !== undefined) {
    if (typeof s.containerImage !== 'string' || s.containerImage.trim() === '') {
      p.push({ path: `${at}.containerImage`, message: `must be an image reference such as 'public.ecr.aws/org/app:1.0', got ${describe(s.containerImage)}` });
    } else if (!IMAGE_PATTERN.test(s.containerImage)) {
      p.push({ path: `${at}.containerImage`, message: `must be an image reference such as 'public.ecr.aws/org/app:1.0' or '123456789012.dkr.ecr.eu-west-1.amazonaws.com/app@sha256:...', got '${s.containerImage}'` });
    } else if (runtime === RuntimePreference.FUNCTION || !IMAGE_WORKLOADS.includes(workload)) {
      p.push({ path: `${at}.containerImage`, message: `cannot be used with ${runtime === RuntimePreference.FUNCTION ? 'RuntimePreference.FUNCTION' : `WorkloadType '${workload}'`}: only container runtimes (HTTP_API, WEB_SERVICE, BACKEND_SERVICE) run an image` });
    }
  }
  if (s.codePath !== undefined) {
    if (typeof s.codePath !== 'string' || s.codePath.trim() === '') {
      p.push({ path: `${at}.codePath`, message: `must be a folder path, got ${describe(s.codePath)}` });
    } else if (runtime === RuntimePreference.CONTAINER) {
      p.push({ path: `${at}.codePath`, message: 'cannot be used with RuntimePreference.CONTAINER: give containerImage instead' });
    } else if (!isDirectory(s.codePath)) {
      p.push({ path: `${at}.codePath`, message: `must be an existing folder (relative to ${process.cwd()}), got '${s.codePath}'` });
    }
  }
  if (s.handler !== undefined && (typeof s.handler !== 'string' || !/^[\w./-]+\.[\w$]+$/.test(s.handler))) {
    p.push({ path: `${at}.handler`, message: `must look like 'file.export' (e.g. 'index.handler'), got ${describe(s.handler)}` });
  }
  if (s.schedule !== undefined) {
    if (workload !== WorkloadType.SCHEDULED_JOB) {
      p.push({ path: `${at}.schedule`, message: `applies only to WorkloadType.SCHEDULED_JOB, not '${workload}'` });
    } else if (typeof s.schedule !== 'string' || !(RATE_PATTERN.test(s.schedule) || isValidCron(s.schedule) || AT_PATTERN.test(s.schedule))) {
      p.push({
        path: `${at}.schedule`,
        message: 'must be \'rate(1 hour)\', \'rate(N minutes|hours|days)\' with N >= 2, \'cron(min hour day-of-month month day-of-week year)\' '
          + `with '?' in day-of-month or day-of-week, or 'at(yyyy-mm-ddThh:mm:ss)', got ${describe(s.schedule)}`,
      });
    }
  }
}

/** Six fields, and exactly one of day-of-month and day-of-week is '?', as EventBridge requires. */
function isValidCron(expression: string): boolean {
  if (!CRON_PATTERN.test(expression)) return false;
  const fields = expression.slice('cron('.length, -1).split(' ');
  return (fields[2] === '?') !== (fields[4] === '?');
}

function validateContainerSettings(p: Problems, at: string, s: Record<string, unknown>, runsContainer: boolean): void {
  for (const field of ['containerPort', 'healthCheckPath']) {
    if (s[field] !== undefined && !runsContainer) {
      p.push({ path: `${at}.${field}`, message: 'applies only to container services: set runtime to RuntimePreference.CONTAINER, or use WorkloadType.WEB_SERVICE' });
    }
  }
  const port = s.containerPort;
  if (port !== undefined && (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535)) {
    p.push({ path: `${at}.containerPort`, message: `must be an integer port from 1 to 65535, got ${describe(s.containerPort)}` });
  }
  if (s.healthCheckPath !== undefined && (typeof s.healthCheckPath !== 'string' || !/^\/[\x21-\x7e]{0,1023}$/.test(s.healthCheckPath))) {
    p.push({ path: `${at}.healthCheckPath`, message: `must be a URL path starting with '/', got ${describe(s.healthCheckPath)}` });
  }
}

function validateTraffic(p: Problems, path: string, value: unknown): void {
  if (value === undefined) return;
  if (!isObject(value)) {
    p.push({ path, message: `must be an object with monthlyRequests, peakRequestsPerSecond, averageResponseSizeKb, got ${describe(value)}` });
    return;
  }
  const monthlyOk = checkNumber(p, `${path}.monthlyRequests`, value.monthlyRequests, 0, false, 1e13);
  const peakOk = checkNumber(p, `${path}.peakRequestsPerSecond`, value.peakRequestsPerSecond, 0, true, 1_000_000);
  checkNumber(p, `${path}.averageResponseSizeKb`, value.averageResponseSizeKb, 0, false, 10_000_000);
  if (monthlyOk && peakOk && typeof value.monthlyRequests === 'number' && typeof value.peakRequestsPerSecond === 'number'
    && value.monthlyRequests > value.peakRequestsPerSecond * SECONDS_PER_MONTH) {
    p.push({
      path: `${path}.monthlyRequests`,
      message: `${value.monthlyRequests} cannot be served at a peak of ${value.peakRequestsPerSecond} requests per second (at most ${value.peakRequestsPerSecond * SECONDS_PER_MONTH} in a 730-hour month)`,
    });
  }
}

function validateStoreUse(p: Problems, at: string, s: Record<string, unknown>, stores: Map<string, DataStoreKind>): void {
  const readWrite = checkStringList(p, `${at}.dataStores`, s.dataStores);
  const readOnly = checkStringList(p, `${at}.readOnlyDataStores`, s.readOnlyDataStores);
  const check = (list: string[], field: string) => list.forEach((name, i) => {
    if (!stores.has(name)) {
      const declared = [...stores.keys()];
      p.push({
        path: `${at}.${field}[${i}]`,
        message: `names '${name}', which is not a declared data store (declared: ${declared.length ? declared.map((d) => `'${d}'`).join(', ') : 'none'})`,
      });
    } else if (field === 'readOnlyDataStores' && readWrite.includes(name)) {
      p.push({ path: `${at}.readOnlyDataStores[${i}]`, message: `lists '${name}', which dataStores already grants read-write` });
    } else if (field === 'readOnlyDataStores' && (stores.get(name) === DataStoreKind.RELATIONAL || stores.get(name) === DataStoreKind.CACHE)) {
      p.push({
        path: `${at}.readOnlyDataStores[${i}]`,
        message: `lists '${name}', a ${stores.get(name)} store: read-only access to it cannot be enforced with IAM (the service connects with the store's credentials); list it in dataStores`,
      });
    }
  });
  check(readWrite, 'dataStores');
  check(readOnly, 'readOnlyDataStores');

  if (s.workload === WorkloadType.STATIC_SITE && readWrite.length + readOnly.length > 0) {
    p.push({ path: `${at}.dataStores`, message: 'must be empty for WorkloadType.STATIC_SITE: a static website has no server-side code to reach data stores' });
  }
  const queues = [...readWrite, ...readOnly].filter((n) => stores.get(n) === DataStoreKind.QUEUE);
  if (s.consumesQueue !== undefined) {
    if (s.workload !== WorkloadType.QUEUE_WORKER) {
      p.push({ path: `${at}.consumesQueue`, message: `applies only to WorkloadType.QUEUE_WORKER, not ${describe(s.workload)}` });
    } else if (typeof s.consumesQueue !== 'string' || stores.get(s.consumesQueue) !== DataStoreKind.QUEUE) {
      const declaredQueues = [...stores.entries()].filter(([, k]) => k === DataStoreKind.QUEUE).map(([n]) => `'${n}'`);
      p.push({ path: `${at}.consumesQueue`, message: `must name a declared data store of kind DataStoreKind.QUEUE (declared queues: ${declaredQueues.join(', ') || 'none'}), got ${describe(s.consumesQueue)}` });
    }
  } else if (s.workload === WorkloadType.QUEUE_WORKER && queues.length > 1) {
    p.push({ path: `${at}.consumesQueue`, message: `is required: the worker lists ${queues.length} queues (${queues.map((q) => `'${q}'`).join(', ')}); say which one it consumes` });
  }
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}
