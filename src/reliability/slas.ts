// The SLA table lives with the designers, which say which components sit on a request path.
export type { ServiceSla } from '../design/slas';
export { SLA, inSeries } from '../design/slas';
