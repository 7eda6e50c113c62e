import type { Criterion, EvaluationMethod, ScoringFactor, TemplateScope } from '@bidhall/contracts';

/**
 * The platform's evaluation method templates (A-147), one per project type and method, modelled on the
 * 评标办法 chapters of 《标准施工招标文件》 (2007), 《标准设备采购招标文件》 and 《标准服务招标文件》 (2017):
 * the 前附表's review standards and score structure. A tenderer starts from one and adjusts it; regions
 * add their own beside them (documents.method_template).
 */
export interface StandardMethodTemplate {
  code: string;
  name: string;
  scope: TemplateScope;
  method: EvaluationMethod;
}

const c = (number: string, title: string, requirement: string): Criterion => ({ number, title, requirement });

const formal = (n: string): Criterion[] => [
  c(`${n}.1`, '投标人名称', '与营业执照、资质证书、安全生产许可证一致'),
  c(`${n}.2`, '投标函签字盖章', '有法定代表人或其委托代理人签字或加盖单位章，电子投标文件加盖电子签章'),
  c(`${n}.3`, '投标文件格式', '符合招标文件第八章“投标文件格式”的要求'),
  c(`${n}.4`, '报价唯一', '只能有一个有效报价'),
];

const qualification = (n: string, licence: string): Criterion[] => [
  c(`${n}.1`, '营业执照', '具备有效的营业执照'),
  c(`${n}.2`, licence, '符合投标人须知前附表的要求'),
  c(`${n}.3`, '财务状况', '符合投标人须知前附表的要求'),
  c(`${n}.4`, '类似项目业绩', '符合投标人须知前附表的要求'),
  c(`${n}.5`, '信誉', '未被列入严重失信主体名单，近三年无行贿犯罪记录'),
  c(`${n}.6`, '项目负责人', '符合投标人须知前附表的要求'),
];

const responsiveness = (n: string, durationTitle: string): Criterion[] => [
  c(`${n}.1`, '投标内容', '符合投标人须知前附表的招标范围'),
  c(`${n}.2`, durationTitle, '符合投标人须知前附表的要求'),
  c(`${n}.3`, '质量要求', '符合投标人须知前附表的要求'),
  c(`${n}.4`, '投标有效期', '符合投标人须知前附表的要求'),
  c(`${n}.5`, '投标保证金', '按投标人须知前附表的形式和金额提交（现金保证金或电子保函）'),
  c(`${n}.6`, '投标报价', '不高于最高投标限价'),
];

const factor = (number: string, name: string, category: ScoringFactor['category'], weight: number, points: [string, number][]): ScoringFactor => ({
  number,
  name,
  category,
  weight,
  scoreRange: { min: 0, max: category === 'price' ? weight : points.reduce((s, [, p]) => s + p, 0) },
  points: points.map(([description, maxScore], i) => ({ number: `${number}.${i + 1}`, description, maxScore })),
});

const averagePrice = {
  benchmark: { base: 'averageOfValidBids' as const, dropHighest: 1, dropLowest: 1, dropWhenAtLeast: 7, coefficient: { min: 0.95, max: 0.99, step: 0.01 } },
  deduction: { abovePerPercent: 1, belowPerPercent: 0.5 },
};

/**
 * 低价优先法: the lowest valid bid is the benchmark (no coefficient, nothing dropped) and a bid scores
 * benchmark ÷ bid × the price factor's highest score. The goods and services templates use it: a section
 * of either kind may be government procurement, where MOF Order 87 art. 55 requires it (B-025), and the
 * Tendering Law allows it.
 */
const lowestPrice = {
  scoring: 'ratio' as const,
  benchmark: { base: 'lowestValidBid' as const, dropHighest: 0, dropLowest: 0, dropWhenAtLeast: 1, coefficient: { min: 1, max: 1, step: 0.01 } },
  deduction: { abovePerPercent: 0, belowPerPercent: 0 },
};

export const STANDARD_METHOD_TEMPLATES: StandardMethodTemplate[] = [
  {
    code: 'works-scoring-2007',
    name: '施工招标 综合评估法（《标准施工招标文件》第三章）',
    scope: 'works',
    method: {
      type: 'scoring',
      compliance: [...formal('1'), ...responsiveness('3', '工期')],
      qualification: qualification('2', '资质等级及安全生产许可证'),
      factors: [
        factor('4.1', '施工组织设计', 'technical', 30, [
          ['内容完整性和编制水平', 4],
          ['施工方案与技术措施', 8],
          ['质量管理体系与措施', 4],
          ['安全管理体系与措施', 4],
          ['环境保护管理体系与措施', 3],
          ['工程进度计划与措施', 4],
          ['资源配备计划', 3],
        ]),
        factor('4.2', '项目管理机构', 'commercial', 10, [
          ['项目经理任职资格与业绩', 5],
          ['技术负责人任职资格与业绩', 3],
          ['其他主要人员', 2],
        ]),
        factor('4.3', '投标报价', 'price', 55, []),
        factor('4.4', '其他评分因素', 'commercial', 5, [
          ['企业信用评价', 3],
          ['类似工程业绩', 2],
        ]),
      ],
      priceFormula: averagePrice,
      candidates: 3,
    },
  },
  {
    code: 'works-lowest-price-2007',
    name: '施工招标 经评审的最低投标价法（《标准施工招标文件》第三章）',
    scope: 'works',
    method: {
      type: 'lowestEvaluatedPrice',
      compliance: [...formal('1'), ...responsiveness('3', '工期')],
      qualification: qualification('2', '资质等级及安全生产许可证'),
      adjustments: [
        c('4.1', '单价遗漏', '按其他有效投标中该项的最高价计入评标价'),
        c('4.2', '付款条件', '偏离招标文件付款条件的，按偏离部分的资金成本计入评标价'),
      ],
      candidates: 3,
    },
  },
  {
    code: 'goods-scoring-2017',
    name: '设备采购 综合评估法（《标准设备采购招标文件》第三章）',
    scope: 'goods',
    method: {
      type: 'scoring',
      compliance: [...formal('1'), ...responsiveness('3', '交货期')],
      qualification: qualification('2', '制造或授权销售资格'),
      factors: [
        factor('4.1', '技术性能', 'technical', 35, [
          ['主要技术参数与性能指标', 20],
          ['技术方案与配置', 10],
          ['检验和验收', 5],
        ]),
        factor('4.2', '商务条件', 'commercial', 15, [
          ['质量保证期与售后服务', 8],
          ['交货期与供货组织', 4],
          ['类似业绩', 3],
        ]),
        factor('4.3', '投标报价', 'price', 50, []),
      ],
      priceFormula: lowestPrice,
      candidates: 3,
    },
  },
  {
    code: 'goods-lowest-price-2017',
    name: '设备采购 经评审的最低投标价法（《标准设备采购招标文件》第三章）',
    scope: 'goods',
    method: {
      type: 'lowestEvaluatedPrice',
      compliance: [...formal('1'), ...responsiveness('3', '交货期')],
      qualification: qualification('2', '制造或授权销售资格'),
      adjustments: [
        c('4.1', '交货期偏离', '每迟交一周按投标报价的0.5%计入评标价'),
        c('4.2', '付款条件偏离', '按偏离部分的资金成本计入评标价'),
        c('4.3', '备品备件', '缺漏部分按其他投标人的最高价计入评标价'),
      ],
      candidates: 3,
    },
  },
  {
    code: 'services-scoring-2017',
    name: '服务招标 综合评估法（《标准服务招标文件》第三章）',
    scope: 'services',
    method: {
      type: 'scoring',
      compliance: [...formal('1'), ...responsiveness('3', '服务期限')],
      qualification: qualification('2', '资质或资格证书'),
      factors: [
        factor('4.1', '服务方案', 'technical', 40, [
          ['对服务需求的理解', 10],
          ['服务方案与实施计划', 20],
          ['质量保证与应急措施', 10],
        ]),
        factor('4.2', '团队与业绩', 'commercial', 30, [
          ['项目负责人资格与经验', 12],
          ['团队配备', 10],
          ['类似项目业绩', 8],
        ]),
        factor('4.3', '投标报价', 'price', 30, []),
      ],
      priceFormula: lowestPrice,
      candidates: 3,
    },
  },
];
