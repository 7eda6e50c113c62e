import { Collapse, Descriptions, Empty, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EntityChangeView } from '../../api/types.ts';
import { ChangeDiff } from '../../components/ChangeDiff.tsx';
import { ChangeStatusTag } from '../../components/StatusTags.tsx';
import { formatTime } from '../../format.ts';
import { AccountLabel, type AccountLookup } from '../../hooks/useAccountNames.tsx';

interface Props {
  changes: EntityChangeView[];
  /** The entity's applicant account: named as such when the directory does not name it. */
  applicantUserId: string | null;
  lookup: AccountLookup;
}

/** Every change the entity proposed, newest first; the open one (or else the newest) unfolded. */
export function ChangeHistory({ changes, applicantUserId, lookup }: Props) {
  const { t } = useTranslation();
  if (changes.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('staff.history.empty')} />;
  }
  const open = changes.find((c) => c.status === 'pending' || c.status === 'draft') ?? changes[0];
  const fieldsOf = (c: EntityChangeView) =>
    Object.keys(c.proposed)
      .map((f) => t(`fields.${f as 'name'}`))
      .join(t('common.listSeparator'));
  const author = (id: string) => (
    <AccountLabel
      id={id}
      lookup={lookup}
      fallback={id === applicantUserId ? t('staff.history.applicant') : t('staff.history.entityUser')}
    />
  );

  return (
    <Collapse
      size="small"
      className="change-history"
      defaultActiveKey={open ? [open.id] : []}
      data-testid="change-history"
      items={changes.map((c) => ({
        key: c.id,
        label: (
          <Space size={8} wrap>
            <ChangeStatusTag status={c.status} />
            <span>{fieldsOf(c)}</span>
          </Space>
        ),
        extra: <span className="muted small">{formatTime(c.createdAt)}</span>,
        children: (
          <>
            <ChangeDiff previous={c.previous} proposed={c.proposed} />
            <Descriptions
              size="small"
              column={2}
              className="change-history-meta"
              items={[
                { key: 'createdBy', label: t('staff.history.createdBy'), children: author(c.createdBy) },
                { key: 'submittedAt', label: t('staff.columns.submittedAt'), children: formatTime(c.submittedAt) },
                {
                  key: 'verifiedBy',
                  label: t('staff.history.verifiedBy'),
                  children: <AccountLabel id={c.verifiedBy} lookup={lookup} testId="history-verified-by" />,
                },
                { key: 'verifiedAt', label: t('workspace.admission.verifiedAt'), children: formatTime(c.verifiedAt) },
                ...(c.verificationNote ? [{ key: 'note', label: t('changes.note'), children: c.verificationNote, span: 2 }] : []),
              ]}
            />
          </>
        ),
      }))}
    />
  );
}
