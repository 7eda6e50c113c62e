import { formatShanghaiDateTime } from '@bidhall/rules';
import { escapeHtml } from '../../platform/text/encode.ts';
import type { SectionSnapshot } from './tendering.deps.ts';

/**
 * The national standard texts (B-005): 《标准招标公告》, 《标准资格预审公告》 and 《投标邀请书》 of the
 * standard bidding documents (国家发展改革委等九部委《标准施工招标文件》《标准设备采购招标文件》…),
 * filled from the section snapshots and their timetable. Every text states the platform's address
 * and how to use it for electronic tendering (B-002, B-008). Pure functions: no clock, no database.
 */

export type StandardTextKind = 'tenderNotice' | 'prequalificationNotice' | 'invitation';

export interface PlatformInfo {
  /** The platform's public base URL, e.g. https://ggzy.ordos.gov.cn */
  baseUrl: string;
  name: string;
  publicServicePlatform: string;
}

export const DEFAULT_PLATFORM: Omit<PlatformInfo, 'baseUrl'> = {
  name: '鄂尔多斯市公共资源交易平台',
  publicServicePlatform: '全国公共资源交易平台（内蒙古自治区）公共服务平台',
};

/** Names, codes and the address are plain text: encoded wherever they go into the HTML. */
const escape = escapeHtml;

/** Integer fen to yuan with two decimals, without floating point. */
export function fenToYuan(fen: string): string {
  const v = BigInt(fen);
  const yuan = v / 100n;
  const cents = (v % 100n).toString().padStart(2, '0');
  return `${yuan.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}

/** 2026年03月02日 09时30分 (Beijing time). */
export function chineseDateTime(iso: string | undefined): string {
  if (!iso) return '（待定）';
  const [date, time] = formatShanghaiDateTime(new Date(iso)).split(' ');
  const [y, m, d] = date!.split('-');
  const [hh, mm] = time!.split(':');
  return `${y}年${m}月${d}日${hh}时${mm}分`;
}

const KIND_ZH: Record<SectionSnapshot['kind'], string> = {
  works: '施工',
  goods: '货物',
  services: '服务',
  governmentGoods: '货物',
  governmentServices: '服务',
};

export function standardTitle(kind: StandardTextKind, sections: readonly SectionSnapshot[]): string {
  const first = sections[0]!;
  const suffix = kind === 'tenderNotice' ? '招标公告' : kind === 'prequalificationNotice' ? '资格预审公告' : '投标邀请书';
  const scope = sections.length === 1 ? `${first.name}` : `${sections.length}个标段`;
  return `${first.tenderingProjectName}（${scope}）${suffix}`.slice(0, 200);
}

/** How to use the platform (B-002, B-008): its address and the electronic method, step by step. */
function platformUse(p: PlatformInfo, kind: StandardTextKind): string {
  const url = escape(p.baseUrl);
  const submit = kind === 'prequalificationNotice' ? '资格预审申请文件' : '投标文件';
  return (
    `<p>本项目实行全流程电子化招标投标，在${escape(p.name)}（网址：<a href="${url}">${url}</a>）进行。使用方法：</p>` +
    '<ol>' +
    `<li>登录 <a href="${url}">${url}</a>，按“市场主体注册”完成注册（签署诚信承诺即可入库），并绑定经认可的CA数字证书（全区通用）；</li>` +
    `<li>在“交易信息”中查看本公告，在工作台中免费下载${kind === 'prequalificationNotice' ? '资格预审文件' : '招标文件'}，下载即生成签名回执；</li>` +
    `<li>使用数字证书在本机加密并签名${submit}，于截止时间前通过平台在线递交；逾期或未加密的${submit}平台将拒收；</li>` +
    '<li>开标（开启）采用不见面方式在线进行，投标人（申请人）远程签到并使用数字证书解密。</li>' +
    '</ol>'
  );
}

function conditions(sections: readonly SectionSnapshot[], kind: StandardTextKind): string {
  const s = sections[0]!;
  const agency = s.agencyName ? `，招标代理机构为${escape(s.agencyName)}` : '';
  const how = kind === 'invitation' ? '邀请招标' : kind === 'prequalificationNotice' ? '公开招标（资格预审）' : '公开招标';
  return (
    `<p>本招标项目${escape(s.projectName)}（项目代码：${escape(s.approvalCode)}）已具备招标条件，` +
    `招标人为${escape(s.tendererName)}${agency}。现对${escape(s.tenderingProjectName)}的${KIND_ZH[s.kind]}进行${how}。</p>`
  );
}

function overview(sections: readonly SectionSnapshot[]): string {
  const rows = sections
    .map((s) => `<tr><td>${escape(s.code)}</td><td>${escape(s.name)}</td><td>${fenToYuan(s.budgetFen)}</td></tr>`)
    .join('');
  return (
    `<p>项目名称：${escape(sections[0]!.projectName)}；招标项目：${escape(sections[0]!.tenderingProjectName)}。本次招标划分${sections.length}个标段（包）：</p>` +
    `<table><thead><tr><th>标段（包）编号</th><th>标段（包）名称</th><th>预算金额（元）</th></tr></thead><tbody>${rows}</tbody></table>` +
    '<p>招标范围、计划工期（交货期、服务期）、质量要求等详见招标文件。</p>'
  );
}

function qualification(who: '投标人' | '申请人'): string {
  return (
    `<p>${who}须为依法注册的法人或其他组织，具备承担本项目的相应资质、业绩、财务状况和人员能力，` +
    `未被列入失信被执行人名单、重大税收违法失信主体名单和政府采购严重违法失信行为记录名单。具体要求详见${who === '申请人' ? '资格预审文件' : '招标文件'}。</p>` +
    `<p>本次招标是否接受联合体${who === '申请人' ? '申请' : '投标'}，详见${who === '申请人' ? '资格预审文件' : '招标文件'}。</p>`
  );
}

function media(p: PlatformInfo, sections: readonly SectionSnapshot[]): string {
  const national = sections.some((s) => s.mandatory) ? '、中国招标投标公共服务平台' : '';
  return `<p>本公告在${escape(p.name)}、${escape(p.publicServicePlatform)}${national}同时发布，各媒介发布的内容一致。</p>`;
}

function contacts(p: PlatformInfo, sections: readonly SectionSnapshot[]): string {
  const s = sections[0]!;
  const agency = s.agencyName ? `<p>招标代理机构：${escape(s.agencyName)}</p>` : '';
  const url = escape(p.baseUrl);
  return `<p>招标人：${escape(s.tendererName)}</p>${agency}<p>电子交易平台：${escape(p.name)}，网址：<a href="${url}">${url}</a></p>`;
}

const t = (sections: readonly SectionSnapshot[], field: keyof SectionSnapshot['timetable']) => chineseDateTime(sections[0]!.timetable[field]);

/** The standard text as HTML; `replyDeadline` is the invitation's own. */
export function standardBody(kind: StandardTextKind, sections: readonly SectionSnapshot[], p: PlatformInfo, replyDeadline?: string): string {
  const h = (n: number, title: string) => `<h2>${n}. ${title}</h2>`;
  if (kind === 'prequalificationNotice') {
    return [
      h(1, '招标条件'), conditions(sections, kind),
      h(2, '项目概况与招标范围'), overview(sections),
      h(3, '申请人资格要求'), qualification('申请人'),
      h(4, '资格预审方法'), '<p>本次资格预审采用合格制（或有限数量制），具体详见资格预审文件。</p>',
      h(5, '资格预审文件的获取'),
      `<p>公告期：${t(sections, 'prequalificationNoticeStart')}至${t(sections, 'prequalificationNoticeEnd')}。</p>` +
        `<p>凡有意申请资格预审者，请于${t(sections, 'prequalificationDocumentIssueStart')}至${t(sections, 'prequalificationDocumentIssueEnd')}（北京时间，下同）` +
        `登录${escape(p.name)}免费下载资格预审文件，不收取任何费用。</p>`,
      h(6, '资格预审申请文件的递交'),
      `<p>递交资格预审申请文件截止时间为${t(sections, 'applicationDeadline')}，申请人应在截止时间前通过电子交易平台递交加密的电子资格预审申请文件。</p>`,
      h(7, '电子交易平台及使用方法'), platformUse(p, kind),
      h(8, '发布公告的媒介'), media(p, sections),
      h(9, '联系方式'), contacts(p, sections),
    ].join('\n');
  }
  const body = [
    h(1, '招标条件'), conditions(sections, kind),
    h(2, '项目概况与招标范围'), overview(sections),
    h(3, '投标人资格要求'), qualification('投标人'),
    h(4, '招标文件的获取'),
    `<p>${kind === 'invitation' ? '请你单位' : '凡有意参加投标者，请'}于${t(sections, 'documentIssueStart')}至${t(sections, 'documentIssueEnd')}（北京时间，下同）` +
      `登录${escape(p.name)}免费下载招标文件，不收取任何费用。</p>`,
    h(5, '投标文件的递交'),
    `<p>投标文件递交的截止时间（投标截止时间，下同）为${t(sections, 'bidDeadline')}，投标人应在截止时间前通过电子交易平台递交加密的电子投标文件。开标时间同投标截止时间，开标以不见面方式在线进行。</p>`,
    h(6, '电子交易平台及使用方法'), platformUse(p, kind),
  ];
  if (kind === 'invitation') {
    body.push(
      h(7, '确认'),
      `<p>你单位收到本投标邀请书后，请于${chineseDateTime(replyDeadline)}前通过${escape(p.name)}（<a href="${escape(p.baseUrl)}">${escape(p.baseUrl)}</a>）在线确认是否参加投标。</p>`,
      h(8, '联系方式'), contacts(p, sections),
    );
  } else {
    body.push(h(7, '发布公告的媒介'), media(p, sections), h(8, '联系方式'), contacts(p, sections));
  }
  return body.join('\n');
}

/** B-002 / B-008: the text, as edited, still states the platform's address. */
export function statesPlatformAddress(html: string, baseUrl: string): boolean {
  return html.includes(baseUrl) || html.includes(escape(baseUrl));
}
