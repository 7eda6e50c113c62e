import { Alert } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { systemApi, type PlatformInfoView } from '../api/system.ts';

/**
 * On every page while the platform reaches outside systems through its own sandbox stand-ins
 * (decision 0018), so nobody takes a demo notice or exchange for a real one.
 */
export function SandboxBanner() {
  const { t } = useTranslation();
  const [sandboxes, setSandboxes] = useState<PlatformInfoView['sandboxes']>([]);
  useEffect(() => {
    let live = true;
    systemApi.platform().then(
      (info) => live && setSandboxes(info.sandboxes),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  if (!sandboxes.length) return null;
  const systems = sandboxes.map((s) => t(`system.sandbox.systems.${s}`)).join(t('common.listSeparator'));
  return (
    <Alert
      banner
      type="warning"
      className="sandbox-banner"
      data-testid="sandbox-banner"
      message={
        <span>
          <strong>{t('system.sandbox.title')}</strong> {t('system.sandbox.body', { systems })}
        </span>
      }
    />
  );
}
