import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type {
  BoundCertificateView,
  EntityChangeView,
  EntityRole,
  EntityStatus,
  PostCheckResult,
  UserKind,
} from '../api/types.ts';

const STATUS_COLOURS: Record<EntityStatus, string> = {
  draft: 'default',
  pending: 'processing',
  active: 'success',
  rejected: 'error',
  suspended: 'warning',
  cancelled: 'default',
};

export function EntityStatusTag({ status, testId }: { status: EntityStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOURS[status]} data-testid={testId} data-status={status}>
      {t(`entityStatus.${status}`)}
    </Tag>
  );
}

const POST_CHECK_COLOURS: Record<PostCheckResult, string> = { pending: 'gold', passed: 'green', failed: 'red' };

export function PostCheckTag({ value }: { value: PostCheckResult | null }) {
  const { t } = useTranslation();
  if (!value) return <span className="muted">{t('postCheck.none')}</span>;
  return <Tag color={POST_CHECK_COLOURS[value]}>{t(`postCheck.${value}`)}</Tag>;
}

export function AdmissionTag({ value }: { value: 'commitment' | 'review' }) {
  const { t } = useTranslation();
  return <Tag color={value === 'commitment' ? 'cyan' : 'blue'}>{t(`admission.${value}`)}</Tag>;
}

const CHANGE_COLOURS: Record<EntityChangeView['status'], string> = {
  draft: 'default',
  pending: 'processing',
  approved: 'success',
  rejected: 'error',
  withdrawn: 'default',
};

export function ChangeStatusTag({ status }: { status: EntityChangeView['status'] }) {
  const { t } = useTranslation();
  return <Tag color={CHANGE_COLOURS[status]}>{t(`changeStatus.${status}`)}</Tag>;
}

export function RoleTags({ roles }: { roles: readonly EntityRole[] }) {
  const { t } = useTranslation();
  return (
    <>
      {roles.map((r) => (
        <Tag key={r} variant="outlined">
          {t(`roles.${r}`)}
        </Tag>
      ))}
    </>
  );
}

const KIND_COLOURS: Record<UserKind, string> = {
  entity: 'blue',
  staff: 'geekblue',
  supervisor: 'purple',
  expert: 'cyan',
  auditor: 'orange',
  admin: 'red',
  securityAdmin: 'volcano',
};

export function UserKindTag({ kind }: { kind: UserKind }) {
  const { t } = useTranslation();
  return <Tag color={KIND_COLOURS[kind]}>{t(`kinds.${kind}`)}</Tag>;
}

const CERTIFICATE_COLOURS: Record<BoundCertificateView['status'], string> = {
  valid: 'success',
  expiring: 'warning',
  expired: 'error',
  notYetValid: 'default',
  unbound: 'default',
};

export function CertificateStatusTag({
  certificate,
}: {
  certificate: Pick<BoundCertificateView, 'status' | 'expiresWithinDays'>;
}) {
  const { t } = useTranslation();
  return (
    <Tag color={CERTIFICATE_COLOURS[certificate.status]} data-testid="certificate-status" data-status={certificate.status}>
      {t(`certificates.status.${certificate.status}`, { days: certificate.expiresWithinDays ?? 0 })}
    </Tag>
  );
}
