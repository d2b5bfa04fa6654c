import { isObject, Problems } from './checks';
import {
  ApplicationRequirements, AvailabilityRequirements, BudgetRequirements, DataStoreRequirements, DomainRequirements,
  ServiceAuthRequirements, ServiceRequirements, TrafficRequirements,
} from './types';

/**
 * The fields of each requirements struct. Typed as `Record<keyof T, true>`, so the compiler
 * refuses a table that forgets a field added to the interface (or lists one that is gone).
 */
const TRAFFIC: Record<keyof TrafficRequirements, true> = { monthlyRequests: true, peakRequestsPerSecond: true, averageResponseSizeKb: true };
const AUTH: Record<keyof ServiceAuthRequirements, true> = { type: true, issuer: true, audience: true, reason: true };
const DOMAIN: Record<keyof DomainRequirements, true> = { zoneName: true, hostedZoneId: true, certificateArn: true };
const SERVICE: Record<keyof ServiceRequirements, true> = {
  name: true,
  workload: true,
  runtime: true,
  containerImage: true,
  containerPort: true,
  healthCheckPath: true,
  codePath: true,
  handler: true,
  schedule: true,
  traffic: true,
  dataStores: true,
  readOnlyDataStores: true,
  consumesQueue: true,
  calls: true,
  auth: true,
  hostName: true,
  containerUser: true,
};
const DATA_STORE: Record<keyof DataStoreRequirements, true> = {
  name: true,
  kind: true,
  storageGb: true,
  readsPerSecond: true,
  writesPerSecond: true,
  monthlyPutRequests: true,
  monthlyGetRequests: true,
  authentication: true,
  authenticationReason: true,
};
const AVAILABILITY: Record<keyof AvailabilityRequirements, true> = { targetPercent: true, rpoMinutes: true, rtoMinutes: true };
const BUDGET: Record<keyof BudgetRequirements, true> = { monthlyUsd: true, enforcement: true };
const APPLICATION: Record<keyof ApplicationRequirements, true> = {
  name: true,
  environment: true,
  services: true,
  dataStores: true,
  availability: true,
  compliance: true,
  budget: true,
  tags: true,
  domainName: true,
  domain: true,
};

/** A struct's known keys and, per key, the shape of its value (nested struct or list of structs). */
interface Shape {
  readonly keys: Record<string, true>;
  readonly nested?: Record<string, Shape>;
  readonly lists?: Record<string, Shape>;
}

const SERVICE_SHAPE: Shape = { keys: SERVICE, nested: { traffic: { keys: TRAFFIC }, auth: { keys: AUTH } } };
const APPLICATION_SHAPE: Shape = {
  keys: APPLICATION,
  nested: { availability: { keys: AVAILABILITY }, budget: { keys: BUDGET }, domain: { keys: DOMAIN } },
  lists: { services: SERVICE_SHAPE, dataStores: { keys: DATA_STORE } },
};

/**
 * Reports every key of the requirements object that is not a field, with its path and the
 * nearest known key ("requirements.complience is not a field; did you mean compliance?").
 * `tags` is a free map and is not checked.
 */
export function checkUnknownKeys(p: Problems, root: string, input: Record<string, unknown>): void {
  checkShape(p, root, input, APPLICATION_SHAPE);
}

function checkShape(p: Problems, path: string, value: Record<string, unknown>, shape: Shape): void {
  for (const [key, child] of Object.entries(value)) {
    if (!Object.prototype.hasOwnProperty.call(shape.keys, key)) {
      const near = nearest(key, Object.keys(shape.keys));
      p.push({
        path: `${path}.${key}`,
        message: `is not a field; ${near ? `did you mean ${near}?` : `known fields are ${Object.keys(shape.keys).join(', ')}`}`,
      });
      continue;
    }
    const nested = shape.nested?.[key];
    if (nested && isObject(child)) checkShape(p, `${path}.${key}`, child, nested);
    const list = shape.lists?.[key];
    if (list && Array.isArray(child)) {
      child.forEach((item, i) => {
        if (isObject(item)) checkShape(p, `${path}.${key}[${i}]`, item, list);
      });
    }
  }
}

/** The known key closest to `key` (case-insensitive edit distance), when it is close enough to be a typo. */
function nearest(key: string, known: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = distance(key.toLowerCase(), k.toLowerCase());
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}
