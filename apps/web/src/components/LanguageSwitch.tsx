import { GlobalOutlined } from '@ant-design/icons';
import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../i18n/index.ts';
import { useLocale } from '../i18n/LocaleProvider.tsx';

export function LanguageSwitch() {
  const { t } = useTranslation();
  const { lang, setLang } = useLocale();
  return (
    <span className="lang-switch" aria-label={t('lang.switch')}>
      <GlobalOutlined />
      <Segmented<Lang>
        size="small"
        value={lang}
        onChange={setLang}
        options={[
          { label: t('lang.zh'), value: 'zh-CN' },
          { label: t('lang.en'), value: 'en' },
        ]}
        data-testid="lang-switch"
      />
    </span>
  );
}
