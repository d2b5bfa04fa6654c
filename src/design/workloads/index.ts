import { backendServiceDesigner } from './backend-service';
import { WorkloadDesigner } from './designer';
import { httpApiDesigner } from './http-api';
import { queueWorkerDesigner } from './queue-worker';
import { scheduledJobDesigner } from './scheduled-job';
import { staticSiteDesigner } from './static-site';
import { webServiceDesigner } from './web-service';
import { websocketApiDesigner } from './websocket-api';
import { WorkloadType } from '../../requirements';

/** One designer per workload kind: a new WorkloadType member does not compile until it has one. */
export const WORKLOAD_DESIGNERS: Record<WorkloadType, WorkloadDesigner> = {
  [WorkloadType.HTTP_API]: httpApiDesigner,
  [WorkloadType.WEB_SERVICE]: webServiceDesigner,
  [WorkloadType.QUEUE_WORKER]: queueWorkerDesigner,
  [WorkloadType.SCHEDULED_JOB]: scheduledJobDesigner,
  [WorkloadType.STATIC_SITE]: staticSiteDesigner,
  [WorkloadType.BACKEND_SERVICE]: backendServiceDesigner,
  [WorkloadType.WEBSOCKET_API]: websocketApiDesigner,
};
