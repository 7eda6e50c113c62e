import { Typography } from 'antd';
import type { UIEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { VersionedText } from '../api/types.ts';
import { useLocale } from '../i18n/LocaleProvider.tsx';

interface Props {
  text: VersionedText;
  /** Called once the reader has scrolled to the end. */
  onReadToEnd?: () => void;
  testId?: string;
}

/** An agreement or commitment as issued, in a scrollable frame, with its version. */
export function VersionedTextView({ text, onReadToEnd, testId }: Props) {
  const { t } = useTranslation();
  const { lang } = useLocale();
  const onScroll = (e: UIEvent<HTMLDivElement>) => {
    const el = e.currentTarget;
    if (el.scrollTop + el.clientHeight >= el.scrollHeight - 8) onReadToEnd?.();
  };
  return (
    <div className="legal-text" data-testid={testId}>
      <Typography.Title level={4} className="legal-text-title">
        {text.titleZh}
      </Typography.Title>
      {lang === 'en' && <div className="legal-text-subtitle">{text.titleEn}</div>}
      <div className="legal-text-meta">{t('legal.version', { version: text.version })}</div>
      {lang === 'en' && <div className="legal-text-note">{t('legal.chineseOnly')}</div>}
      <div className="legal-text-body" onScroll={onScroll} tabIndex={0}>
        {text.paragraphsZh.map((p) => (
          <p key={p}>{p}</p>
        ))}
      </div>
    </div>
  );
}
