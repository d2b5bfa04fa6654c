export * from './application-stack';
export * from './application-stage';
export * from './cost-report';
