import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HallView } from '../../api/opening.ts';
import { hallWords } from './sitting.ts';

/** A bidder's own bid in the hall: what to do next, in the order the hall asks for it. */
export function MineAlert({ view }: { view: HallView }) {
  const { t } = useTranslation();
  const mine = view.mine;
  if (!mine || view.stage === 'failed') return null;
  const state =
    mine.unseal === 'unsealed' || mine.unseal === 'remedied'
      ? 'unsealed'
      : mine.unseal === 'failed' && !view.can.unseal
        ? 'failed'
        : !mine.signedIn
          ? view.can.signIn
            ? 'notSignedIn'
            : null
          : view.stage === 'signIn'
            ? 'waitUnsealing'
            : view.can.unseal
              ? 'unsealNow'
              : null;
  if (!state) return null;
  const w = hallWords(view.sitting);
  const type = state === 'unsealed' ? 'success' : state === 'failed' ? 'error' : state === 'unsealNow' ? 'warning' : 'info';
  return <Alert type={type} showIcon className="hall-mine" title={t(`${w}.mine.title`)} description={t(`${w}.mine.${state}`)} data-testid="hall-mine" data-state={state} />;
}
