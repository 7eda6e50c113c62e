/**
 * `bidhall bid …`: the bid-preparation tool (issue 10 §1, §2, §5; A-87…A-101). Exit codes: 0 done,
 * 1 refused or failed (the platform said no, the bid is incomplete, a receipt does not verify),
 * 2 a wrong command line or unusable input. Messages, never stack traces.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  biddingRequirements,
  certificateChallengeResponse,
  loginResponse,
  signCertificateChallenge,
  type BiddingRequirements,
  type DocumentListItem,
  type DownloadReceipt,
  type DownloadView,
  type HallView,
} from '@bidhall/contracts';
import { CryptoError, isCryptoError, parseCertificate, privateKeyFromPem, sm3, toHex } from '@bidhall/crypto';
import type { Command } from './command.ts';
import { BID_FORMAT, templateFor, validateComposition, type BidComposition, type Person } from './bid-compose.ts';
import { api, ApiProblem, baseUrl, problemOf, sessionApi } from './bid-http.ts';
import { formatFen, MoneyError, moneyValueToFen } from './bid-money.ts';
import { fileToPdf, PdfError } from './bid-pdf.ts';
import { formatBytes, requirementsText } from './bid-print.ts';
import { manifestSm3Of, verifyBidReceipt } from './bid-receipt.ts';
import { convertTextParts, sealSection, type Bidder } from './bid-seal.ts';
import { submitSection, withdrawBid } from './bid-submit.ts';
import { signIn, unseal, type HallSitting } from './bid-hall.ts';
import { BID_FILE, Refused, sectionIdArg, SESSION_FILE, Unusable, Workspace, type Session } from './bid-workspace.ts';
import { fileKeyProvider } from './key-provider.ts';

type Values = Record<string, string | boolean | undefined>;

const USAGE = `bidhall bid <subcommand> [options] — prepare, seal and submit a bid on the bidder's machine

Every subcommand works in a bid workspace folder: --dir DIR (default: the current folder).

  login --url URL --cert CERT.pem --key KEY.pem
      Certificate login (challenge signed with the key); the session cookie is kept in
      DIR/${SESSION_FILE} (mode 0600) with the certificate and key paths.
  requirements SECTION-ID
      Obtains the tender document if not yet done (a free download with a signed receipt), saves
      the document package and the requirements under DIR/sections/SECTION-ID/ and prints what the
      document requires: parts with file types and size limits, bidSummary fields, the bond, the
      deadline with the server's time, the opening custodians (A-87).
  init [--sections ID,ID] [--force]
      Writes DIR/${BID_FILE}, a composition template for the sections whose requirements are saved.
  compose [--set FIELD=VALUE …] [--file PART=PATH …] [--manager "NAME,RESIDENT-ID"]
          [--member "NAME,RESIDENT-ID[,ROLE]" …] [--bond deposit|guarantee[:REFERENCE]]
      Offline (A-88): applies the changes to ${BID_FILE}, converts .txt/.md parts to PDF and checks
      the bid against each section's requirements, reporting every problem (exit 1 if any).
      Money is written in yuan with up to two decimals (1234567.89) and sealed as integer fen.
  pdf TEXT-OR-MARKDOWN-FILE -o OUT.pdf [--font FONT.ttc|.otf|.ttf] [--font-face POSTSCRIPT-NAME]
      Text to PDF with Chinese rendered in Noto Sans CJK (Debian fonts-noto-cjk) (A-89).
  seal [--sections ID,ID] [--cert CERT.pem --key KEY.pem] [--entity ENTITY-ID]
      Signs and seals on this machine (A-90, A-95): each file and the bidSummary sealed to your
      certificate key and the section's custodians (k of n), the manifest signed with your key.
      One sealed bid per section: DIR/sealed/SECTION-ID/. Unchanged files keep their sealed parts.
  submit [--sections ID,ID] [--replace BID-ID] [--retries N]
      Uploads the sealed parts resumably (tus; a rerun resumes), submits the signed manifest, saves
      the platform's receipt under DIR/receipts/ and verifies it. --replace modifies or supplements a
      live bid (unchanged parts are kept, not uploaded again) (A-99).
  withdraw BID-ID
      Withdraws a bid before the deadline, signed with your key; saves and verifies the receipt.
  sign-in SECTION-ID [--applications]
      In the opening hall after the deadline: signs your entity in (A-106). --applications: the
      opening of prequalification applications (资格预审申请文件开启) instead of the bids'.
  unseal SECTION-ID [--key KEY.pem] [--applications]
      In the opening hall once the tenderer started the unsealing: signs in if needed, unwraps each
      part's content key with your key on this machine and sends it wrapped to the platform's opening
      key; the platform checks it against your sealed bid (A-111) or application (A-120).
  verify-receipt RECEIPT.json [--url URL | --log-key KEY.pem] [--manifest MANIFEST.json]
      Checks a receipt: the platform's signature, the timestamp, the commitment and the log
      inclusion proof under a signed tree head, with the log key (A-97, A-101).`;

const ALLOWED: Record<string, string[]> = {
  login: ['url', 'cert', 'key'],
  requirements: [],
  init: ['sections', 'force'],
  compose: ['set', 'file', 'manager', 'member', 'bond', 'sections', 'font', 'font-face'],
  pdf: ['out', 'font', 'font-face'],
  seal: ['sections', 'cert', 'key', 'entity', 'font', 'font-face'],
  submit: ['sections', 'replace', 'retries', 'chunk-size'],
  withdraw: [],
  'sign-in': ['applications'],
  unseal: ['key', 'applications'],
  'verify-receipt': ['url', 'log-key', 'manifest'],
};

function str(values: Values, name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' && v.length ? v : undefined;
}

function list(values: Values, name: string): string[] {
  const v = (values as Record<string, unknown>)[name];
  if (v === undefined) return [];
  return Array.isArray(v) ? (v as string[]) : [String(v)];
}

async function readText(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    throw new Unusable(`cannot read ${what} ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

const err = (line: string) => process.stderr.write(`${line}\n`);

// ---- login -------------------------------------------------------------------------------------

async function login(ws: Workspace, values: Values): Promise<number> {
  const [url, cert, key] = [str(values, 'url'), str(values, 'cert'), str(values, 'key')];
  if (!url || !cert || !key) throw new Unusable('--url, --cert and --key are required');
  const base = baseUrl(url);
  let provider;
  try {
    provider = await fileKeyProvider(cert, key);
  } catch (e) {
    throw new Unusable(isCryptoError(e) ? `${e.code}: ${e.reason}` : (e as Error).message);
  }
  const client = api(base);
  const challenge = certificateChallengeResponse.parse(await client.json('POST', '/api/v1/auth/certificate/challenge', {}));
  const res = await client.request('POST', '/api/v1/auth/certificate/login', await signCertificateChallenge(provider, challenge));
  if (!res.ok) throw await problemOf(res);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!.trim())
    .filter((c) => c.includes('='))
    .join('; ');
  const body = loginResponse.parse(await res.json());
  if (body.stage !== 'active' || !cookie)
    throw new Refused(`the login needs another step (${body.stage}): finish it in the web app once, then log in here again`);
  const session: Session = {
    url: base,
    cookie,
    certFile: resolve(cert),
    keyFile: resolve(key),
    username: body.user?.username,
    entity: body.user?.entity ? { id: body.user.entity.id, name: body.user.entity.name } : null,
    loggedInAt: new Date().toISOString(),
  };
  const file = await ws.saveSession(session);
  console.log(
    `logged in to ${base} as ${session.username}${session.entity ? ` (${session.entity.name})` : ''} with ${provider.label}; session kept in ${file}`,
  );
  return 0;
}

// ---- requirements ------------------------------------------------------------------------------

async function requirements(ws: Workspace, positionals: string[]): Promise<number> {
  const sectionId = sectionIdArg(positionals[0]);
  const session = await ws.session();
  const client = sessionApi(session);
  const docs = await client.json<DocumentListItem[]>('GET', `/api/v1/tender-documents?sectionId=${sectionId}&kind=tender`);
  const issued = docs.filter((d) => d.status === 'issued' && d.sectionId === sectionId).sort((a, b) => b.round - a.round);
  const doc = issued[0];
  if (!doc) throw new Refused(`section ${sectionId} has no issued tender document you can obtain`);
  const dir = `sections/${sectionId}`;

  const mine = await client.json<DownloadView[]>('GET', '/api/v1/downloads/mine');
  let receipt: DownloadReceipt | undefined = mine
    .filter((d) => d.subject === 'document' && d.documentId === doc.id)
    .sort((a, b) => b.downloadedAt.localeCompare(a.downloadedAt))[0]?.receipt;
  if (!receipt) {
    receipt = await client.json<DownloadReceipt>('POST', `/api/v1/tender-documents/${doc.id}/downloads`, {});
    console.log(`obtained the tender document (download receipt ${receipt.downloadId}, log entry ${receipt.logIndex})`);
  }
  await ws.writeJson(`${dir}/download-receipt.json`, receipt);

  const raw = await client.json<unknown>('GET', `/api/v1/sections/${sectionId}/bidding`);
  const parsed = biddingRequirements.safeParse(raw);
  if (!parsed.success)
    throw new Refused(
      `the platform's requirements are not in the expected form: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`,
    );
  const req = parsed.data;

  const pkg = await client.request('GET', `/api/v1/tender-documents/${req.document.id}/download`);
  if (!pkg.ok) throw await problemOf(pkg);
  const bytes = new Uint8Array(await pkg.arrayBuffer());
  const digest = toHex(sm3(bytes));
  if (digest !== req.document.contentSm3)
    throw new Refused(`the document package's SM3 ${digest} is not the document's ${req.document.contentSm3}`);
  await ws.writeFile(`${dir}/tender-document.json`, bytes);
  await ws.writeJson(`${dir}/requirements.json`, req);

  console.log(requirementsText(req));
  console.log(
    `\nSaved in ${ws.sectionDir(sectionId)}: requirements.json, tender-document.json (SM3 checked), download-receipt.json`,
  );
  return 0;
}

// ---- init / compose ----------------------------------------------------------------------------

async function savedRequirements(ws: Workspace, ids?: string[]): Promise<BiddingRequirements[]> {
  let sectionIds = ids;
  if (!sectionIds) {
    try {
      sectionIds = (await readdir(ws.path('sections'))).filter((n) => /^[0-9a-f-]{36}$/.test(n));
    } catch {
      sectionIds = [];
    }
  }
  if (!sectionIds.length) throw new Unusable(`no requirements in ${ws.root}: run 'bidhall bid requirements SECTION-ID' first`);
  const out: BiddingRequirements[] = [];
  for (const id of sectionIds) {
    const r = await ws.maybeJson<BiddingRequirements>(`sections/${id}/requirements.json`);
    if (!r) throw new Unusable(`no requirements for section ${id}: run 'bidhall bid requirements ${id}' first`);
    out.push(r);
  }
  return out;
}

function sectionsOption(values: Values): string[] | undefined {
  const s = str(values, 'sections');
  return s ? s.split(',').map((x) => sectionIdArg(x.trim())) : undefined;
}

async function init(ws: Workspace, values: Values): Promise<number> {
  const reqs = await savedRequirements(ws, sectionsOption(values));
  if (!values.force && (await ws.maybeJson(BID_FILE)))
    throw new Unusable(`${ws.path(BID_FILE)} exists: edit it, use 'compose', or give --force to start again`);
  const file = await ws.writeJson(BID_FILE, templateFor(reqs));
  console.log(
    `wrote ${file} for ${reqs.map((r) => r.sectionCode).join(', ')}: fill in the bidSummary, the project manager and team, the bond and the files, then run 'bidhall bid compose'`,
  );
  return 0;
}

function person(text: string, what: string): Person {
  const [name, residentId, role] = text.split(',').map((s) => s.trim());
  if (!name || !residentId) throw new Unusable(`${what}: give "NAME,RESIDENT-ID${what === '--member' ? '[,ROLE]' : ''}"`);
  return { name, residentId: residentId.toUpperCase(), ...(role ? { role } : {}) };
}

async function loadBid(ws: Workspace): Promise<BidComposition> {
  const bid = await ws.maybeJson<BidComposition>(BID_FILE);
  if (!bid) throw new Unusable(`no ${BID_FILE} in ${ws.root}: run 'bidhall bid init' first`);
  if (bid.format !== BID_FORMAT) throw new Unusable(`${ws.path(BID_FILE)}: "format" must be "${BID_FORMAT}"`);
  return bid;
}

async function compose(ws: Workspace, values: Values): Promise<number> {
  let bid = await ws.maybeJson<BidComposition>(BID_FILE);
  if (!bid) bid = templateFor(await savedRequirements(ws, sectionsOption(values)));
  let changed = false;
  for (const s of list(values, 'set')) {
    const eq = s.indexOf('=');
    if (eq < 1) throw new Unusable(`--set ${s}: give FIELD=VALUE`);
    bid.bidSummary = { ...(bid.bidSummary ?? {}), [s.slice(0, eq).trim()]: s.slice(eq + 1).trim() };
    changed = true;
  }
  for (const f of list(values, 'file')) {
    const eq = f.indexOf('=');
    if (eq < 1) throw new Unusable(`--file ${f}: give PART=PATH`);
    const key = f.slice(0, eq).trim();
    const path = f.slice(eq + 1).trim();
    const files = { ...(bid.files ?? {}) };
    files[key] = [...new Set([...(files[key] ?? []), path])];
    bid.files = files;
    changed = true;
  }
  const manager = str(values, 'manager');
  if (manager) {
    bid.projectManager = person(manager, '--manager');
    changed = true;
  }
  const members = list(values, 'member');
  if (members.length) {
    bid.team = members.map((m) => person(m, '--member'));
    changed = true;
  }
  const bond = str(values, 'bond');
  if (bond) {
    const [form, ...ref] = bond.split(':');
    if (form !== 'deposit' && form !== 'guarantee')
      throw new Unusable('--bond: deposit or guarantee, e.g. --bond guarantee:EG-2026-001');
    bid.bond = { form, ...(ref.length ? { reference: ref.join(':') } : {}) };
    changed = true;
  }
  if (changed) await ws.writeJson(BID_FILE, bid);

  const reqs = await savedRequirements(ws, sectionsOption(values) ?? (bid.sections?.length ? bid.sections : undefined));
  let problems = 0;
  for (const req of reqs) {
    const convertedDir = ws.path('converted', req.sectionId);
    const first = await validateComposition(bid, req, { root: ws.root, convertedDir });
    try {
      await convertTextParts(first.files, ws.root, pdfOptions(values), ws);
    } catch (e) {
      if (e instanceof PdfError) throw new Unusable(e.message);
      throw e;
    }
    const result = await validateComposition(bid, req, { root: ws.root, convertedDir });
    console.log(`section ${req.sectionCode} ${req.sectionName}:`);
    for (const w of result.warnings) console.log(`  note: ${w}`);
    if (result.problems.length) {
      problems += result.problems.length;
      for (const p of result.problems) console.log(`  problem: ${p}`);
      continue;
    }
    for (const f of req.document.bidSummaryFields) {
      const v = result.summary.fields[f.key];
      if (v === undefined) continue;
      console.log(
        `  ${f.label}: ${f.type === 'money' ? `${formatFen(String(v))} yuan (${v} fen)` : v}${f.unit && f.type !== 'money' ? ` ${f.unit}` : ''}`,
      );
    }
    console.log(
      `  project manager ${result.summary.projectManager?.name}, team of ${result.summary.team.length}; bond ${result.bond ? `${result.bond.form}${result.bond.reference ? ` ${result.bond.reference}` : ''}` : 'none'}`,
    );
    for (const f of result.files) console.log(`  ${f.name}${f.convert ? ` (converted from ${f.source})` : ''}`);
    console.log('  complete: ready to seal');
  }
  if (problems) console.log(`\n${problems} problem(s) in ${ws.path(BID_FILE)}`);
  return problems ? 1 : 0;
}

// ---- pdf ---------------------------------------------------------------------------------------

function pdfOptions(values: Values) {
  const font = str(values, 'font');
  const face = str(values, 'font-face');
  return { ...(font ? { font } : {}), ...(face ? { fontFace: face } : {}) };
}

async function pdf(values: Values, positionals: string[]): Promise<number> {
  const input = positionals[0];
  const out = str(values, 'out');
  if (!input || !out) throw new Unusable('give the text or Markdown file and -o OUT.pdf');
  let bytes: Buffer;
  try {
    bytes = await fileToPdf(input, pdfOptions(values));
  } catch (e) {
    if (e instanceof PdfError) throw new Unusable(e.message);
    throw e;
  }
  await writeFile(out, bytes);
  console.log(`wrote ${out} (${formatBytes(bytes.length)})`);
  return 0;
}

// ---- seal --------------------------------------------------------------------------------------

async function loadBidder(ws: Workspace, values: Values): Promise<{ bidder: Bidder; certificatePem: string }> {
  const session = await ws.maybeJson<Session>(SESSION_FILE);
  const certFile = str(values, 'cert') ?? session?.certFile;
  const keyFile = str(values, 'key') ?? session?.keyFile;
  if (!certFile || !keyFile) throw new Unusable('give --cert and --key (or log in first: the session names them)');
  const entityId = str(values, 'entity') ?? session?.entity?.id;
  if (!entityId) throw new Unusable('give --entity ENTITY-ID (or log in first: the session names your entity)');
  const certificatePem = await readText(certFile, 'certificate');
  const keyPem = await readText(keyFile, 'private key');
  try {
    const cert = parseCertificate(certificatePem);
    if (!cert.publicKey) throw new Unusable(`the certificate's key is ${cert.keyAlg}; sealing needs SM2 or P-256`);
    return {
      bidder: { key: privateKeyFromPem(keyPem), certificateKey: cert.publicKey, entityId: sectionIdArg(entityId, 'entity id') },
      certificatePem,
    };
  } catch (e) {
    if (e instanceof CryptoError) throw new Unusable(`${e.code}: ${e.reason}`);
    throw e;
  }
}

async function targetSections(ws: Workspace, values: Values): Promise<string[]> {
  const named = sectionsOption(values);
  if (named) return named;
  const bid = await ws.maybeJson<BidComposition>(BID_FILE);
  if (bid?.sections?.length) return bid.sections.map((s) => sectionIdArg(s));
  return (await savedRequirements(ws)).map((r) => r.sectionId);
}

async function seal(ws: Workspace, values: Values): Promise<number> {
  const sections = await targetSections(ws, values);
  const bid = await loadBid(ws);
  const reqs = await savedRequirements(ws, sections);
  const { bidder } = await loadBidder(ws, values);
  for (const req of reqs) {
    let out;
    try {
      out = await sealSection(ws, bid, req, bidder, { pdf: pdfOptions(values) });
    } catch (e) {
      if (e instanceof PdfError) throw new Unusable(e.message);
      throw e;
    }
    for (const w of out.warnings) err(`note: ${w}`);
    const files = out.record.parts.filter((p) => p.role === 'file');
    const bytes = out.record.parts.reduce((s, p) => s + p.entry.ciphertextSize, 0);
    console.log(
      `sealed section ${req.sectionCode}: bidSummary + ${files.length} file(s), ${formatBytes(bytes)} sealed${out.reused ? ` (${out.reused} unchanged file(s) kept as sealed before)` : ''}; ` +
        `${req.sealing.threshold}-of-${req.sealing.custodians.length} custodians; manifest SM3 ${manifestSm3Of(out.signed)} signed — ${out.folder}`,
    );
  }
  return 0;
}

// ---- submit / withdraw / verify ----------------------------------------------------------------

async function logKeyPem(values: Values, url: string | undefined): Promise<string> {
  const pinned = str(values, 'log-key');
  if (pinned) return readText(pinned, 'log key');
  if (!url) throw new Unusable('give --url URL (or --log-key KEY.pem) to check the receipt');
  return (await api(url).json<{ publicKeyPem: string }>('GET', '/api/v1/log/key')).publicKeyPem;
}

function printVerdict(what: string, verdict: ReturnType<typeof verifyBidReceipt>): boolean {
  for (const c of verdict.checks) console.log(`  ${c.ok ? 'ok  ' : 'FAIL'} ${c.id}: ${c.message}`);
  console.log(verdict.ok ? `${what}: receipt verified` : `${what}: the receipt does NOT verify`);
  return verdict.ok;
}

function positiveInt(values: Values, name: string): number | undefined {
  const v = str(values, name);
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v)) throw new Unusable(`--${name} must be a whole number`);
  return Number(v);
}

async function submit(ws: Workspace, values: Values): Promise<number> {
  const session = await ws.session();
  const certificatePem = await readText(session.certFile, 'certificate');
  const replaces = str(values, 'replace');
  if (replaces) sectionIdArg(replaces, 'bid id');
  const sections = await targetSections(ws, values);
  if (replaces && sections.length > 1) throw new Unusable('--replace names one bid: give --sections with its one section');
  const key = await logKeyPem({}, session.url);
  let ok = true;
  for (const sectionId of sections) {
    err(`uploading the sealed bid for section ${sectionId}`);
    const chunkSize = positiveInt(values, 'chunk-size');
    const retries = positiveInt(values, 'retries');
    const out = await submitSection(ws, session, sectionId, certificatePem, {
      ...(replaces ? { replaces } : {}),
      ...(chunkSize ? { chunkSize } : {}),
      ...(retries !== undefined ? { retries } : {}),
      progress: err,
    });
    const r = out.response.receipt;
    console.log(
      `submitted: bid ${r.bidId} received ${r.receivedAt} (server time), ${r.parts} parts, ${formatBytes(r.ciphertextBytes)}; ${out.uploaded} uploaded, ${out.kept} kept`,
    );
    console.log(`receipt ${out.receiptFile}`);
    const signed = await ws.maybeJson(`sealed/${sectionId}/manifest.json`);
    ok =
      printVerdict(`bid ${r.bidId}`, verifyBidReceipt(out.response, key, signed ? { manifestSm3: manifestSm3Of(signed) } : {})) &&
      ok;
  }
  return ok ? 0 : 1;
}

async function withdraw(ws: Workspace, values: Values, positionals: string[]): Promise<number> {
  const bidId = sectionIdArg(positionals[0], 'bid id');
  const session = await ws.session();
  const keyFile = session.keyFile;
  const certificatePem = await readText(session.certFile, 'certificate');
  let key;
  try {
    key = privateKeyFromPem(await readText(keyFile, 'private key'));
  } catch (e) {
    if (e instanceof CryptoError) throw new Unusable(`${e.code}: ${e.reason}`);
    throw e;
  }
  const out = await withdrawBid(ws, session, bidId, key, certificatePem);
  console.log(`withdrawn: bid ${bidId} at ${out.response.receipt.receivedAt} (server time); receipt ${out.receiptFile}`);
  return printVerdict(`bid ${bidId}`, verifyBidReceipt(out.response, await logKeyPem(values, session.url))) ? 0 : 1;
}

async function verifyReceipt(ws: Workspace, values: Values, positionals: string[]): Promise<number> {
  const file = positionals[0];
  if (!file) throw new Unusable('give the receipt file (receipts/SECTION-ID/…json)');
  let receipt: unknown;
  try {
    receipt = JSON.parse(await readText(file, 'receipt'));
  } catch (e) {
    if (e instanceof Unusable) throw e;
    throw new Unusable(`${file} is not JSON`);
  }
  const session = await ws.maybeJson<Session>(SESSION_FILE);
  const key = await logKeyPem(values, str(values, 'url') ?? session?.url);
  const manifestFile = str(values, 'manifest');
  const expect = manifestFile ? { manifestSm3: manifestSm3Of(JSON.parse(await readText(manifestFile, 'manifest'))) } : {};
  const verdict = verifyBidReceipt(receipt, key, expect);
  if (verdict.malformed) throw new Unusable(verdict.checks[0]!.message);
  return printVerdict(file, verdict) ? 0 : 1;
}

// ---- the opening hall --------------------------------------------------------------------------

const UNSEAL_LABEL: Record<string, string> = { sealed: '未解密', unsealed: '解密成功', failed: '解密失败', remedied: '补救解密成功' };

function printHall(hall: HallView) {
  console.log(`${hall.sectionCode} ${hall.sectionName}: ${hall.stage} (server time ${hall.serverTime})`);
  for (const b of hall.bidders) console.log(`  ${b.order}. ${b.entityName}  ${b.signedInAt ? '已签到' : '未签到'}  ${UNSEAL_LABEL[b.unseal.status] ?? b.unseal.status}${b.unseal.reason ? ` (${b.unseal.reason})` : ''}`);
}

const sittingOf = (values: Values): HallSitting => (values.applications === true ? 'application' : 'bid');

async function hallSignIn(ws: Workspace, values: Values, positionals: string[]): Promise<number> {
  const hall = await signIn(await ws.session(), sectionIdArg(positionals[0], 'section id'), sittingOf(values));
  printHall(hall);
  return 0;
}

async function hallUnseal(ws: Workspace, values: Values, positionals: string[]): Promise<number> {
  const sectionId = sectionIdArg(positionals[0], 'section id');
  const session = await ws.session();
  let key;
  try {
    key = privateKeyFromPem(await readText(str(values, 'key') ?? session.keyFile, 'private key'));
  } catch (e) {
    if (e instanceof CryptoError) throw new Unusable(`${e.code}: ${e.reason}`);
    throw e;
  }
  await signIn(session, sectionId, sittingOf(values));
  const hall = await unseal(session, sectionId, key, (done, total) => process.stderr.write(`\runsealing ${done}/${total}`), sittingOf(values));
  process.stderr.write('\n');
  printHall(hall);
  return hall.mine?.unseal === 'unsealed' ? 0 : 1;
}

// ---- dispatch ----------------------------------------------------------------------------------

async function dispatch(sub: string, values: Values, positionals: string[]): Promise<number> {
  const ws = new Workspace(str(values, 'dir'));
  switch (sub) {
    case 'login':
      return login(ws, values);
    case 'requirements':
      return requirements(ws, positionals);
    case 'init':
      return init(ws, values);
    case 'compose':
      return compose(ws, values);
    case 'pdf':
      return pdf(values, positionals);
    case 'seal':
      return seal(ws, values);
    case 'submit':
      return submit(ws, values);
    case 'withdraw':
      return withdraw(ws, values, positionals);
    case 'sign-in':
      return hallSignIn(ws, values, positionals);
    case 'unseal':
      return hallUnseal(ws, values, positionals);
    default:
      return verifyReceipt(ws, values, positionals);
  }
}

export async function runBid(values: Values, positionals: string[]): Promise<number> {
  const [sub, ...rest] = positionals;
  if (!sub || !(sub in ALLOWED)) {
    console.error(sub ? `bidhall bid: unknown subcommand '${sub}'\n\n${USAGE}` : USAGE);
    return 2;
  }
  const allowed = new Set([...ALLOWED[sub]!, 'dir']);
  const stray = Object.keys(values).filter((k) => values[k] !== undefined && !allowed.has(k));
  if (stray.length) {
    console.error(`bidhall bid ${sub}: --${stray[0]} is not an option of '${sub}'\n\n${USAGE}`);
    return 2;
  }
  try {
    return await dispatch(sub, values, rest);
  } catch (e) {
    if (e instanceof Unusable) {
      console.error(`bidhall bid ${sub}: ${e.message}`);
      return 2;
    }
    if (e instanceof Refused) {
      console.error(`bidhall bid ${sub}: ${e.message}`);
      return 1;
    }
    if (e instanceof MoneyError) {
      console.error(`bidhall bid ${sub}: ${e.message}`);
      return 2;
    }
    if (isCryptoError(e)) {
      console.error(`bidhall bid ${sub}: ${e.code}: ${e.reason}`);
      return 1;
    }
    if ((e as { name?: string }).name === 'ZodError') {
      console.error(`bidhall bid ${sub}: the platform answered in an unexpected form`);
      return 1;
    }
    console.error(`bidhall bid ${sub}: ${(e as Error).message ?? String(e)}`);
    return 1;
  }
}

export const bidCommands: Record<string, Command> = {
  bid: {
    summary: 'prepare, seal and submit a bid on this machine (requirements, compose, pdf, seal, submit, verify-receipt)',
    usage: USAGE,
    options: {
      dir: { type: 'string' },
      url: { type: 'string' },
      cert: { type: 'string' },
      key: { type: 'string' },
      entity: { type: 'string' },
      sections: { type: 'string' },
      force: { type: 'boolean' },
      set: { type: 'string', multiple: true },
      file: { type: 'string', multiple: true },
      manager: { type: 'string' },
      member: { type: 'string', multiple: true },
      bond: { type: 'string' },
      out: { type: 'string', short: 'o' },
      font: { type: 'string' },
      'font-face': { type: 'string' },
      replace: { type: 'string' },
      retries: { type: 'string' },
      'chunk-size': { type: 'string' },
      'log-key': { type: 'string' },
      manifest: { type: 'string' },
      applications: { type: 'boolean' },
    },
    run: runBid,
  },
};

export { ApiProblem, moneyValueToFen };
