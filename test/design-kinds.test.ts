// A new workload kind must not compile until every piece exists: the designer (plan, decisions,
// usage, bill, request path, alarms), and a builder for any new block kind. The `@ts-expect-error` lines
// are checked by `tsc -p test/tsconfig.json` (CI type-checks the tests): if a line stopped being
// an error, the type check would fail.
import { SERVICE_BUILDERS, ServiceBuilder } from '../src/app/services';
import { ServiceBlockKind } from '../src/design/model';
import { STORE_DESIGNERS } from '../src/design/stores';
import { StoreDesigner } from '../src/design/stores/designer';
import { keyValueDesigner } from '../src/design/stores/key-value';
import { WORKLOAD_DESIGNERS } from '../src/design/workloads';
import { WorkloadDesigner } from '../src/design/workloads/designer';
import { httpApiDesigner } from '../src/design/workloads/http-api';
import { DataStoreKind, WorkloadType } from '../src/requirements';

/** The enums as they would be with one more member. */
type WithNewWorkload = WorkloadType | 'new-kind';
type WithNewStore = DataStoreKind | 'new-store';
type WithNewBlock = ServiceBlockKind | 'new-block';

// @ts-expect-error a new workload kind without a designer does not compile
export const designers: Record<WithNewWorkload, WorkloadDesigner> = { ...WORKLOAD_DESIGNERS };
// @ts-expect-error a new store kind without a designer does not compile
export const stores: Record<WithNewStore, StoreDesigner> = { ...STORE_DESIGNERS };
// @ts-expect-error a new block kind without a builder does not compile
export const builders: Record<WithNewBlock, ServiceBuilder> = { ...SERVICE_BUILDERS };
const { requestPath: _omitted, ...withoutRequestPath } = httpApiDesigner;
// @ts-expect-error a designer that leaves out its request path (its SLA components) does not compile
export const incomplete: WorkloadDesigner = withoutRequestPath;
const { alarms: _noAlarms, ...withoutAlarms } = httpApiDesigner;
// @ts-expect-error a workload designer that leaves out its alarms does not compile
export const unalarmed: WorkloadDesigner = withoutAlarms;
const { alarms: _noStoreAlarms, ...storeWithoutAlarms } = keyValueDesigner;
// @ts-expect-error a store designer that leaves out its alarms does not compile
export const unalarmedStore: StoreDesigner = storeWithoutAlarms;

describe('every kind has every piece', () => {
  test('a designer per workload kind and per store kind, a builder per block kind', () => {
    expect(Object.keys(WORKLOAD_DESIGNERS).sort()).toEqual(Object.values(WorkloadType).sort());
    expect(Object.keys(STORE_DESIGNERS).sort()).toEqual(Object.values(DataStoreKind).sort());
    expect(Object.keys(SERVICE_BUILDERS).sort()).toEqual(Object.values(ServiceBlockKind).sort());
    for (const d of Object.values(WORKLOAD_DESIGNERS)) {
      expect([typeof d.runtimes, typeof d.design, typeof d.usage, typeof d.bill, typeof d.requestPath, typeof d.alarms]).toEqual(Array(6).fill('function'));
    }
    for (const d of Object.values(STORE_DESIGNERS)) {
      expect([typeof d.design, typeof d.usage, typeof d.bill, typeof d.sla, typeof d.alarms]).toEqual(Array(5).fill('function'));
    }
  });
});
