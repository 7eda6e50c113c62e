import { StarFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

/** The mean rating (1–5) with how many ratings it is the mean of. */
export function RatingText({ rating, count }: { rating: number | null; count: number }) {
  const { t } = useTranslation();
  if (rating === null || count === 0) return <span className="muted">{t('experts.pool.noRating')}</span>;
  return (
    <span>
      <StarFilled style={{ color: '#fadb14' }} /> {t('experts.pool.ratingValue', { value: rating.toFixed(1), count })}
    </span>
  );
}
