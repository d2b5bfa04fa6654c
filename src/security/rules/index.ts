export { RequiredTagsPresent } from './required-tags';
export { StatefulResourceRetained } from './stateful-resource-retained';
export { IAMNoWildcardActions } from './iam-no-wildcard-actions';
export { ComputeAndDataAlarmed } from './compute-and-data-alarmed';
export { NoPlaintextSecrets } from './no-plaintext-secrets';
export { resetStackIndexes } from './stack-index';
