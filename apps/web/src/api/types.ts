// Types the web app shares with the server, all from @bidhall/contracts: named types where the
// package names them, else inferred from the package's schemas (without importing zod here).
import type { entityListQuery, postCheckRequest, postCheckView, userView } from '@bidhall/contracts';

export type {
  AccountGrantRequest,
  AccountGrantView,
  AccountName,
  AuditEventView,
  BoundCertificateView,
  CertificateChallengeResponse,
  CertificateLoginRequest,
  EntityChangeView,
  EntityProfile,
  EntityRole,
  EntityStatus,
  EntityView,
  LoginResponse,
  MessageView,
  PendingChangeView,
  Region,
  RegisterEntityRequest,
  SessionUser,
  TradingCategory,
  UserKind,
  VersionedText,
} from '@bidhall/contracts';
import type { EntityChangeView, EntityView } from '@bidhall/contracts';

/** What a zod schema parses to / accepts, read off the schema's own type. */
type Output<S> = S extends { _output: infer O } ? O : never;
type Input<S> = S extends { _input: infer I } ? I : never;

export type UserView = Output<typeof userView>;
export type PostCheckView = Output<typeof postCheckView>;
export type PostCheckInput = Input<typeof postCheckRequest>;
export type CheckKind = PostCheckInput['checkKind'];
export type PostCheckResult = NonNullable<EntityView['postCheck']>;

/** GET /api/v1/entities: the query as the API accepts it (sort and order have defaults). */
export type EntityListQuery = Input<typeof entityListQuery>;
export type EntitySort = NonNullable<EntityListQuery['sort']>;
export type SortOrder = NonNullable<EntityListQuery['order']>;

/** Part of a profile, as a change proposes it (a change may clear the e-mail: `contactEmail: null`). */
export type EntityProfilePatch = EntityChangeView['proposed'];

export interface EntityDetail {
  entity: EntityView;
  postChecks: PostCheckView[];
}

export interface ServerTime {
  now: string;
  epochMs: number;
  timeZone: string;
}
