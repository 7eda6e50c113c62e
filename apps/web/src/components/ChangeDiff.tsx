import { ArrowRightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { EntityProfile, EntityProfilePatch, EntityRole } from '../api/types.ts';
import { useCatalog } from '../hooks/useCatalog.tsx';

/** Old and new values of a change side by side, one row per field the change touches (null: cleared). */
export function ChangeDiff({ previous, proposed }: { previous: EntityProfilePatch; proposed: EntityProfilePatch }) {
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
          <th className="change-field">{t('changes.field')}</th>
          <th>{t('changes.old')}</th>
          <th className="change-arrow" aria-hidden="true" />
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
            <td className="change-new">{proposed[f] === null ? t('changes.cleared') : show(f, proposed[f])}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
