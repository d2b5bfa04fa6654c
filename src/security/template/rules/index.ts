import { BackupsEnabled } from './backups-enabled';
import { CacheAuthenticated } from './cache-authenticated';
import { DatabaseNotPublic } from './database-not-public';
import { DeletionProtected } from './deletion-protected';
import { EncryptedAtRest, LogGroupEncrypted } from './encrypted-at-rest';
import { EncryptedInTransit } from './encrypted-in-transit';
import { IAMNoWildcardActionOnAnyResource } from './iam-no-admin-wildcard';
import { LambdaPermissionNotPublic } from './lambda-permission-not-public';
import { LambdaUrlAuthenticated } from './lambda-url-authenticated';
import { NoOpenIngress } from './no-open-ingress';
import { NoPlaintextSecretsInTemplate } from './no-plaintext-secrets';
import { ResourcePolicyNotPublic } from './resource-policy-not-public';
import { S3NoPublicAcl } from './s3-no-public-acl';
import { S3PublicAccessBlocked } from './s3-public-access-blocked';
import { StatefulDataRetained } from './stateful-data-retained';
import { TemplateRule } from '../model';

/** Every rule of the template check, in report order. */
export const TEMPLATE_RULES: readonly TemplateRule[] = [
  S3PublicAccessBlocked, S3NoPublicAcl, ResourcePolicyNotPublic, DatabaseNotPublic, LambdaUrlAuthenticated, LambdaPermissionNotPublic,
  EncryptedAtRest, LogGroupEncrypted, EncryptedInTransit, CacheAuthenticated, StatefulDataRetained, DeletionProtected, BackupsEnabled, NoOpenIngress,
  IAMNoWildcardActionOnAnyResource, NoPlaintextSecretsInTemplate,
];

export {
  BackupsEnabled, CacheAuthenticated, DatabaseNotPublic, DeletionProtected, EncryptedAtRest, LogGroupEncrypted, EncryptedInTransit,
  IAMNoWildcardActionOnAnyResource,
  LambdaPermissionNotPublic, LambdaUrlAuthenticated, NoOpenIngress, NoPlaintextSecretsInTemplate, ResourcePolicyNotPublic, S3NoPublicAcl,
  S3PublicAccessBlocked, StatefulDataRetained,
};
