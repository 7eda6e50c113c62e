import { SafetyOutlined } from '@ant-design/icons';
import type { AuditEvidenceView } from '@bidhall/contracts';
import { Alert, Button, Modal, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { logApi } from '../../api/log.ts';
import { problemMessage } from '../../api/problem.ts';
import type { AuditEventView } from '../../api/types.ts';
import type { Check } from '../../trust/checks.ts';
import { CheckList } from '../verify/CheckList.tsx';

/** A row as the auditor's API serves it: with the salt and the committed JSON (decision 0014). */
type AuditRow = AuditEventView & Partial<Pick<AuditEvidenceView, 'commitmentSalt' | 'committedJson'>>;

type Outcome = { ok: boolean; checks: Check[] } | { error: unknown };

/**
 * 核验: recomputes the row's commitment in the browser and checks its log entry's inclusion under a
 * signed head, trusting only the log key (the shared verifier, @bidhall/crypto/log-verify). Crypto
 * loads on first use.
 */
export function AuditCheckButton({ row }: { row: AuditRow }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();

  const run = async () => {
    setOpen(true);
    setOutcome(undefined);
    try {
      const [{ verifyAuditRow }, key] = await Promise.all([import('../../trust/logVerify.ts'), logApi.key()]);
      const evidence = { ...row, commitmentSalt: row.commitmentSalt ?? null, committedJson: row.committedJson ?? null };
      setOutcome(await verifyAuditRow(evidence, key.publicKeyPem));
    } catch (err) {
      setOutcome({ error: err });
    }
  };

  return (
    <>
      <Button
        size="small"
        icon={<SafetyOutlined />}
        disabled={row.logIndex === null}
        onClick={() => void run()}
        data-testid="audit-check"
      >
        {t('audit.check.button')}
      </Button>
      <Modal
        open={open}
        title={t('audit.check.title', { id: row.id })}
        footer={null}
        onCancel={() => setOpen(false)}
        width={720}
        destroyOnHidden
      >
        <p className="muted">{t('audit.check.lead')}</p>
        {!outcome ? (
          <Spin description={t('audit.check.running')} />
        ) : 'error' in outcome ? (
          <Alert type="error" showIcon title={problemMessage(t, outcome.error)} />
        ) : (
          <div data-testid="audit-check-result" data-status={outcome.ok ? 'ok' : 'failed'}>
            <Alert
              type={outcome.ok ? 'success' : 'error'}
              showIcon
              title={outcome.ok ? t('audit.check.ok') : t('audit.check.failed')}
              className="form-alert"
            />
            <CheckList checks={outcome.checks} testId="audit-checks" />
          </div>
        )}
      </Modal>
    </>
  );
}
