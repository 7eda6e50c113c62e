import type { RecordTemplateRequest, RecordTemplateView } from '@bidhall/contracts';
import type { DemoSession } from './demo-tendering.ts';

/** The city's opening record template, kept by its trading centre: every demo record is drawn up from it. */
export const DEMO_RECORD_TEMPLATE: RecordTemplateRequest = {
  name: '鄂尔多斯市不见面开标记录',
  regionCode: '150600',
  isDefault: true,
  content: {
    title: '{{projectName}}（{{sectionName}}）开标记录',
    preamble: '标段编号：{{sectionCode}}\n招标人：{{tendererName}}\n开标时间：{{bidDeadline}}\n开标方式：鄂尔多斯市公共资源交易平台不见面开标',
    blocks: [
      { block: 'bidders', heading: '一、投标文件递交、签到与解密情况' },
      { block: 'readout', heading: '二、唱标' },
      { block: 'coefficient', heading: '三、开标现场随机抽取的系数' },
      { block: 'objections', heading: '四、开标现场异议及答复' },
      { block: 'signatures', heading: '五、投标人电子签名确认' },
    ],
    closing: '本记录由交易平台根据开标过程自动生成，经投标人电子签名确认后公开，并推送至全国公共资源交易平台。',
  },
};

/** staff.city sets the template up once; a later load finds it. */
export async function loadDemoRecordTemplate(staffCity: DemoSession): Promise<void> {
  const existing = (await staffCity.call('GET', '/api/v1/opening-record-templates')) as RecordTemplateView[];
  if (existing.some((t) => t.name === DEMO_RECORD_TEMPLATE.name && t.regionCode === DEMO_RECORD_TEMPLATE.regionCode)) return;
  await staffCity.call('POST', '/api/v1/opening-record-templates', DEMO_RECORD_TEMPLATE);
}
