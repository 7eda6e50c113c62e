import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../api/problem.ts';

/** A section that could not load, with a way to try again. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Result
      status="warning"
      title={t('errors.loadFailed')}
      subTitle={problemMessage(t, error)}
      extra={onRetry && <Button onClick={onRetry}>{t('common.retry')}</Button>}
    />
  );
}
