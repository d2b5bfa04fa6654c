/* eslint-disable @typescript-eslint/no-require-imports */
// aws-cdk-lib service modules that the security layer's always-loaded files use, loaded on first
// use: `require('cdk-infra-engineer')` loads none of them, and a stack without a database never
// loads RDS (and the semver package it brings). Types come from `import type`, which TypeScript erases.

function lazy<T>(load: () => T): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= load());
}

export const SERVICE_MODULES = {
  customResources: lazy(() => require('aws-cdk-lib/custom-resources') as typeof import('aws-cdk-lib/custom-resources')),
  dynamodb: lazy(() => require('aws-cdk-lib/aws-dynamodb') as typeof import('aws-cdk-lib/aws-dynamodb')),
  elbv2: lazy(() => require('aws-cdk-lib/aws-elasticloadbalancingv2') as typeof import('aws-cdk-lib/aws-elasticloadbalancingv2')),
  iam: lazy(() => require('aws-cdk-lib/aws-iam') as typeof import('aws-cdk-lib/aws-iam')),
  kms: lazy(() => require('aws-cdk-lib/aws-kms') as typeof import('aws-cdk-lib/aws-kms')),
  lambda: lazy(() => require('aws-cdk-lib/aws-lambda') as typeof import('aws-cdk-lib/aws-lambda')),
  rds: lazy(() => require('aws-cdk-lib/aws-rds') as typeof import('aws-cdk-lib/aws-rds')),
  regionInfo: lazy(() => require('aws-cdk-lib/region-info') as typeof import('aws-cdk-lib/region-info')),
  s3: lazy(() => require('aws-cdk-lib/aws-s3') as typeof import('aws-cdk-lib/aws-s3')),
};
