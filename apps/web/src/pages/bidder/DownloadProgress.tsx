import { Progress } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DownloadState } from './useDownload.ts';

const kib = (n: number) => (n / 1024).toFixed(1);

/** Recording the download, then the file arriving (percent when the size is known). */
export function DownloadProgress({ state }: { state: DownloadState }) {
  const { t } = useTranslation();
  if (state.phase === 'idle') return null;
  const percent =
    state.phase === 'done'
      ? 100
      : state.phase === 'recording'
        ? 5
        : state.total > 0
          ? Math.min(99, Math.round((state.received / state.total) * 100))
          : 50;
  return (
    <div className="download-progress" data-testid="download-progress" data-phase={state.phase}>
      <Progress
        percent={percent}
        size="small"
        status={state.phase === 'failed' ? 'exception' : state.phase === 'done' ? 'success' : 'active'}
      />
      <div className="muted small">
        {t(`bidder.download.phase.${state.phase}`, { received: kib(state.received), total: kib(state.total) })}
      </div>
    </div>
  );
}
