import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntryFormRequest, EntryFormView, EvaluationMethod, TimetableInput } from '@bidhall/contracts';
import { fromBase64, parseCertificates, privateKeyFromPem, signCmsDetached, toBase64 } from '@bidhall/crypto';
import { addDays, type Clock, toBusinessDate } from '@bidhall/rules';
import { generateSync } from 'otplib';
import type { BuiltApp } from '../app.ts';
import { DEMO_BILL_OF_QUANTITIES_XML } from './demo-bill-of-quantities.ts';
import { DEMO_ENTITIES, DEMO_PASSWORD, DEMO_TOTP_SECRET, demoCreditCode } from './demo-data.ts';

/**
 * Sections at each stage of tendering, made through the HTTP routes as the demo users would:
 * a draft entry form, one waiting for staff, a notice waiting for platform verification, a section
 * in tendering (documents issued and signed, a download with its receipt, a question answered, a
 * clarification) and a terminated one. Runs once: nothing is added when the demo tenderer already
 * has entry forms.
 */
export async function loadDemoTendering(
  built: BuiltApp,
  options: { clock: Clock; demoCaDir?: string; onSkipped?: (stage: string, reason: string) => void },
): Promise<{ sections: number }> {
  const as = userSessions(built, options.clock);
  const tenderer = await as('tenderer.demo');
  // Once: its first form (the opening stage has forms of the same tenderer, made before this).
  const existing = (await tenderer.call('GET', '/api/v1/entry-forms')) as { items?: { approvalCode: string }[] } | { approvalCode: string }[];
  if ((Array.isArray(existing) ? existing : (existing.items ?? [])).some((f) => f.approvalCode === '2026-150602-48-01-900102')) return { sections: 0 };
  const staff = await as('staff.dongsheng');
  const agency = await as('agency.demo');
  let sections = 0;

  const enter = async (body: EntryFormRequest, caller = tenderer) => {
    const form = (await caller.call('POST', '/api/v1/entry-forms', body)) as EntryFormView;
    sections += form.sections.length;
    return form;
  };
  const approve = async (form: EntryFormView) =>
    (await staff.call('POST', `/api/v1/entry-forms/${form.id}/review`, { decision: 'approve', comment: '材料齐全，同意进场' })) as EntryFormView;
  const timetable = lawfulTimetable(options.clock.now());

  // 1. A draft, and a form waiting for staff review.
  await enter(form('2026-150602-48-01-900102', '东胜区铁西片区老旧小区改造工程', '施工', '150602', { submit: false }));
  await enter(form('2026-150602-48-01-900101', '东胜区罕台镇给排水管网改造工程', '施工', '150602', {}));

  // 2. In tendering: the approval platform's project, two sections, documents issued, a notice published.
  const main = await approve(
    await enter(form('2026-150602-48-01-000123', '东胜区天骄路（鄂尔多斯大街至吉劳庆街段）道路改造工程', '施工', '150602', { sections: 2 })),
  );
  const sectionIds = main.sections.map((s) => s.id);
  try {
    for (const id of sectionIds) await tenderer.call('PUT', `/api/v1/sections/${id}/timetable`, timetable);
  } catch (err) {
    // A deadline in a year without holiday data is refused until staff enter that year's notice.
    options.onSkipped?.('tendering', (err as Error).message);
    return { sections };
  }
  const signer = demoSigner(options.demoCaDir, 'tenderer.demo', options.clock);
  const documents: string[] = [];
  // The second section asks an 80,000-yuan bid bond (a deposit, or an e-guarantee through the one-stop).
  for (const [i, sectionId] of sectionIds.entries()) documents.push(await issueDocument(tenderer, sectionId, signer, i === 1 ? { bidBondFen: DEMO_BID_BOND_FEN } : {}));
  await publishNotice(tenderer, staff, sectionIds);
  const bidder = await as('bidder.demo');
  if (documents[0]) {
    await bidder.call('POST', `/api/v1/tender-documents/${documents[0]}/downloads`);
    const question = (await bidder.call('POST', `/api/v1/tender-documents/${documents[0]}/questions`, {
      text: '第二章投标人须知前附表中“类似业绩”是否包括市政道路养护工程？',
    })) as { id: string };
    await tenderer.call('POST', `/api/v1/questions/${question.id}/answer`, { answer: '不包括。类似业绩指城市主干道新建或改造工程施工，详见第1次澄清。' });
    const clarification = (await tenderer.call('POST', `/api/v1/tender-documents/${documents[0]}/clarifications`, {
      kind: 'clarification',
      title: '关于类似业绩认定的澄清',
      bodyHtml: '<p>“类似业绩”指近三年完成的城市主干道新建或改造工程施工，不含道路养护工程。</p>',
    })) as { id: string };
    await tenderer.call('POST', `/api/v1/clarifications/${clarification.id}/issue`);
  }

  // 3. Run by the agency: registered, a notice drafted by the agency, approved by the tenderer, waiting for the platform.
  const byAgency = await approve(
    await enter(
      form('2026-150602-48-01-900104', '东胜区巴音孟克街道路面修复工程', '施工', '150602', {
        agencyCreditCode: agency.creditCode,
      }),
    ),
  );
  const agencySection = byAgency.sections[0]!.id;
  await agency.call('PUT', `/api/v1/sections/${agencySection}/timetable`, timetable);
  const notice = (await agency.call('POST', '/api/v1/notices', { type: 'tenderNotice', sectionIds: [agencySection] })) as { id: string };
  const submitted = (await agency.call('POST', `/api/v1/notices/${notice.id}/submit`)) as { status: string };
  if (submitted.status === 'pendingReview') await tenderer.call('POST', `/api/v1/notices/${notice.id}/review`, { decision: 'approve' });

  // 4. Terminated: the project's funding was withdrawn after entry.
  const ended = await approve(await enter(form('2026-150602-48-01-900103', '东胜区民族街路灯更换工程', '施工', '150602', {})));
  await tenderer.call('POST', `/api/v1/sections/${ended.sections[0]!.id}/exceptions`, {
    kind: 'termination',
    reason: '项目资金来源调整，本标段不再招标。',
  });
  return { sections };
}

export interface DemoSession {
  creditCode: string;
  /** The session cookie, for requests `call` does not make (tus uploads). */
  cookie: string;
  call(method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown): Promise<unknown>;
  upload(url: string, bytes: Buffer, contentType?: string): Promise<void>;
}

/** Logs a demo user in through the auth routes; staff pass the TOTP step with the documented demo secret. */
export function userSessions(built: BuiltApp, clock: Clock) {
  return async (username: string): Promise<DemoSession> => {
    const { app } = built;
    // Each demo user works from its own machine: the demo's many logins in a minute are not one
    // address's password guessing, and the login limit (20 a minute per address) stays as it is.
    const remoteAddress = demoAddress(username);
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress, payload: { username, password: DEMO_PASSWORD } });
    if (res.statusCode !== 200) throw new Error(`demo login ${username}: ${res.statusCode} ${res.body}`);
    const cookie = `bh_session=${res.cookies.find((c) => c.name === 'bh_session')?.value ?? ''}`;
    if ((res.json() as { stage: string }).stage !== 'active') {
      const code = generateSync({ secret: DEMO_TOTP_SECRET, epoch: Math.floor(clock.now().getTime() / 1000) });
      const second = await app.inject({ method: 'POST', url: '/api/v1/auth/totp', remoteAddress, headers: { cookie }, payload: { code } });
      if (second.statusCode !== 200) throw new Error(`demo TOTP ${username}: ${second.statusCode} ${second.body}`);
    }
    const call: DemoSession['call'] = async (method, url, payload) => {
      const r = await app.inject({ method, url, remoteAddress, headers: { cookie }, ...(payload !== undefined ? { payload: payload as object } : method === 'GET' ? {} : { payload: {} }) });
      if (r.statusCode >= 400) throw new Error(`demo ${username} ${method} ${url}: ${r.statusCode} ${r.body}`);
      return r.body ? (r.json() as unknown) : null;
    };
    const upload: DemoSession['upload'] = async (url, bytes, contentType = 'application/octet-stream') => {
      const r = await app.inject({ method: 'PUT', url, headers: { cookie, 'content-type': contentType }, payload: bytes });
      if (r.statusCode >= 400) throw new Error(`demo ${username} upload ${url}: ${r.statusCode} ${r.body}`);
    };
    const entity = DEMO_ENTITIES.find((e) => e.username === username);
    return { creditCode: entity ? demoCreditCode(entity) : '', cookie, call, upload };
  };
}

/** A private address of the demo user's own (10.88.x.y), the same on every run. */
function demoAddress(username: string): string {
  let h = 0;
  for (const c of username) h = (h * 31 + c.charCodeAt(0)) & 0xffff;
  return `10.88.${h >> 8}.${h & 255}`;
}

export function form(
  approvalCode: string,
  projectName: string,
  work: string,
  regionCode: string,
  opts: { submit?: boolean; sections?: number; agencyCreditCode?: string; method?: 'open' | 'prequalification' },
): EntryFormRequest {
  const count = opts.sections ?? 1;
  return {
    project: {
      approvalCode,
      name: projectName,
      regionCode,
      category: 'works',
      kind: 'works',
      mandatory: true,
      stateFunded: true,
      investmentFen: '865000000',
      fundingSource: '财政资金',
      location: `内蒙古自治区鄂尔多斯市${projectName.slice(0, 3)}`,
    },
    tenderingProject: {
      name: `${projectName}${work}招标`,
      method: opts.method ?? 'open',
      organisation: opts.agencyCreditCode ? 'agency' : 'self',
      ...(opts.agencyCreditCode
        ? { agencyCreditCode: opts.agencyCreditCode, mandate: { duties: ['prepareDocuments', 'publishNotices', 'answerQuestions', 'organiseOpening'], other: '' } }
        : {}),
    },
    sections: Array.from({ length: count }, (_, i) => ({
      code: String(i + 1).padStart(3, '0'),
      name: count > 1 ? `${work}${'一二三四五'[i]}标段` : `${work}标段`,
      budgetFen: String(3_865_000_000 + i * 415_000_000),
      content: '道路、排水及照明工程施工',
    })),
    submit: opts.submit ?? true,
  };
}

/** Documents issued from today (Shanghai) for 12 days, questions for 19, bids due in 31 days at 09:30. */
export function lawfulTimetable(now: Date): TimetableInput {
  const at = (days: number, time: string) => `${addDays(toBusinessDate(now), days)}T${time}:00+08:00`;
  return { documentIssueStart: at(0, '00:00'), documentIssueEnd: at(12, '17:00'), questionsDeadline: at(19, '17:00'), bidDeadline: at(31, '09:30') };
}

type Signer = ((bytes: Uint8Array) => string) | null;

/** The demo entity's certificate and key from the demo PKI, when it was made. */
export function demoSigner(demoCaDir: string | undefined, username: string, clock: Clock): Signer {
  if (!demoCaDir) return null;
  const certFile = join(demoCaDir, 'entities', `${username}.cert.pem`);
  const keyFile = join(demoCaDir, 'entities', `${username}.key.pem`);
  if (!existsSync(certFile) || !existsSync(keyFile)) return null;
  const [cert, ...chain] = parseCertificates(readFileSync(certFile, 'utf8'));
  const key = privateKeyFromPem(readFileSync(keyFile, 'utf8'));
  return (bytes) => toBase64(signCmsDetached(bytes, { key, cert: cert!, chain }, { signingTime: clock.now() }));
}

/** Template → chapters → evaluation method → bill of quantities → package → the tenderer's e-signature → issued. */
export async function issueDocument(
  tenderer: DemoSession,
  sectionId: string,
  sign: Signer,
  instructions: Record<string, string> = {},
  method: EvaluationMethod = SCORING_METHOD,
): Promise<string> {
  const doc = (await tenderer.call('POST', '/api/v1/tender-documents', { sectionId, kind: 'tender' })) as { id: string };
  await tenderer.call('PUT', `/api/v1/tender-documents/${doc.id}/chapters`, { values: { ...DEMO_VALUES, instructions: { ...DEMO_VALUES.instructions, ...instructions } } });
  await tenderer.call('PUT', `/api/v1/tender-documents/${doc.id}/method`, { method });
  // the costing tool's export, imported as structured data the bids will price.
  await tenderer.upload(`/api/v1/tender-documents/${doc.id}/bill-of-quantities?name=${encodeURIComponent('工程量清单.xml')}`, Buffer.from(DEMO_BILL_OF_QUANTITIES_XML), 'application/xml');
  const pkg = (await tenderer.call('POST', `/api/v1/tender-documents/${doc.id}/package`)) as { manifestBase64: string };
  // Without the demo PKI the document stays packaged: only the tenderer's own key can sign it.
  if (!sign) return doc.id;
  await tenderer.call('POST', `/api/v1/tender-documents/${doc.id}/sign`, { signature: sign(fromBase64(pkg.manifestBase64)), commitmentAccepted: true });
  await tenderer.call('POST', `/api/v1/tender-documents/${doc.id}/issue`);
  return doc.id;
}


export async function publishNotice(tenderer: DemoSession, staff: DemoSession, sectionIds: string[]) {
  const notice = (await tenderer.call('POST', '/api/v1/notices', { type: 'tenderNotice', sectionIds })) as { id: string };
  const submitted = (await tenderer.call('POST', `/api/v1/notices/${notice.id}/submit`)) as { status: string };
  if (submitted.status === 'pendingReview') await tenderer.call('POST', `/api/v1/notices/${notice.id}/review`, { decision: 'approve' });
  await staff.call('POST', `/api/v1/notices/${notice.id}/verification`, { decision: 'approve' });
}

/** The bid bond the demo's second section in tendering asks: 80,000 yuan. */
export const DEMO_BID_BOND_FEN = '8000000';

/** The chapter fields a works template requires, filled (also the documents tests' fixture). */
export const WORKS_VALUES = {
  notice: { scope: '<p>道路、排水及照明工程施工，详见工程量清单。</p>' },
  instructions: {
    qualificationRequirements: '<p>具有市政公用工程施工总承包三级及以上资质，近三年无重大安全事故。</p>',
    durationDays: '180',
    qualityStandard: '合格',
    jointVenture: '不接受',
    bidValidityDays: '90',
  },
  contract: { paymentTerms: '按月进度付款，支付比例80%；竣工验收合格后付至97%，余款为质量保证金。' },
  technical: { technicalRequirements: '<p>执行《城镇道路工程施工与质量验收规范》CJJ 1-2008 等国家现行规范。</p>' },
};

/**
 * The demo's documents: the works chapters, and at opening a 30-minute unsealing window with the
 * custodians' remedy (E-bidding Measures art. 31), so that a bid its bidder cannot open can be shown opened.
 */
const DEMO_VALUES = { ...WORKS_VALUES, instructions: { ...WORKS_VALUES.instructions, unsealWindowMinutes: '30', unsealRemedy: '由开标密钥保管人解密' } };

/** A scoring method that breaks no rule: weights 30 + 20 + 50, numbers unique, a drawn coefficient. */
export const SCORING_METHOD: EvaluationMethod = {
  type: 'scoring',
  qualification: [
    { number: '1.1', title: '资质', requirement: '具有市政公用工程施工总承包三级及以上资质' },
    { number: '1.2', title: '项目经理', requirement: '市政公用工程二级及以上注册建造师，且未在其他在建工程任职' },
  ],
  compliance: [
    { number: '2.1', title: '投标函签字盖章', requirement: '有法定代表人或其委托代理人电子签名并加盖单位电子印章' },
    { number: '2.2', title: '投标报价', requirement: '不高于最高投标限价' },
  ],
  factors: [
    {
      number: '3.1',
      name: '施工组织设计',
      category: 'technical',
      weight: 30,
      scoreRange: { min: 0, max: 30 },
      points: [
        { number: '3.1.1', description: '施工方案与技术措施', maxScore: 20 },
        { number: '3.1.2', description: '质量与安全保证措施', maxScore: 10 },
      ],
    },
    { number: '3.2', name: '类似业绩', category: 'commercial', weight: 20, scoreRange: { min: 0, max: 20 }, points: [{ number: '3.2.1', description: '近三年每项类似业绩得5分，最多20分', maxScore: 20 }] },
    { number: '3.3', name: '投标报价', category: 'price', weight: 50, scoreRange: { min: 20, max: 50 }, points: [] },
  ],
  priceFormula: {
    benchmark: { base: 'averageOfValidBids', dropHighest: 1, dropLowest: 1, dropWhenAtLeast: 5, coefficient: { min: 0.95, max: 1, step: 0.01 } },
    deduction: { abovePerPercent: 1, belowPerPercent: 0.5 },
  },
  candidates: 3,
};
