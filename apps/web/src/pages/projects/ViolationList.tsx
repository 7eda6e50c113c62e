import { CheckOutlined } from '@ant-design/icons';
import type { TimetableFieldName, TimetableViolationView } from '@bidhall/contracts';
import { TIMETABLE_FIELD_NAMES } from '@bidhall/contracts';
import { Alert, Button, List, Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

const isField = (f: string): f is TimetableFieldName => (TIMETABLE_FIELD_NAMES as readonly string[]).includes(f);

/** The violations of a TIMETABLE_UNLAWFUL problem: the rule, its legal source, and the lawful bounds. */
export function ViolationList({
  violations,
  onApplyEarliest,
}: {
  violations: TimetableViolationView[];
  onApplyEarliest?: (field: TimetableFieldName, date: string) => void;
}) {
  const { t } = useTranslation();
  const fieldName = (f: string) => (isField(f) ? t(`projects.timetable.field.${f}`) : f);
  const ruleName = (code: string) => t(`projects.timetable.ruleName.${code}` as never, { defaultValue: code });
  return (
    <Alert
      type="error"
      showIcon
      className="form-alert"
      data-testid="timetable-violations"
      title={t('projects.timetable.unlawfulTitle')}
      description={
        <List
          size="small"
          dataSource={violations}
          renderItem={(v, i) => (
            <List.Item
              key={i}
              data-testid="timetable-violation"
              data-code={v.code}
              actions={
                v.earliest && onApplyEarliest && isField(v.earliest.field)
                  ? [
                      <Button
                        key="apply"
                        size="small"
                        type="primary"
                        ghost
                        icon={<CheckOutlined />}
                        onClick={() => v.earliest && isField(v.earliest.field) && onApplyEarliest(v.earliest.field, v.earliest.date)}
                        data-testid="apply-earliest"
                      >
                        {t('projects.timetable.applyEarliest')}
                      </Button>,
                    ]
                  : undefined
              }
            >
              <Space direction="vertical" size={2}>
                <Tooltip title={v.message}>
                  <Typography.Text strong>
                    {ruleName(v.code)} <span className="mono muted small">{v.code}</span>
                  </Typography.Text>
                </Tooltip>
                <span className="small">
                  {t('projects.labelled', { label: t('projects.timetable.source') })}
                  {v.source}
                  {v.refs.length > 0 && (
                    <>
                      {' · '}
                      {t('projects.labelled', { label: t('projects.timetable.refs') })}
                      {v.refs.map((r) => <Tag key={r}>{r}</Tag>)}
                    </>
                  )}
                </span>
                <span className="small">
                  {t('projects.labelled', { label: t('projects.timetable.fields') })}
                  {v.fields.map(fieldName).join(t('common.listSeparator'))}
                </span>
                {v.earliest && (
                  <span className="small" data-testid="violation-earliest">
                    {t('projects.boundOf', { bound: t('projects.timetable.earliest'), field: fieldName(v.earliest.field) })}
                    <strong className="mono">{v.earliest.date}</strong>
                  </span>
                )}
                {v.latest && (
                  <span className="small">
                    {t('projects.boundOf', { bound: t('projects.timetable.latest'), field: fieldName(v.latest.field) })}
                    <strong className="mono">{v.latest.date}</strong>
                  </span>
                )}
                <span className="muted small">{v.message}</span>
              </Space>
            </List.Item>
          )}
        />
      }
    />
  );
}
