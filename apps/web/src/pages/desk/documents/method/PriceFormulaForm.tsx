import { PRICE_SCORINGS, type PriceFormula, type PriceScoring } from '@bidhall/contracts';
import { Alert, Col, Form, InputNumber, Radio, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { RATIO_FORMULA } from './methodModel.ts';

/**
 * 价格分: the scoring (偏差率法, or 低价优先法: benchmark ÷ bid × full score), the benchmark's definition,
 * the coefficient K's range and step, and the deviation method's deductions per percent.
 */
export function PriceFormulaForm({ value, onChange, editable }: { value: PriceFormula; onChange: (v: PriceFormula) => void; editable: boolean }) {
  const { t } = useTranslation();
  const b = value.benchmark;
  const setB = (patch: Partial<PriceFormula['benchmark']>) => onChange({ ...value, benchmark: { ...b, ...patch } });
  const setK = (patch: Partial<PriceFormula['benchmark']['coefficient']>) => setB({ coefficient: { ...b.coefficient, ...patch } });
  const setD = (patch: Partial<PriceFormula['deduction']>) => onChange({ ...value, deduction: { ...value.deduction, ...patch } });
  const num = (v: number | null) => v ?? 0;
  const kCount = b.coefficient.max > b.coefficient.min && b.coefficient.step > 0 ? Math.round((b.coefficient.max - b.coefficient.min) / b.coefficient.step) + 1 : 1;
  const scoring: PriceScoring = value.scoring ?? 'deviation';
  const setScoring = (next: PriceScoring) =>
    onChange(next === 'ratio' ? RATIO_FORMULA : { ...value, scoring: 'deviation', deduction: value.scoring === 'ratio' ? { abovePerPercent: 1, belowPerPercent: 0.5 } : value.deduction });

  return (
    <Form layout="vertical" disabled={!editable} data-testid="price-formula">
      <Form.Item label={t('desk.method.formula.scoring')}>
        <Radio.Group
          value={scoring}
          optionType="button"
          data-testid="price-scoring"
          onChange={(e) => setScoring(e.target.value as PriceScoring)}
          options={PRICE_SCORINGS.map((v) => ({ value: v, label: <span data-testid={`price-scoring-${v}`}>{t(`desk.method.formula.scorings.${v}`)}</span> }))}
        />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item label={t('desk.method.formula.base')}>
            <Select
              value={b.base}
              onChange={(base) => setB({ base })}
              options={(['averageOfValidBids', 'lowestValidBid'] as const).map((v) => ({ value: v, label: t(`desk.method.formula.bases.${v}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={8} md={5}>
          <Form.Item label={t('desk.method.formula.dropHighest')}>
            <InputNumber value={b.dropHighest} min={0} max={5} precision={0} onChange={(v) => setB({ dropHighest: num(v) })} />
          </Form.Item>
        </Col>
        <Col xs={8} md={5}>
          <Form.Item label={t('desk.method.formula.dropLowest')}>
            <InputNumber value={b.dropLowest} min={0} max={5} precision={0} onChange={(v) => setB({ dropLowest: num(v) })} />
          </Form.Item>
        </Col>
        <Col xs={8} md={6}>
          <Form.Item label={t('desk.method.formula.dropWhenAtLeast')}>
            <InputNumber value={b.dropWhenAtLeast} min={1} max={100} precision={0} onChange={(v) => setB({ dropWhenAtLeast: num(v) })} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={8} md={4}>
          <Form.Item label={t('desk.method.formula.kMin')}>
            <InputNumber value={b.coefficient.min} min={0.5} max={1.5} step={0.01} precision={4} onChange={(v) => setK({ min: num(v) })} data-testid="k-min" />
          </Form.Item>
        </Col>
        <Col xs={8} md={4}>
          <Form.Item label={t('desk.method.formula.kMax')}>
            <InputNumber value={b.coefficient.max} min={0.5} max={1.5} step={0.01} precision={4} onChange={(v) => setK({ max: num(v) })} data-testid="k-max" />
          </Form.Item>
        </Col>
        <Col xs={8} md={4}>
          <Form.Item label={t('desk.method.formula.kStep')}>
            <InputNumber value={b.coefficient.step} min={0.0001} max={1} step={0.005} precision={4} onChange={(v) => setK({ step: num(v) })} />
          </Form.Item>
        </Col>
        {scoring === 'deviation' && (
          <>
            <Col xs={12} md={6}>
              <Form.Item label={t('desk.method.formula.above')} extra={t('desk.method.formula.perPercent')}>
                <InputNumber value={value.deduction.abovePerPercent} min={0} max={100} step={0.1} onChange={(v) => setD({ abovePerPercent: num(v) })} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item label={t('desk.method.formula.below')} extra={t('desk.method.formula.perPercent')}>
                <InputNumber value={value.deduction.belowPerPercent} min={0} max={100} step={0.1} onChange={(v) => setD({ belowPerPercent: num(v) })} />
              </Form.Item>
            </Col>
          </>
        )}
      </Row>
      <Alert
        type="info"
        showIcon
        data-testid="price-formula-explain"
        title={
          scoring === 'ratio'
            ? t('desk.method.formula.explainRatio', { base: t(`desk.method.formula.bases.${b.base}`), min: b.coefficient.min, max: b.coefficient.max })
            : t('desk.method.formula.explain', {
                base: t(`desk.method.formula.bases.${b.base}`),
                min: b.coefficient.min,
                max: b.coefficient.max,
                count: kCount,
                above: value.deduction.abovePerPercent,
                below: value.deduction.belowPerPercent,
              })
        }
      />
    </Form>
  );
}
