export * from './model';
export { buildDesignReport, ASSUMED_REGION } from './build';
export { renderMarkdown } from './render-markdown';
export { DesignReportWriter } from './writer';
