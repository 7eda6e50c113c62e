import type { BidPart, BidSummaryField, DocumentKind, TemplateChapter, TemplateField, TemplateScope } from '@bidhall/contracts';

/**
 * The standard templates, modelled on the national standard texts: 《标准施工招标文件》
 * (2007), 《标准设备采购招标文件》 and 《标准服务招标文件》 (2017), and 《标准施工招标资格预审文件》 (2007).
 * Chapters keep the standard structure; the fields are what a tenderer fills in or what is pulled from
 * the section. They are written to `documents.template` when the server starts; a document copies its
 * template's chapters when it is created, so a later template version never changes an issued document.
 */
export interface StandardTemplate {
  code: string;
  name: string;
  documentKind: DocumentKind;
  scope: TemplateScope;
  version: string;
  requiresBillOfQuantities: boolean;
  chapters: TemplateChapter[];
  defaultParts: BidPart[];
  defaultBidSummaryFields: BidSummaryField[];
}

const f = (key: string, label: string, type: TemplateField['type'], required: boolean, extra: Partial<TemplateField> = {}): TemplateField => ({
  key,
  label,
  type,
  required,
  ...extra,
});

const tenderNotice = (n: number): TemplateChapter => ({
  key: 'notice',
  number: n,
  title: '招标公告（投标邀请书）',
  standardText: '本招标项目已由项目审批、核准或备案机关批准建设，项目已具备招标条件，现对该项目进行公开招标。招标文件通过鄂尔多斯市公共资源交易平台免费获取。',
  fields: [
    f('projectName', '项目名称', 'text', true, { fromSection: 'projectName' }),
    f('approvalCode', '项目代码', 'text', true, { fromSection: 'approvalCode' }),
    f('sectionName', '标段（包）名称', 'text', true, { fromSection: 'sectionName' }),
    f('sectionCode', '标段（包）编号', 'text', true, { fromSection: 'sectionCode' }),
    f('tendererName', '招标人', 'text', true, { fromSection: 'tendererName' }),
    f('agencyName', '招标代理机构', 'text', false, { fromSection: 'agencyName' }),
    f('ceilingPriceFen', '最高投标限价（分）', 'money', true, { fromSection: 'budgetFen' }),
    f('documentIssueStart', '招标文件获取开始时间', 'date', true, { fromSection: 'documentIssueStart' }),
    f('documentIssueEnd', '招标文件获取截止时间', 'date', true, { fromSection: 'documentIssueEnd' }),
    f('bidDeadline', '投标截止时间（开标时间）', 'date', true, { fromSection: 'bidDeadline' }),
    f('scope', '招标范围', 'richText', true),
  ],
});

const instructions = (n: number, durationLabel: string): TemplateChapter => ({
  key: 'instructions',
  number: n,
  title: '投标人须知',
  standardText: '投标人须知前附表与正文不一致的，以前附表为准。投标文件应当通过交易平台加密递交，逾期送达的投标文件平台不予接收。',
  fields: [
    f('qualificationRequirements', '投标人资格要求', 'richText', true),
    f('durationDays', durationLabel, 'number', true),
    f('qualityStandard', '质量要求', 'select', true, { options: ['合格', '优良'] }),
    f('jointVenture', '是否接受联合体投标', 'select', true, { options: ['接受', '不接受'] }),
    f('bidValidityDays', '投标有效期（日历天）', 'number', true),
    f('bidBondFen', '投标保证金（分）', 'money', false),
    f('questionsDeadline', '投标人提出问题的截止时间', 'date', false, { fromSection: 'questionsDeadline' }),
    f('siteVisit', '踏勘现场', 'text', false),
    // The remote opening (decision 0021): how long bidders have to unseal, and the remedy for a failure (E-bidding Measures art. 31).
    f('unsealWindowMinutes', '投标文件解密时限（分钟）', 'number', false),
    f('unsealRemedy', '解密失败的补救', 'select', false, { options: ['由开标密钥保管人解密', '不予补救'] }),
  ],
});

const evaluation = (n: number): TemplateChapter => ({
  key: 'evaluation',
  number: n,
  title: '评标办法',
  standardText: '评标办法以结构化数据设定（评审因素、分值、评标基准价计算方法），评标委员会按本章规定的方法和标准评审，本章没有规定的方法和标准不得作为评标依据。',
  fields: [],
});

const contract = (n: number): TemplateChapter => ({
  key: 'contract',
  number: n,
  title: '合同条款及格式',
  standardText: '通用合同条款采用国家标准文本，专用合同条款由招标人根据项目具体情况编制。',
  fields: [f('paymentTerms', '付款方式', 'text', true), f('specialTerms', '专用合同条款', 'richText', false)],
});

const bidFormat = (n: number): TemplateChapter => ({
  key: 'bidFormat',
  number: n,
  title: '投标文件格式',
  standardText: '投标文件由商务文件、技术文件和资格审查资料组成，开标一览表在开标时宣读。',
  fields: [f('formatNotes', '格式说明', 'richText', false)],
});

const worksParts: BidPart[] = [
  { key: 'commercial', name: '商务文件', required: true, fileTypes: ['pdf', 'ofd'], maxSizeMiB: 200 },
  { key: 'technical', name: '技术文件', required: true, fileTypes: ['pdf', 'ofd'], maxSizeMiB: 500 },
  { key: 'qualification', name: '资格审查资料', required: true, fileTypes: ['pdf', 'ofd'], maxSizeMiB: 200 },
  { key: 'pricedBill', name: '已标价工程量清单', required: true, fileTypes: ['xml', 'xlsx'], maxSizeMiB: 100 },
];
const goodsParts: BidPart[] = worksParts.slice(0, 3);

const price: BidSummaryField = { key: 'price', label: '投标报价', type: 'money', required: true, unit: '分' };

export const STANDARD_TEMPLATES: readonly StandardTemplate[] = [
  {
    code: 'tender-works-2007',
    name: '标准施工招标文件（2007年版）',
    documentKind: 'tender',
    scope: 'works',
    version: '2007.1',
    requiresBillOfQuantities: true,
    chapters: [
      tenderNotice(1),
      instructions(2, '计划工期（日历天）'),
      evaluation(3),
      contract(4),
      {
        key: 'billOfQuantities',
        number: 5,
        title: '工程量清单',
        standardText: '工程量清单按《建设工程工程量清单计价规范》编制，以附件（工程量清单电子文件）形式提供。',
        fields: [f('pricingNotes', '计价说明', 'text', false)],
      },
      { key: 'drawings', number: 6, title: '图纸', standardText: '图纸以附件形式提供。', fields: [f('drawingList', '图纸目录', 'text', false)] },
      {
        key: 'technical',
        number: 7,
        title: '技术标准和要求',
        standardText: '适用国家、行业和地方现行技术标准和规范。',
        fields: [f('technicalRequirements', '技术标准和要求', 'richText', true)],
      },
      bidFormat(8),
    ],
    defaultParts: worksParts,
    defaultBidSummaryFields: [
      price,
      { key: 'durationDays', label: '工期', type: 'integer', required: true, unit: '日历天' },
      { key: 'quality', label: '质量', type: 'select', required: true, options: ['合格', '优良'] },
    ],
  },
  {
    code: 'tender-goods-2017',
    name: '标准设备采购招标文件（2017年版）',
    documentKind: 'tender',
    scope: 'goods',
    version: '2017.1',
    requiresBillOfQuantities: false,
    chapters: [
      tenderNotice(1),
      instructions(2, '交货期（日历天）'),
      evaluation(3),
      contract(4),
      {
        key: 'supply',
        number: 5,
        title: '供货要求',
        standardText: '供货范围、技术性能指标、检验考核要求和技术服务要求见本章。',
        fields: [f('supplyRequirements', '供货要求', 'richText', true), f('deliveryPlace', '交货地点', 'text', true)],
      },
      bidFormat(6),
    ],
    defaultParts: goodsParts,
    defaultBidSummaryFields: [
      price,
      { key: 'durationDays', label: '交货期', type: 'integer', required: true, unit: '日历天' },
      { key: 'quality', label: '质量', type: 'text', required: true },
      { key: 'warrantyMonths', label: '质保期', type: 'integer', required: false, unit: '月' },
    ],
  },
  {
    code: 'tender-services-2017',
    name: '标准服务招标文件（2017年版）',
    documentKind: 'tender',
    scope: 'services',
    version: '2017.1',
    requiresBillOfQuantities: false,
    chapters: [
      tenderNotice(1),
      instructions(2, '服务期（日历天）'),
      evaluation(3),
      contract(4),
      {
        key: 'serviceRequirements',
        number: 5,
        title: '委托人要求',
        standardText: '服务范围、服务内容、服务标准和成果要求见本章。',
        fields: [f('serviceRequirements', '服务要求', 'richText', true)],
      },
      bidFormat(6),
    ],
    defaultParts: goodsParts,
    defaultBidSummaryFields: [
      price,
      { key: 'durationDays', label: '服务期', type: 'integer', required: true, unit: '日历天' },
      { key: 'quality', label: '服务质量', type: 'text', required: true },
    ],
  },
  {
    code: 'prequalification-2007',
    name: '标准资格预审文件（2007年版）',
    documentKind: 'prequalification',
    scope: 'works',
    version: '2007.2',
    requiresBillOfQuantities: false,
    chapters: [
      {
        key: 'notice',
        number: 1,
        title: '资格预审公告',
        standardText: '本招标项目已具备招标条件，现进行公开招标，特邀请有兴趣的潜在投标人提出资格预审申请。资格预审文件通过交易平台免费获取。',
        fields: [
          f('projectName', '项目名称', 'text', true, { fromSection: 'projectName' }),
          f('approvalCode', '项目代码', 'text', true, { fromSection: 'approvalCode' }),
          f('sectionName', '标段（包）名称', 'text', true, { fromSection: 'sectionName' }),
          f('sectionCode', '标段（包）编号', 'text', true, { fromSection: 'sectionCode' }),
          f('tendererName', '招标人', 'text', true, { fromSection: 'tendererName' }),
          f('agencyName', '招标代理机构', 'text', false, { fromSection: 'agencyName' }),
          f('documentIssueStart', '资格预审文件获取开始时间', 'date', true, { fromSection: 'prequalificationDocumentIssueStart' }),
          f('documentIssueEnd', '资格预审文件获取截止时间', 'date', true, { fromSection: 'prequalificationDocumentIssueEnd' }),
          f('applicationDeadline', '申请截止时间', 'date', true, { fromSection: 'applicationDeadline' }),
          f('scope', '招标范围', 'richText', true),
        ],
      },
      {
        key: 'instructions',
        number: 2,
        title: '申请人须知',
        standardText: '申请人应当按本须知和资格预审申请文件格式的要求编制并递交资格预审申请文件。',
        fields: [
          f('qualificationRequirements', '申请人资格要求', 'richText', true),
          f('jointVenture', '是否接受联合体申请', 'select', true, { options: ['接受', '不接受'] }),
          f('questionsDeadline', '申请人提出问题的截止时间', 'date', false, { fromSection: 'prequalificationQuestionsDeadline' }),
          // The applications' remote opening (decision 0023), as the tender document sets the bids'.
          f('unsealWindowMinutes', '申请文件解密时限（分钟）', 'number', false),
          f('unsealRemedy', '解密失败的补救', 'select', false, { options: ['由开标密钥保管人解密', '不予补救'] }),
        ],
      },
      {
        key: 'review',
        number: 3,
        title: '资格审查办法',
        standardText: '资格审查办法（合格制或有限数量制）以结构化数据设定；审查委员会按本章规定的标准审查。',
        fields: [],
      },
      {
        key: 'applicationFormat',
        number: 4,
        title: '资格预审申请文件格式',
        standardText: '资格预审申请文件包括申请函、法定代表人身份证明、授权委托书、申请人基本情况表、近年财务状况表、近年完成的类似项目情况表等。',
        fields: [f('formatNotes', '格式说明', 'richText', false)],
      },
      {
        key: 'projectOverview',
        number: 5,
        title: '项目建设概况',
        standardText: '项目说明、建设条件、建设要求和其他需要说明的情况。',
        fields: [f('overview', '项目建设概况', 'richText', true)],
      },
    ],
    defaultParts: [
      { key: 'application', name: '资格预审申请文件', required: true, fileTypes: ['pdf', 'ofd'], maxSizeMiB: 200 },
      { key: 'qualification', name: '资格证明材料', required: true, fileTypes: ['pdf', 'ofd'], maxSizeMiB: 500 },
    ],
    defaultBidSummaryFields: [],
  },
];

/** The standard template of a kind for a section's procurement kind (government goods → goods …). */
export function standardTemplateCode(kind: DocumentKind, procurementKind: string): string {
  if (kind === 'prequalification') return 'prequalification-2007';
  if (procurementKind === 'works') return 'tender-works-2007';
  if (procurementKind === 'goods' || procurementKind === 'governmentGoods') return 'tender-goods-2017';
  return 'tender-services-2017';
}

export function scopeOf(procurementKind: string): TemplateScope {
  if (procurementKind === 'works') return 'works';
  if (procurementKind === 'goods' || procurementKind === 'governmentGoods') return 'goods';
  return 'services';
}
