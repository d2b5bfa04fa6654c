import { describeComplianceMatrix } from './matrix';
import { EnvironmentTier } from '../../src/requirements';

describeComplianceMatrix(EnvironmentTier.STAGING, { extremesUnlessLong: true });
