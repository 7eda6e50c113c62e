import { Button, Descriptions, Drawer, Empty, Skeleton, Space, Tag, Timeline } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { staffApi, type StatusAction } from '../../api/staff.ts';
import type { EntityView } from '../../api/types.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { AdmissionTag, EntityStatusTag, PostCheckTag, RoleTags } from '../../components/StatusTags.tsx';
import { formatTime } from '../../format.ts';
import { AccountLabel, useAccountNames } from '../../hooks/useAccountNames.tsx';
import { useCatalog } from '../../hooks/useCatalog.tsx';
import { useLoader } from '../../hooks/useLoader.ts';
import { ChangeHistory } from './ChangeHistory.tsx';
import { DecisionModal } from './DecisionModal.tsx';
import { PostCheckModal } from './PostCheckModal.tsx';
import { StatusActionModal } from './StatusActionModal.tsx';

interface Props {
  id: string | null;
  readOnly: boolean;
  onClose: () => void;
  onChanged: () => void;
}

type Dialog = { kind: 'verify' } | { kind: 'status'; action: StatusAction } | { kind: 'postCheck' } | null;

/**
 * Everything about one entity, its post-checks and change history, and what staff may do to it in its
 * present state. Accounts (verifier, status changer, checker, change author) are shown by name.
 */
export function EntityDrawer({ id, readOnly, onClose, onChanged }: Props) {
  const { t } = useTranslation();
  const { regionName } = useCatalog();
  const detail = useLoader(() => (id ? staffApi.entity(id) : Promise.resolve(undefined)), [id]);
  const changes = useLoader(async () => (id ? { id, items: await staffApi.entityChanges(id) } : undefined), [id]);
  const [dialog, setDialog] = useState<Dialog>(null);
  const entity = detail.data?.entity;
  // Loaders keep the last answer while the next loads: show nothing of another entity's.
  const history = changes.data && changes.data.id === id ? changes.data.items : undefined;
  const accounts = useAccountNames([
    entity?.verifiedBy,
    entity?.statusChangedBy,
    ...(detail.data?.postChecks ?? []).map((c) => c.checkedBy),
    ...(history ?? []).flatMap((c) => [c.createdBy, c.verifiedBy]),
  ]);

  const done = async () => {
    setDialog(null);
    await Promise.all([detail.reload(), changes.reload()]);
    onChanged();
  };

  return (
    <Drawer
      open={Boolean(id)}
      onClose={onClose}
      size={760}
      title={
        entity ? (
          <Space>
            {entity.name}
            <EntityStatusTag status={entity.status} testId="drawer-status" />
          </Space>
        ) : (
          t('staff.drawer.title')
        )
      }
      footer={
        entity && !readOnly ? (
          <Actions entity={entity} onAct={setDialog} />
        ) : readOnly ? (
          <Tag color="orange">{t('staff.readOnly')}</Tag>
        ) : null
      }
      data-testid="entity-drawer"
      destroyOnHidden
    >
      {detail.error ? (
        <LoadError error={detail.error} onRetry={() => void detail.reload()} />
      ) : !entity || detail.data?.entity.id !== id ? (
        <Skeleton active paragraph={{ rows: 12 }} />
      ) : (
        <>
          <div className="card-subheading">{t('staff.drawer.profile')}</div>
          <Descriptions
            bordered
            size="small"
            column={2}
            items={[
              { key: 'name', label: t('fields.name'), children: entity.name, span: 2 },
              {
                key: 'code',
                label: t('fields.creditCode'),
                children: <span className="mono">{entity.creditCode}</span>,
                span: 2,
              },
              { key: 'roles', label: t('fields.roles'), children: <RoleTags roles={entity.roles} /> },
              { key: 'region', label: t('fields.regionCode'), children: regionName(entity.regionCode) },
              { key: 'legal', label: t('fields.legalRepresentative'), children: entity.legalRepresentative },
              { key: 'contact', label: t('fields.contactName'), children: entity.contactName },
              { key: 'phone', label: t('fields.contactPhone'), children: entity.contactPhone },
              { key: 'email', label: t('fields.contactEmail'), children: entity.contactEmail ?? '—' },
              { key: 'address', label: t('fields.address'), children: entity.address, span: 2 },
            ]}
          />
          <div className="card-subheading">{t('staff.drawer.admission')}</div>
          <Descriptions
            bordered
            size="small"
            column={2}
            items={[
              { key: 'admission', label: t('workspace.admission.way'), children: <AdmissionTag value={entity.admission} /> },
              {
                key: 'postCheck',
                label: t('workspace.admission.postCheck'),
                children: <PostCheckTag value={entity.postCheck} />,
              },
              {
                key: 'agreement',
                label: t('workspace.admission.agreement'),
                children: `${entity.agreementVersion} · ${formatTime(entity.agreementAcceptedAt)}`,
              },
              {
                key: 'commitment',
                label: t('workspace.admission.commitment'),
                children: entity.commitmentSignedAt
                  ? `${entity.commitmentVersion} · ${formatTime(entity.commitmentSignedAt)}`
                  : t('workspace.admission.notSigned'),
              },
              { key: 'created', label: t('staff.drawer.createdAt'), children: formatTime(entity.createdAt) },
              { key: 'submitted', label: t('workspace.admission.submittedAt'), children: formatTime(entity.submittedAt) },
              { key: 'verifiedAt', label: t('workspace.admission.verifiedAt'), children: formatTime(entity.verifiedAt) },
              {
                key: 'verifiedBy',
                label: t('staff.drawer.verifiedBy'),
                children: <AccountLabel id={entity.verifiedBy} lookup={accounts} testId="drawer-verified-by" />,
              },
              { key: 'note', label: t('workspace.admission.note'), children: entity.verificationNote ?? '—', span: 2 },
              { key: 'statusReason', label: t('staff.drawer.statusReason'), children: entity.statusReason ?? '—', span: 2 },
              {
                key: 'statusBy',
                label: t('staff.drawer.statusChangedBy'),
                children: <AccountLabel id={entity.statusChangedBy} lookup={accounts} testId="drawer-status-by" />,
              },
              { key: 'statusAt', label: t('staff.drawer.statusChangedAt'), children: formatTime(entity.statusChangedAt) },
            ]}
          />
          <div className="card-subheading">{t('staff.drawer.postChecks')}</div>
          {detail.data.postChecks.length === 0 ? (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={
                entity.admission === 'commitment' ? t('staff.drawer.noPostChecks') : t('staff.drawer.postChecksNotApplicable')
              }
            />
          ) : (
            <Timeline
              items={detail.data.postChecks.map((c) => ({
                key: c.id,
                color: c.result === 'passed' ? 'green' : 'red',
                content: (
                  <div>
                    <Space>
                      <strong>{t(`checkKind.${c.checkKind as 'other'}`, { defaultValue: c.checkKind })}</strong>
                      <PostCheckTag value={c.result} />
                      <span className="muted">{formatTime(c.checkedAt)}</span>
                      <span className="muted">
                        {t('staff.drawer.checkedBy')}
                        <AccountLabel id={c.checkedBy} lookup={accounts} />
                      </span>
                    </Space>
                    <div>{c.note}</div>
                  </div>
                ),
              }))}
            />
          )}
          <div className="card-subheading">{t('staff.history.title')}</div>
          {changes.error ? (
            <LoadError error={changes.error} onRetry={() => void changes.reload()} />
          ) : !history ? (
            <Skeleton active paragraph={{ rows: 3 }} />
          ) : (
            <ChangeHistory changes={history} applicantUserId={entity.applicantUserId} lookup={accounts} />
          )}
        </>
      )}
      {entity && dialog?.kind === 'verify' && (
        <DecisionModal
          target="entity"
          onClose={() => setDialog(null)}
          onDecide={(d, note) => staffApi.verify(entity.id, d, note)}
          onDone={done}
        />
      )}
      {entity && dialog?.kind === 'status' && (
        <StatusActionModal entity={entity} action={dialog.action} onClose={() => setDialog(null)} onDone={done} />
      )}
      {entity && dialog?.kind === 'postCheck' && <PostCheckModal entity={entity} onClose={() => setDialog(null)} onDone={done} />}
    </Drawer>
  );
}

/** The actions the entity's state allows; the server enforces the same transitions. */
function Actions({ entity, onAct }: { entity: EntityView; onAct: (d: Dialog) => void }) {
  const { t } = useTranslation();
  const canCancel = ['pending', 'active', 'suspended', 'rejected'].includes(entity.status);
  return (
    <Space wrap>
      {entity.status === 'pending' && (
        <Button type="primary" onClick={() => onAct({ kind: 'verify' })} data-testid="action-verify">
          {t('staff.actions.verify')}
        </Button>
      )}
      {entity.admission === 'commitment' && entity.status !== 'draft' && entity.status !== 'cancelled' && (
        <Button onClick={() => onAct({ kind: 'postCheck' })} data-testid="action-postCheck">
          {t('staff.actions.postCheck')}
        </Button>
      )}
      {entity.status === 'active' && (
        <Button danger onClick={() => onAct({ kind: 'status', action: 'suspend' })} data-testid="action-suspend">
          {t('staff.actions.suspend')}
        </Button>
      )}
      {entity.status === 'suspended' && (
        <Button type="primary" onClick={() => onAct({ kind: 'status', action: 'reinstate' })} data-testid="action-reinstate">
          {t('staff.actions.reinstate')}
        </Button>
      )}
      {canCancel && (
        <Button danger type="text" onClick={() => onAct({ kind: 'status', action: 'cancel' })} data-testid="action-cancel">
          {t('staff.actions.cancel')}
        </Button>
      )}
    </Space>
  );
}
