import { App } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * The server cleans rich text to an allow-list and names in its answer what it took out
 * (`removedMarkup`); the author sees that list instead of finding the formatting silently gone.
 */
export function useRemovedMarkupWarning(): (answer: unknown) => void {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (answer) => {
    const removed = (answer as { removedMarkup?: string[] } | null | undefined)?.removedMarkup;
    if (!removed?.length) return;
    void message.warning({ content: t('desk.editor.removedMarkup', { list: removed.join('; ') }), duration: 10, className: 'removed-markup-warning' });
  };
}
