import type { EvaluationMethod, MethodTemplateRequest, MethodTemplateView } from '@bidhall/contracts';
import type { DemoSession } from './demo-tendering.ts';

const NAME = '鄂尔多斯市房屋建筑和市政工程施工综合评估法（2026版）';

/** The city's own works method: the standard one with the construction plan weighted up and the price down. */
function cityWorks(standard: EvaluationMethod): EvaluationMethod {
  if (standard.type !== 'scoring') return standard;
  return {
    ...standard,
    factors: standard.factors.map((f) => {
      if (f.category === 'price') return { ...f, weight: 50, scoreRange: { min: 0, max: 50 } };
      if (f.number !== '4.1') return f;
      return { ...f, weight: 35, scoreRange: { min: 0, max: 35 }, points: f.points.map((p) => (p.number === '4.1.2' ? { ...p, description: `${p.description}（含装配式与绿色施工）`, maxScore: p.maxScore + 5 } : p)) };
    }),
  };
}

/** staff.city keeps the city's evaluation method template beside the standard ones; a later load finds it. */
export async function loadDemoMethodTemplate(staffCity: DemoSession): Promise<void> {
  const existing = (await staffCity.call('GET', '/api/v1/method-templates?scope=works')) as MethodTemplateView[];
  if (existing.some((t) => t.name === NAME)) return;
  const standard = existing.find((t) => t.id === 'works-scoring-2007');
  if (!standard) throw new Error('the standard works scoring template is missing');
  const body: MethodTemplateRequest = { name: NAME, regionCode: '150600', scope: 'works', method: cityWorks(standard.method) };
  await staffCity.call('POST', '/api/v1/method-templates', body);
}
