import { DownloadOutlined, SafetyOutlined } from '@ant-design/icons';
import type { ContractArchive } from '@bidhall/contracts';
import { Alert, Button, Divider, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contractApi } from '../../../api/contract.ts';
import { problemMessage } from '../../../api/problem.ts';
import type { Check } from '../../../trust/checks.ts';
import { CheckList } from '../../verify/CheckList.tsx';

/** Saves the package as the server sent it, named after the section code (else the contract). */
function saveArchive(archive: ContractArchive) {
  const name = (archive.content.project.sectionCode || archive.contractId).replace(/[\\/:*?"<>|\s]+/g, '_');
  const url = URL.createObjectURL(new Blob([JSON.stringify(archive, null, 2)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `contract-${name}.json`;
  a.click();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

type Outcome = { ok: boolean; checks: Check[] };

/**
 * 电子合同归档 of a concluded contract (task 18), for both sides and whoever may read it: download the
 * archive package (the content as signed, its SM3, both signatures with their certificates), or check
 * it here in the browser. The crypto code loads on the first check.
 */
export function ContractArchiveBlock({ sectionId }: { sectionId: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<'download' | 'verify'>();
  const [error, setError] = useState<unknown>();
  const [outcome, setOutcome] = useState<Outcome>();

  const download = async () => {
    setBusy('download');
    setError(undefined);
    try {
      saveArchive(await contractApi.archive(sectionId));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(undefined);
    }
  };

  const verify = async () => {
    setBusy('verify');
    setError(undefined);
    setOutcome(undefined);
    try {
      const [{ verifyContractArchive }, archive] = await Promise.all([
        import('./contractArchiveVerify.ts'),
        contractApi.archive(sectionId),
      ]);
      setOutcome(await verifyContractArchive(archive));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <div data-testid="contract-archive">
      <Divider titlePlacement="start">{t('contract.archive.title')}</Divider>
      <p className="muted small">{t('contract.archive.lead')}</p>
      <Space wrap className="card-lead">
        <Button
          icon={<DownloadOutlined />}
          loading={busy === 'download'}
          disabled={busy === 'verify'}
          onClick={() => void download()}
          data-testid="contract-archive-download"
        >
          {t('contract.archive.download')}
        </Button>
        <Button
          type="primary"
          icon={<SafetyOutlined />}
          loading={busy === 'verify'}
          disabled={busy === 'download'}
          onClick={() => void verify()}
          data-testid="contract-archive-verify"
        >
          {t('contract.archive.verify')}
        </Button>
      </Space>
      {error !== undefined && (
        <Alert
          type="error"
          showIcon
          className="form-alert"
          title={problemMessage(t, error)}
          data-testid="contract-archive-error"
        />
      )}
      {outcome && (
        <div data-testid="contract-archive-result" data-ok={outcome.ok ? 'true' : 'false'}>
          <Alert
            type={outcome.ok ? 'success' : 'error'}
            showIcon
            className="form-alert"
            title={outcome.ok ? t('contract.archive.ok') : t('contract.archive.failed')}
          />
          <CheckList checks={outcome.checks} testId="contract-archive-checks" />
        </div>
      )}
    </div>
  );
}
