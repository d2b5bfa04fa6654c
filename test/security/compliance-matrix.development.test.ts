import { describeComplianceMatrix } from './matrix';
import { EnvironmentTier } from '../../src/requirements';

describeComplianceMatrix(EnvironmentTier.DEVELOPMENT, { extremesUnlessLong: true });
