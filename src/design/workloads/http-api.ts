import { DEFAULT_MONTHLY_REQUESTS, SECONDS_PER_MONTH } from '../constants';
import { ComputeRuntime } from '../model';
import { WorkloadDesigner } from './designer';
import { requestServiceDesigner } from './request-service';

/**
 * A request/response API. With RuntimePreference.AUTO both runtimes are designed and the
 * cheaper whole design wins (functions first when they cost the same).
 */
export const httpApiDesigner: WorkloadDesigner = {
  ...requestServiceDesigner([ComputeRuntime.LAMBDA, ComputeRuntime.FARGATE], 'containers make the cheaper whole design at this load'),
  // Releases before whole-design pricing put APIs averaging 100 requests/s or more on containers.
  legacyRuntime: (s) => ((s.traffic?.monthlyRequests ?? DEFAULT_MONTHLY_REQUESTS) / SECONDS_PER_MONTH >= 100
    ? ComputeRuntime.FARGATE : ComputeRuntime.LAMBDA),
};
