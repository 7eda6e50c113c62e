import {
  evaluationMethodIssues,
  methodRegulationIssues,
  reviewMethodIssues,
  SEPARATED_AWARD_METHODS,
  type EvaluationMethod,
  type MethodIssue,
  type ProcurementKindCode,
  type SeparatedAwardMethod,
} from '@bidhall/contracts';
import { Card, Col, Form, InputNumber, Radio, Row, Select, Space } from 'antd';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CriteriaTable } from './CriteriaTable.tsx';
import { FactorTable } from './FactorTable.tsx';
import { MethodChecks } from './MethodChecks.tsx';
import {
  allNumbers,
  FAMILY,
  methodOfType,
  nextNumber,
  separatedAwardOf,
  withSeparatedAward,
  type AnyMethod,
  type CriteriaKey,
  type MethodType,
} from './methodModel.ts';
import { PriceFormulaForm } from './PriceFormulaForm.tsx';

/** Text cells left empty: the server refuses them too, by path. */
export function blanks(m: AnyMethod): number {
  let n = 0;
  const crit = [...m.qualification, ...m.compliance, ...('adjustments' in m ? m.adjustments : [])];
  for (const c of crit) n += Number(!c.title.trim()) + Number(!c.requirement.trim());
  if ('factors' in m) for (const f of m.factors) n += Number(!f.name.trim()) + f.points.filter((p) => !p.description.trim()).length;
  return n;
}

/** The structural checks, then — for a section's evaluation method — the regulation of its procurement kind (B-025), as the server applies them. */
export function methodIssues(method: AnyMethod, kind?: ProcurementKindCode): MethodIssue[] {
  if (method.type !== 'scoring' && method.type !== 'lowestEvaluatedPrice') return reviewMethodIssues(method);
  const structural = evaluationMethodIssues(method);
  return structural.length || !kind ? structural : methodRegulationIssues(method, kind);
}

/**
 * The method as a form: its type, the criteria tables, the factors and the price
 * formula, with the live checks; `between` goes under the head (a template picker, a problem).
 */
export function MethodFields({
  method,
  types,
  editable,
  onChange,
  between,
  kind,
}: {
  method: AnyMethod;
  types: MethodType[];
  editable: boolean;
  onChange: (m: AnyMethod) => void;
  between?: ReactNode;
  /** The section's procurement kind: its regulation is checked too (B-025); absent for a template. */
  kind?: ProcurementKindCode;
}) {
  const { t } = useTranslation();
  const issues = useMemo(() => methodIssues(method, kind), [method, kind]);
  const faulty = useMemo(() => new Set(issues.map((i) => i.clause).filter((c): c is string => !!c)), [issues]);
  const taken = allNumbers(method);
  const weights = 'factors' in method ? method.factors.reduce((s, f) => s + (f.weight || 0), 0) : null;
  const patch = (p: Partial<AnyMethod>) => onChange({ ...method, ...p } as AnyMethod);

  const criteria = (key: CriteriaKey) => {
    const rows = key === 'adjustments' ? ('adjustments' in method ? method.adjustments : []) : method[key];
    return (
      <Card size="small" title={t(`desk.method.criteria.${key}`)} className="desk-method-card">
        <CriteriaTable
          rows={rows}
          editable={editable}
          faulty={faulty}
          testId={`criteria-${key}`}
          newNumber={() => nextNumber(FAMILY[key], taken)}
          onChange={(next) => patch({ [key]: next } as Partial<AnyMethod>)}
        />
      </Card>
    );
  };

  return (
    <>
      <Row gutter={16} align="middle" className="desk-method-head">
        <Col flex="auto">
          <Form.Item label={t('desk.method.type')} className="desk-inline-item">
            <Radio.Group
              value={method.type}
              disabled={!editable}
              optionType="button"
              buttonStyle="solid"
              data-testid="method-type"
              onChange={(e) => onChange(methodOfType(e.target.value as MethodType, method))}
              options={types.map((type) => ({ value: type, label: t(`desk.method.types.${type}`) }))}
            />
          </Form.Item>
        </Col>
        <Col>
          {'candidates' in method && (
            <Form.Item label={t('desk.method.candidates')} className="desk-inline-item">
              <InputNumber value={method.candidates} min={separatedAwardOf(method) ? 2 : 1} max={3} precision={0} disabled={!editable} onChange={(v) => patch({ candidates: v ?? 1 } as Partial<AnyMethod>)} />
            </Form.Item>
          )}
          {'limit' in method && (
            <Form.Item label={t('desk.method.limit')} className="desk-inline-item">
              <InputNumber value={method.limit} min={3} max={100} precision={0} disabled={!editable} onChange={(v) => patch({ limit: v ?? 3 } as Partial<AnyMethod>)} />
            </Form.Item>
          )}
        </Col>
      </Row>
      {(method.type === 'scoring' || method.type === 'lowestEvaluatedPrice') && (
        <SeparatedAwardControl method={method} editable={editable} onChange={onChange} />
      )}
      {between}
      <MethodChecks weights={weights} issues={issues} blanks={blanks(method)} />
      {criteria('qualification')}
      {criteria('compliance')}
      {'factors' in method && (
        <Card size="small" title={t('desk.method.factors')} className="desk-method-card">
          <FactorTable
            rows={method.factors}
            taken={taken}
            editable={editable}
            faulty={faulty}
            withPrice={method.type === 'scoring'}
            newNumber={() => nextNumber(FAMILY.factors, taken)}
            onChange={(factors) => patch({ factors } as Partial<AnyMethod>)}
          />
        </Card>
      )}
      {method.type === 'scoring' && (
        <Card size="small" title={t('desk.method.formula.title')} className="desk-method-card">
          <PriceFormulaForm value={method.priceFormula} editable={editable} onChange={(priceFormula) => patch({ priceFormula } as Partial<AnyMethod>)} />
        </Card>
      )}
      {method.type === 'lowestEvaluatedPrice' && criteria('adjustments')}
    </>
  );
}

/**
 * 定标方式 (评定分离, action-plan task 7): ranked — the committee ranks its candidates (the default,
 * `separatedAward` null) — or separated, with the award committee's method and, for 票决抽签, how many
 * of the most voted go to the lot (2–3, within the candidates).
 */
function SeparatedAwardControl({ method, editable, onChange }: { method: EvaluationMethod; editable: boolean; onChange: (m: AnyMethod) => void }) {
  const { t } = useTranslation();
  const award = separatedAwardOf(method);
  return (
    <Row gutter={16} align="middle" className="desk-method-head" data-testid="method-separated-award">
      <Col flex="auto">
        <Space wrap size={[16, 0]}>
          <Form.Item label={t('desk.method.separatedAward.label')} className="desk-inline-item">
            <Radio.Group
              value={award ? 'separated' : 'ranked'}
              disabled={!editable}
              optionType="button"
              data-testid="method-award-mode"
              onChange={(e) => onChange(withSeparatedAward(method, e.target.value === 'separated' ? { method: 'vote' } : null))}
              options={[
                { value: 'ranked', label: t('desk.method.separatedAward.ranked') },
                { value: 'separated', label: t('desk.method.separatedAward.separated') },
              ]}
            />
          </Form.Item>
          {award && (
            <Form.Item label={t('desk.method.separatedAward.method')} className="desk-inline-item">
              <Select<SeparatedAwardMethod>
                value={award.method}
                disabled={!editable}
                style={{ minWidth: 160 }}
                data-testid="method-award-method"
                onChange={(m) => onChange(withSeparatedAward(method, { method: m, shortlist: award.shortlist }))}
                options={SEPARATED_AWARD_METHODS.map((m) => ({ value: m, label: t(`award.separated.methods.${m}`) }))}
              />
            </Form.Item>
          )}
          {award?.method === 'voteThenLot' && (
            <Form.Item label={t('desk.method.separatedAward.shortlist')} className="desk-inline-item">
              <InputNumber
                value={award.shortlist ?? 2}
                min={2}
                max={Math.min(3, method.candidates)}
                precision={0}
                disabled={!editable}
                data-testid="method-award-shortlist"
                onChange={(v) => onChange(withSeparatedAward(method, { method: award.method, shortlist: v ?? 2 }))}
              />
            </Form.Item>
          )}
        </Space>
        {award && <div className="muted small">{t('desk.method.separatedAward.hint')}</div>}
      </Col>
    </Row>
  );
}
