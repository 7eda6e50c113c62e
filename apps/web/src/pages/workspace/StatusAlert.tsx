import { Alert, App, Button, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../api/problem.ts';
import { registrationApi } from '../../api/registration.ts';
import type { EntityView } from '../../api/types.ts';
import { useSession } from '../../auth/SessionContext.tsx';
import { formatTime } from '../../format.ts';
import { EditRegistrationModal } from './EditRegistrationModal.tsx';
import { SubmitRegistrationModal } from './SubmitRegistrationModal.tsx';

/** The one thing the entity must know now: suspended, cancelled, waiting, rejected or still a draft. */
export function StatusAlert({ entity, onChanged }: { entity: EntityView; onChanged: () => Promise<void> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { logout } = useSession();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const [submitting, setSubmitting] = useState(false);

  const remove = async () => {
    try {
      await registrationApi.deleteRegistration();
      message.success(t('workspace.alert.deleted'));
      await logout();
      await navigate('/');
    } catch (err) {
      message.error(problemMessage(t, err));
    }
  };

  const editable = entity.status === 'draft' || entity.status === 'rejected';
  const actions = editable && (
    <Space wrap>
      <Button onClick={() => setEditing(true)} data-testid="edit-registration">
        {t('workspace.alert.edit')}
      </Button>
      <Button type="primary" onClick={() => setSubmitting(true)} data-testid="submit-registration">
        {entity.status === 'rejected' ? t('workspace.alert.resubmit') : t('workspace.alert.submit')}
      </Button>
      <Popconfirm title={t('workspace.alert.deleteConfirm')} onConfirm={() => void remove()} okButtonProps={{ danger: true }}>
        <Button danger type="text">
          {t('workspace.alert.delete')}
        </Button>
      </Popconfirm>
    </Space>
  );

  let alert = null;
  switch (entity.status) {
    case 'suspended':
      alert = (
        <Alert
          type="error"
          showIcon
          data-testid="suspended-alert"
          title={t('workspace.alert.suspendedTitle')}
          description={
            <>
              <div>{t('workspace.alert.reason', { reason: entity.statusReason ?? '—' })}</div>
              <div>{t('workspace.alert.since', { time: formatTime(entity.statusChangedAt) })}</div>
              <div>{t('workspace.alert.suspendedDesc')}</div>
            </>
          }
        />
      );
      break;
    case 'cancelled':
      alert = (
        <Alert
          type="error"
          showIcon
          data-testid="cancelled-alert"
          title={t('workspace.alert.cancelledTitle')}
          description={t('workspace.alert.reason', { reason: entity.statusReason ?? '—' })}
        />
      );
      break;
    case 'pending':
      alert = (
        <Alert
          type="info"
          showIcon
          data-testid="pending-alert"
          title={t('workspace.alert.pendingTitle')}
          description={t('workspace.alert.pendingDesc', { time: formatTime(entity.submittedAt) })}
        />
      );
      break;
    case 'rejected':
      alert = (
        <Alert
          type="warning"
          showIcon
          data-testid="rejected-alert"
          title={t('workspace.alert.rejectedTitle')}
          description={t('workspace.alert.rejectedDesc', { note: entity.verificationNote ?? '—' })}
          action={actions}
        />
      );
      break;
    case 'draft':
      alert = (
        <Alert
          type="info"
          showIcon
          data-testid="draft-alert"
          title={t('workspace.alert.draftTitle')}
          description={t('workspace.alert.draftDesc')}
          action={actions}
        />
      );
      break;
    case 'active':
      if (entity.admission === 'commitment' && entity.postCheck === 'pending') {
        alert = (
          <Alert
            type="success"
            showIcon
            closable
            title={t('workspace.alert.admittedTitle')}
            description={t('workspace.alert.admittedDesc')}
          />
        );
      }
      break;
  }

  return (
    <div className="workspace-alert">
      {alert}
      {editable && (
        <>
          <EditRegistrationModal open={editing} entity={entity} onClose={() => setEditing(false)} onSaved={onChanged} />
          <SubmitRegistrationModal open={submitting} onClose={() => setSubmitting(false)} onSubmitted={onChanged} />
        </>
      )}
    </div>
  );
}
