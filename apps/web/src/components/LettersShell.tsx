import { CheckOutlined } from '@ant-design/icons';
import { App, Button, Empty, Skeleton, Tag, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../api/problem.ts';
import { LoadError } from './LoadError.tsx';
import { PageHeading } from './PageHeading.tsx';

/**
 * The acknowledgement (签收) of a letter issued to the caller's entity: one at a time, the list reloaded
 * after it, a refusal shown as the problem's message.
 */
export function useAcknowledge(ack: (id: string) => Promise<unknown>, doneMessage: string, reload: () => Promise<unknown>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [acknowledging, setAcknowledging] = useState<string>();
  const acknowledge = async (id: string) => {
    setAcknowledging(id);
    try {
      await ack(id);
      message.success(doneMessage);
      await reload();
    } catch (err) {
      message.error(problemMessage(t, err));
    } finally {
      setAcknowledging(undefined);
    }
  };
  return { acknowledging, acknowledge };
}

/** A letter's receipt cell: when it was acknowledged (`readText`, null before), or the button that acknowledges it. */
export function ReceiptCell({
  readText,
  busy,
  onAcknowledge,
  ackLabel,
  testIds,
}: {
  readText: string | null;
  busy: boolean;
  onAcknowledge: () => void;
  ackLabel: string;
  testIds: { read: string; ack: string };
}) {
  return readText !== null ? (
    <Tag color="success" data-testid={testIds.read}>
      {readText}
    </Tag>
  ) : (
    <Button size="small" type="primary" icon={<CheckOutlined />} loading={busy} onClick={onAcknowledge} data-testid={testIds.ack}>
      {ackLabel}
    </Button>
  );
}

/**
 * A page of the letters issued to the caller's entity in the bidder's workspace (award notices,
 * prequalification results): heading, lead, the loading, failure and empty states; the table is the caller's.
 */
export function LettersShell<T>({
  testId,
  title,
  subtitle,
  lead,
  empty,
  loaded,
  children,
}: {
  testId: string;
  title: string;
  subtitle: string;
  lead: string;
  empty: string;
  loaded: { data: T[] | undefined; error: unknown; loading: boolean; reload: () => Promise<unknown> };
  children: (letters: T[]) => ReactNode;
}) {
  const { t } = useTranslation();
  const { data, error, loading, reload } = loaded;
  return (
    <div data-testid={testId}>
      <PageHeading title={title} subtitle={subtitle} trail={[{ title: t('bidder.title'), to: '/bidder' }, { title }]} />
      <div className="container page-body">
        <Typography.Paragraph type="secondary">{lead}</Typography.Paragraph>
        {error !== undefined && <LoadError error={error} onRetry={() => void reload()} />}
        {loading && !data && <Skeleton active />}
        {data && data.length === 0 && <Empty description={empty} />}
        {data && data.length > 0 && children(data)}
      </div>
    </div>
  );
}
