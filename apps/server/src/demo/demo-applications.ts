import type { EntryFormView, SectionDetail } from '@bidhall/contracts';
import { addDays, type Clock, toBusinessDate } from '@bidhall/rules';
import { fromBase64, signJson } from '@bidhall/crypto';
import type { BuiltApp } from '../app.ts';
import { demoBidderKeys, demoUnseal, submitDemoBid } from './demo-sealed-bid.ts';
import { DEMO_BIDDERS } from './demo-data.ts';
import { form, type DemoSession } from './demo-tendering.ts';

export const APPLICATIONS_APPROVAL_CODE = '2026-150602-48-01-000232';
const MINUTE = 60_000;
const HALL = 'application-hall';
/** The applicants: the demo bidders whose entities may take part. */
export const APPLICANTS = DEMO_BIDDERS;

/** The prequalification document's chapters, with the applications' 20-minute unsealing window. */
const PREQUALIFICATION_VALUES = {
  notice: { scope: '<p>桥梁下部结构、上部结构及附属工程施工，详见资格预审文件第五章。</p>' },
  instructions: { qualificationRequirements: '<p>具有市政公用工程施工总承包二级及以上资质，近五年完成过单跨40米以上桥梁施工。</p>', jointVenture: '不接受', unsealWindowMinutes: '20' },
  applicationFormat: { formatNotes: '<p>按本章格式编制并加盖电子签章。</p>' },
  projectOverview: { overview: '<p>新建桥梁一座，全长 286 米。</p>' },
};
const REVIEW_METHOD = {
  type: 'pass',
  compliance: [{ number: '1.1', title: '申请函', requirement: '签章齐全，格式符合第四章要求' }],
  qualification: [{ number: '2.1', title: '资质', requirement: '市政公用工程施工总承包二级及以上' }],
};

type Sessions = (username: string) => Promise<DemoSession>;
type Signer = (bytes: Uint8Array) => string;

/**
 * A section tendered with prequalification (decision 0023): its prequalification document signed and
 * issued with the notice today, applications due in 20 days; the demo bidders obtain the document and
 * seal and submit their applications. Returns the section and its application deadline.
 */
export async function prepareDemoApplications(
  built: BuiltApp,
  p: { clock: Clock; as: Sessions; signer: Signer; demoCaDir: string; tenderer: DemoSession; staff: DemoSession },
): Promise<{ sectionId: string; deadline: number }> {
  // The caller's sessions: a staff member's TOTP code is single-use within its 30 s step.
  const { tenderer, staff } = p;
  const created = (await tenderer.call('POST', '/api/v1/entry-forms', form(APPLICATIONS_APPROVAL_CODE, '东胜区乌兰木伦河景观桥新建工程', '施工', '150602', { method: 'prequalification' }))) as EntryFormView;
  const entry = (await staff.call('POST', `/api/v1/entry-forms/${created.id}/review`, { decision: 'approve', comment: '材料齐全，同意进场' })) as EntryFormView;
  const sectionId = entry.sections[0]!.id;
  const at = (days: number, time: string) => `${addDays(toBusinessDate(p.clock.now()), days)}T${time}:00+08:00`;
  await tenderer.call('PUT', `/api/v1/sections/${sectionId}/timetable`, {
    prequalificationNoticeStart: at(0, '00:00'),
    prequalificationNoticeEnd: at(10, '17:00'),
    prequalificationDocumentIssueStart: at(0, '00:00'),
    prequalificationDocumentIssueEnd: at(10, '17:00'),
    applicationDeadline: at(20, '09:30'),
  });
  const doc = (await tenderer.call('POST', '/api/v1/tender-documents', { sectionId, kind: 'prequalification' })) as { id: string };
  await tenderer.call('PUT', `/api/v1/tender-documents/${doc.id}/chapters`, { values: PREQUALIFICATION_VALUES });
  await tenderer.call('PUT', `/api/v1/tender-documents/${doc.id}/method`, { method: REVIEW_METHOD });
  const pkg = (await tenderer.call('POST', `/api/v1/tender-documents/${doc.id}/package`)) as { manifestBase64: string };
  await tenderer.call('POST', `/api/v1/tender-documents/${doc.id}/sign`, { signature: p.signer(fromBase64(pkg.manifestBase64)), commitmentAccepted: true });
  // The prequalification notice, verified by staff, issues the document with it.
  const notice = (await tenderer.call('POST', '/api/v1/notices', { type: 'prequalificationNotice', sectionIds: [sectionId] })) as { id: string };
  const submitted = (await tenderer.call('POST', `/api/v1/notices/${notice.id}/submit`)) as { status: string };
  if (submitted.status === 'pendingReview') await tenderer.call('POST', `/api/v1/notices/${notice.id}/review`, { decision: 'approve' });
  await staff.call('POST', `/api/v1/notices/${notice.id}/verification`, { decision: 'approve' });
  for (const username of APPLICANTS) {
    const applicant = await p.as(username);
    await applicant.call('POST', `/api/v1/tender-documents/${doc.id}/downloads`);
    await submitDemoBid(built, applicant, demoBidderKeys(p.demoCaDir, username), sectionId, {});
  }
  const section = (await tenderer.call('GET', `/api/v1/sections/${sectionId}`)) as SectionDetail;
  return { sectionId, deadline: Date.parse(section.timetable.applicationDeadline!) };
}

/**
 * The applications' opening at their deadline: the applicants sign in and decrypt where they are, the
 * decrypted applications are shown, the tenderer draws up the record, the applicants sign it and it
 * is published on the portal (A-116…A-128).
 */
export async function openDemoApplications(p: { as: Sessions; moveTo(at: number): void; sectionId: string; deadline: number; demoCaDir: string }): Promise<void> {
  const { sectionId } = p;
  p.moveTo(p.deadline + MINUTE);
  const tenderer = await p.as('tenderer.demo');
  const applicants = await Promise.all(APPLICANTS.map((u) => p.as(u)));
  await tenderer.call('GET', `/api/v1/sections/${sectionId}/${HALL}`);
  for (const a of applicants) await a.call('POST', `/api/v1/sections/${sectionId}/${HALL}/sign-in`);
  p.moveTo(p.deadline + 5 * MINUTE);
  await tenderer.call('POST', `/api/v1/sections/${sectionId}/${HALL}/unsealing`);
  for (const [i, a] of applicants.entries()) {
    p.moveTo(p.deadline + (7 + 2 * i) * MINUTE);
    await demoUnseal(a, demoBidderKeys(p.demoCaDir, APPLICANTS[i]!), sectionId, HALL);
  }
  p.moveTo(p.deadline + 20 * MINUTE);
  const record = (await tenderer.call('POST', `/api/v1/sections/${sectionId}/${HALL}/record`)) as { record: { round: number }; recordSm3: string };
  for (const [i, a] of applicants.entries()) {
    const keys = demoBidderKeys(p.demoCaDir, APPLICANTS[i]!);
    const signature = signJson({ action: 'signOpeningRecord', sectionId, round: record.record.round, recordSm3: record.recordSm3 }, keys.key);
    await a.call('POST', `/api/v1/sections/${sectionId}/${HALL}/record/signatures`, { certificatePem: keys.certificatePem, signature });
  }
  p.moveTo(p.deadline + 30 * MINUTE);
  await tenderer.call('POST', `/api/v1/sections/${sectionId}/${HALL}/record/publication`);
}
