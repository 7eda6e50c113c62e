import type { EvaluationView, Sitting } from '@bidhall/contracts';
import { Card, Descriptions, Form, InputNumber, Radio, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../projects/money.ts';
import { roomWords } from '../sitting.ts';
import { criteriaOf, fieldKey, scoredFactors, withScore, withVerdict, type Rubric, type Sheet } from './sheet.ts';

type Bid = EvaluationView['bids'][number];

/**
 * One bid's part of the member's sheet: the read-out values and the bid's reference beside a verdict on
 * every qualification and compliance criterion and a score for every factor within its range.
 * `refused` is the field the server refused, with its message under it. An application (a review,
 * decision 0032) has no price.
 */
export function BidSheet({
  sitting = 'bid',
  bid,
  rubric,
  sheet,
  frozen,
  refused,
  onChange,
}: {
  sitting?: Sitting;
  bid: Bid;
  rubric: Rubric;
  sheet: Sheet;
  frozen: boolean;
  refused?: { key: string; message: string };
  onChange: (s: Sheet) => void;
}) {
  const { t } = useTranslation();
  const errorOf = (key: string) => (refused?.key === key ? refused.message : undefined);
  const w = roomWords(sitting);
  return (
    <div data-testid="bid-sheet" data-bid={bid.bidId}>
      <Card size="small" className="room-readout" title={t(`${w}.sheet.readout`)}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'bidder', label: t(`${w}.sheet.bidder`), children: <strong>{bid.entityName}</strong> },
            ...(bid.priceFen === null ? [] : [{ key: 'price', label: t('evaluation.sheet.price'), children: <span className="mono" data-testid="bid-price">{formatFen(bid.priceFen)}</span> }]),
            { key: 'ref', label: t(`${w}.sheet.reference`), children: <Typography.Text className="mono" copyable={{ text: bid.bidId }}>{bid.bidId.slice(0, 8)}</Typography.Text> },
          ]}
        />
      </Card>
      <Card size="small" title={t(`${w}.sheet.review`)} className="room-section">
        <Table
          size="small"
          rowKey="number"
          pagination={false}
          dataSource={criteriaOf(rubric)}
          columns={[
            { title: t('evaluation.sheet.clause'), dataIndex: 'number', width: 70 },
            { title: t('evaluation.sheet.group'), dataIndex: 'group', width: 90, render: (g: 'qualification' | 'compliance') => <Tag>{t(`evaluation.sheet.groups.${g}`)}</Tag> },
            { title: t('evaluation.sheet.criterion'), render: (_, c) => <><strong>{c.title}</strong><div className="muted small">{c.requirement}</div></> },
            {
              title: t('evaluation.sheet.verdict'),
              width: 190,
              render: (_, c) => {
                const key = fieldKey(bid.bidId, 'verdict', c.number);
                return (
                  <Form.Item className="room-cell" validateStatus={errorOf(key) ? 'error' : undefined} help={errorOf(key)} data-testid={`field-${key}`}>
                    <Radio.Group
                      disabled={frozen}
                      value={sheet.verdicts[bid.bidId]?.[c.number]}
                      onChange={(e) => onChange(withVerdict(sheet, bid.bidId, c.number, e.target.value as 'pass' | 'fail'))}
                      optionType="button"
                      buttonStyle="solid"
                      options={[
                        { value: 'pass', label: t('evaluation.sheet.pass') },
                        { value: 'fail', label: t('evaluation.sheet.fail') },
                      ]}
                      data-testid="verdict"
                      data-clause={c.number}
                    />
                  </Form.Item>
                );
              },
            },
          ]}
        />
      </Card>
      {scoredFactors(rubric).length > 0 && (
        <Card size="small" title={t(`${w}.sheet.scoring`)} className="room-section">
          <Table
            size="small"
            rowKey="number"
            pagination={false}
            dataSource={scoredFactors(rubric)}
            columns={[
              { title: t('evaluation.sheet.clause'), dataIndex: 'number', width: 70 },
              {
                title: t('evaluation.sheet.factor'),
                render: (_, f) => (
                  <>
                    <strong>{f.name}</strong>
                    {f.points.map((p) => (
                      <div key={p.number} className="muted small">
                        {p.number} {p.description}（{t('evaluation.sheet.upTo', { score: p.maxScore })}）
                      </div>
                    ))}
                  </>
                ),
              },
              { title: t('evaluation.sheet.range'), width: 100, render: (_, f) => <span className="mono">{f.scoreRange.min}–{f.scoreRange.max}</span> },
              {
                title: t('evaluation.sheet.score'),
                width: 180,
                render: (_, f) => {
                  const key = fieldKey(bid.bidId, 'score', f.number);
                  return (
                    <Form.Item className="room-cell" validateStatus={errorOf(key) ? 'error' : undefined} help={errorOf(key)} data-testid={`field-${key}`}>
                      <InputNumber
                        disabled={frozen}
                        min={f.scoreRange.min}
                        max={f.scoreRange.max}
                        step={0.5}
                        value={sheet.scores[bid.bidId]?.[f.number] ?? null}
                        onChange={(v) => onChange(withScore(sheet, bid.bidId, f.number, typeof v === 'number' ? v : null))}
                        data-testid="score"
                        data-factor={f.number}
                      />
                    </Form.Item>
                  );
                },
              },
            ]}
          />
        </Card>
      )}
    </div>
  );
}
