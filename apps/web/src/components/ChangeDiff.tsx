import { ArrowRightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { EntityProfile, EntityRole } from '../api/types.ts';
import { useCatalog } from '../hooks/useCatalog.tsx';

type Partial_ = Partial<EntityProfile>;

/** Old and new values of a change side by side, one row per field the change touches. */
export function ChangeDiff({ previous, proposed }: { previous: Partial_; proposed: Partial_ }) {
  const { t } = useTranslation();
  const { regionName } = useCatalog();
  const show = (field: keyof EntityProfile, value: unknown): string => {
    if (value === null || value === undefined || value === '') return '—';
    if (field === 'roles') return (value as EntityRole[]).map((r) => t(`roles.${r}`)).join(t('common.listSeparator'));
    if (field === 'regionCode') return regionName(String(value));
    return String(value);
  };
  const fields = Object.keys(proposed) as (keyof EntityProfile)[];
  return (
    <table className="change-diff" data-testid="change-diff">
      <thead>
        <tr>
          <th>{t('changes.field')}</th>
          <th>{t('changes.old')}</th>
          <th aria-hidden="true" />
          <th>{t('changes.new')}</th>
        </tr>
      </thead>
      <tbody>
        {fields.map((f) => (
          <tr key={f}>
            <td className="change-field">{t(`fields.${f}`)}</td>
            <td className="change-old">{show(f, previous[f])}</td>
            <td className="change-arrow">
              <ArrowRightOutlined />
            </td>
            <td className="change-new">{show(f, proposed[f])}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
