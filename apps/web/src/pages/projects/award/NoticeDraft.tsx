import { EditOutlined, SaveOutlined } from '@ant-design/icons';
import type { AwardNoticeView } from '@bidhall/contracts';
import { App, Button, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { awardApi } from '../../../api/award.ts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { LettersTable } from './LettersTable.tsx';

/**
 * The manager's draft of the notices: the result notice's remarks and each letter's
 * reasons, saved (only the reasons changed are sent); saved, it is signed and submitted.
 */
export function NoticeDraft({
  sectionId,
  notice,
  onChanged,
  onSign,
}: {
  sectionId: string;
  notice: AwardNoticeView;
  onChanged: () => Promise<void> | void;
  onSign: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [remarks, setRemarks] = useState(notice.remarks);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const changed = notice.letters.filter((l) => reasons[l.bidId] !== undefined && reasons[l.bidId]!.trim() !== l.reason);
  const dirty = remarks.trim() !== notice.remarks || changed.length > 0;
  const invalid = notice.letters.some((l) => !(reasons[l.bidId] ?? l.reason).trim());

  const save = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await awardApi.saveNotices(sectionId, {
        remarks: remarks.trim(),
        letters: changed.map((l) => ({ bidId: l.bidId, reason: reasons[l.bidId]!.trim() })),
      });
      message.success(t('award.notices.saved'));
      await onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="notices-draft">
      <Form layout="vertical">
        <Form.Item label={t('award.notices.remarks')}>
          <Input.TextArea
            rows={2}
            maxLength={2000}
            showCount
            value={remarks}
            onChange={(e) => setRemarks(e.target.value)}
            placeholder={t('award.notices.remarksHint')}
            disabled={busy}
            data-testid="notices-remarks"
          />
        </Form.Item>
        <Form.Item label={t('award.notices.letters')}>
          <LettersTable
            letters={notice.letters}
            reasons={reasons}
            onReason={(bidId, reason) => setReasons((r) => ({ ...r, [bidId]: reason }))}
          />
        </Form.Item>
        <Space wrap>
          <Button
            icon={<SaveOutlined />}
            loading={busy}
            disabled={!dirty || invalid}
            onClick={() => void save()}
            data-testid="notices-save"
          >
            {t('award.notices.save')}
          </Button>
          <Button
            type="primary"
            icon={<EditOutlined />}
            disabled={dirty || busy}
            title={dirty ? t('award.notices.saveFirst') : undefined}
            onClick={onSign}
            data-testid="notices-sign"
          >
            {t('award.notices.sign')}
          </Button>
        </Space>
      </Form>
      <ProblemAlert error={error} testId="notices-error" />
    </div>
  );
}
