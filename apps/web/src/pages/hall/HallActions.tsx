import { LoginOutlined, PlayCircleOutlined, UnlockOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hallApi, type HallRef, type HallView } from '../../api/opening.ts';
import { problemMessage } from '../../api/problem.ts';
import { hallWords } from './sitting.ts';

/**
 * The buttons the server's `can` flags allow now: 签到 for a bidder, 开始解密 for the tenderer or
 * agency (A-110, confirmed: too few signed in ends the opening), 解密 for a signed-in bidder.
 */
export function HallActions({ at, view, act, onUnseal, onFailed }: {
  at: HallRef;
  view: HallView;
  act: (call: () => Promise<HallView>) => Promise<HallView>;
  onUnseal: () => void;
  onFailed: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<'signIn' | 'start'>();
  const run = async (which: 'signIn' | 'start', call: () => Promise<HallView>, done: string) => {
    setBusy(which);
    try {
      await act(call);
      message.success(done);
    } catch (err) {
      message.error(problemMessage(t, err));
      onFailed();
    } finally {
      setBusy(undefined);
    }
  };
  const signedIn = view.bidders.filter((b) => b.signedInAt).length;
  if (!view.can.signIn && !view.can.startUnsealing && !view.can.unseal) return null;
  return (
    <Space wrap className="hall-actions">
      {view.can.signIn && (
        <Button type="primary" size="large" icon={<LoginOutlined />} loading={busy === 'signIn'} data-testid="hall-sign-in" onClick={() => void run('signIn', () => hallApi.signIn(at), t('hall.actions.signInDone'))}>
          {t('hall.actions.signIn')}
        </Button>
      )}
      {view.can.startUnsealing && (
        <Popconfirm
          title={t('hall.actions.startConfirm')}
          description={<div className="hall-confirm">{t(`${hallWords(view.sitting)}.actions.startNote`, { n: signedIn, total: view.bidders.length, minutes: view.unsealWindowMinutes })}</div>}
          onConfirm={() => run('start', () => hallApi.startUnsealing(at), t('hall.actions.startDone'))}
          okButtonProps={{ ...{ 'data-testid': 'hall-start-confirm' } }}
        >
          <Button type="primary" size="large" icon={<PlayCircleOutlined />} loading={busy === 'start'} data-testid="hall-start-unsealing">
            {t('hall.actions.startUnsealing')}
          </Button>
        </Popconfirm>
      )}
      {view.can.unseal && (
        <Button type="primary" size="large" icon={<UnlockOutlined />} data-testid="hall-unseal" onClick={onUnseal}>
          {t('hall.actions.unseal')}
        </Button>
      )}
    </Space>
  );
}
