// Types the web app shares with the server, from @bidhall/contracts, plus the few views that the
// contracts package does not name yet (declared by the route schemas on the server).
export type {
  EntityChangeView,
  EntityProfile,
  EntityRole,
  EntityStatus,
  EntityView,
  LoginResponse,
  Region,
  RegisterEntityRequest,
  SessionUser,
  TradingCategory,
  UserKind,
} from '@bidhall/contracts';
import type { EntityChangeView, EntityView, UserKind } from '@bidhall/contracts';

export type PostCheckResult = 'pending' | 'passed' | 'failed';
export type CheckKind = 'creditCode' | 'businessLicence' | 'creditBlacklist' | 'qualification' | 'other';

export interface ServerTime {
  now: string;
  epochMs: number;
  timeZone: string;
}

export interface VersionedText {
  version: string;
  titleZh: string;
  titleEn: string;
  paragraphsZh: string[];
}

export interface PostCheckView {
  id: string;
  entityId: string;
  checkKind: CheckKind | string;
  result: 'passed' | 'failed';
  note: string;
  checkedBy: string;
  checkedAt: string;
}

export interface EntityDetail {
  entity: EntityView;
  postChecks: PostCheckView[];
}

export interface PendingChangeView extends EntityChangeView {
  entityName: string;
  creditCode: string;
}

export interface Message {
  id: string;
  topic: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  kind: UserKind;
  entityId: string | null;
  regionCode: string;
  department: string | null;
  categories: string[];
  status: 'active' | 'disabled';
  totpEnabled: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

export interface AuditEvent {
  id: number;
  occurredAt: string;
  actorKind: string;
  actorId: string | null;
  actorLabel: string | null;
  action: string;
  targetType: string;
  targetId: string;
  regionCode: string | null;
  requestId: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}
