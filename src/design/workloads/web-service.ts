import { ComputeRuntime } from '../model';
import { requestServiceDesigner } from './request-service';

/** A long-running web server: containers, since it keeps connections and state warm. */
export const webServiceDesigner = requestServiceDesigner([ComputeRuntime.FARGATE],
  'a long-running web service keeps connections and state warm');
