/**
 * The composition of a bid (A-88), offline: bid.json in the workspace holds the bidSummary values
 * for the document's fields, the project manager and team with their resident ID numbers, the bond
 * and the files per document part; `validateComposition` checks it against a section's requirements
 * and reports every problem at once.
 */
import { stat } from 'node:fs/promises';
import { basename, extname, isAbsolute, join } from 'node:path';
import { BID_SUMMARY_FORMAT, residentIdProblem, type BiddingRequirements, type BidPerson, type BidSummaryPayload } from '@bidhall/contracts';
import { MoneyError, moneyValueToFen } from './bid-money.ts';
import { isTextPart } from './bid-pdf.ts';

export const BID_FORMAT = 'bidhall-bid/1';
const MIB = 1024 * 1024;
const MAX_FILES_PER_PART = 20;

export type Person = BidPerson;
export { BID_SUMMARY_FORMAT, type BidSummaryPayload };

export interface BidSections {
  bidSummary?: Record<string, unknown>;
  bond?: { form: 'deposit' | 'guarantee'; reference?: string };
  files?: Record<string, string[]>;
}

export interface BidComposition extends BidSections {
  format: typeof BID_FORMAT;
  /** The sections this bid is for (seal seals each unless --sections names others). */
  sections: string[];
  projectManager?: Person;
  team?: Person[];
  /** Values that differ by section: a price per section, another bond reference … */
  perSection?: Record<string, BidSections>;
}

export interface PreparedFile {
  partKey: string;
  /** The file as given (relative to the workspace or absolute). */
  source: string;
  /** The file to seal: the source, or the PDF a text part becomes. */
  path: string;
  /** The part name in the manifest: "<partKey>/<file name>". */
  name: string;
  mediaType: string;
  convert: boolean;
}

export interface CompositionResult {
  problems: string[];
  warnings: string[];
  summary: BidSummaryPayload;
  files: PreparedFile[];
  bond: { form: 'deposit' | 'guarantee'; reference?: string } | undefined;
}

const MEDIA_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  ofd: 'application/ofd',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  xml: 'application/xml',
  zip: 'application/zip',
  dwg: 'image/vnd.dwg',
  jpg: 'image/jpeg',
  png: 'image/png',
};

export const extensionOf = (name: string) =>
  extname(name)
    .slice(1)
    .toLowerCase()
    .replace(/^jpeg$/, 'jpg');

/** A new composition for the sections whose requirements are in the workspace. */
export function templateFor(reqs: BiddingRequirements[]): BidComposition {
  const first = reqs[0];
  const bidSummary: Record<string, unknown> = {};
  for (const f of first?.document.bidSummaryFields ?? []) bidSummary[f.key] = f.type === 'select' ? (f.options?.[0] ?? '') : '';
  const files: Record<string, string[]> = {};
  for (const p of first?.document.parts ?? []) files[p.key] = [];
  const needsBond = reqs.some((r) => r.bond.required);
  return {
    format: BID_FORMAT,
    sections: reqs.map((r) => r.sectionId),
    bidSummary,
    projectManager: { name: '', residentId: '' },
    team: [],
    ...(needsBond ? { bond: { form: first!.bond.forms[0] ?? 'deposit', reference: '' } } : {}),
    files,
  };
}

function mergedFor(bid: BidComposition, sectionId: string): BidSections {
  const own = bid.perSection?.[sectionId] ?? {};
  return {
    bidSummary: { ...(bid.bidSummary ?? {}), ...(own.bidSummary ?? {}) },
    ...((own.bond ?? bid.bond) ? { bond: own.bond ?? bid.bond } : {}),
    files: { ...(bid.files ?? {}), ...(own.files ?? {}) },
  };
}

function personProblems(p: unknown, label: string, problems: string[]): Person | null {
  if (typeof p !== 'object' || p === null) {
    problems.push(`${label}: give {"name": …, "residentId": …}`);
    return null;
  }
  const { name, residentId, role } = p as Record<string, unknown>;
  const ok = {
    name: typeof name === 'string' ? name.trim() : '',
    residentId: typeof residentId === 'string' ? residentId.trim().toUpperCase() : '',
  };
  if (!ok.name) problems.push(`${label}: the name is missing`);
  else if (ok.name.length > 50) problems.push(`${label}: the name is longer than 50 characters`);
  if (!ok.residentId) problems.push(`${label} ${ok.name}: the resident ID number is missing`);
  else {
    const why = residentIdProblem(ok.residentId);
    if (why === 'shape') problems.push(`${label} ${ok.name}: ${ok.residentId} is not an 18-character resident ID number`);
    else if (why === 'birthDate') problems.push(`${label} ${ok.name}: ${ok.residentId} has no valid birth date`);
    else if (why === 'checkCharacter')
      problems.push(`${label} ${ok.name}: ${ok.residentId} has a wrong check character (a typing error?)`);
  }
  return role !== undefined && typeof role === 'string' && role.trim() ? { ...ok, role: role.trim() } : ok;
}

export type FileSize = (path: string) => Promise<number | null>;

export const fileSizeOnDisk: FileSize = async (path) => {
  try {
    const s = await stat(path);
    return s.isFile() ? s.size : null;
  } catch {
    return null;
  }
};

/** Checks the composition for one section and prepares what seal needs; every problem is listed. */
export async function validateComposition(
  bid: BidComposition,
  req: BiddingRequirements,
  opts: { root: string; convertedDir: string; sizeOf?: FileSize },
): Promise<CompositionResult> {
  const sizeOf = opts.sizeOf ?? fileSizeOnDisk;
  const problems: string[] = [];
  const warnings: string[] = [];
  if (bid.format !== BID_FORMAT) problems.push(`bid.json: "format" must be "${BID_FORMAT}"`);
  const s = mergedFor(bid, req.sectionId);

  // The bidSummary fields the document defines.
  const fields: Record<string, string | number> = {};
  const given = s.bidSummary ?? {};
  for (const f of req.document.bidSummaryFields) {
    const v = given[f.key];
    const label = `bidSummary ${f.label} (${f.key})`;
    if (v === undefined || v === null || v === '') {
      if (f.required) problems.push(`${label} is required`);
      continue;
    }
    switch (f.type) {
      case 'money':
        try {
          const fen = moneyValueToFen(v);
          if (fen === '0') warnings.push(`${label} is zero`);
          fields[f.key] = fen;
        } catch (err) {
          problems.push(`${label}: ${err instanceof MoneyError ? err.message : String(err)}`);
        }
        break;
      case 'integer': {
        const text = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : '';
        if (!/^\d{1,9}$/.test(text))
          problems.push(`${label}: ${JSON.stringify(v)} is not a whole number${f.unit ? ` of ${f.unit}` : ''}`);
        else fields[f.key] = Number(text);
        break;
      }
      case 'select':
        if (typeof v !== 'string' || !(f.options ?? []).includes(v))
          problems.push(`${label}: choose one of ${(f.options ?? []).join(', ')}`);
        else fields[f.key] = v;
        break;
      case 'text':
        if (typeof v !== 'string' && typeof v !== 'number') problems.push(`${label}: give text`);
        else if (String(v).trim().length > 500) problems.push(`${label}: longer than 500 characters`);
        else fields[f.key] = String(v).trim();
    }
  }
  for (const k of Object.keys(given)) {
    if (!req.document.bidSummaryFields.some((f) => f.key === k))
      problems.push(
        `bidSummary ${k} is not a field of this document (its fields: ${req.document.bidSummaryFields.map((f) => f.key).join(', ')})`,
      );
  }

  // The project manager and team.
  let projectManager: Person | null = null;
  if (!bid.projectManager || (!bid.projectManager.name && !bid.projectManager.residentId))
    problems.push('the project manager is missing (name and resident ID number)');
  else projectManager = personProblems(bid.projectManager, 'project manager', problems);
  const team: Person[] = [];
  if (bid.team !== undefined && !Array.isArray(bid.team)) problems.push('team: give a list of {"name", "residentId", "role"}');
  for (const [i, m] of (Array.isArray(bid.team) ? bid.team : []).entries()) {
    const p = personProblems(m, `team member ${i + 1}`, problems);
    if (p) team.push(p);
  }
  const ids = [projectManager, ...team].filter((p): p is Person => !!p?.residentId).map((p) => p.residentId);
  for (const dup of new Set(ids.filter((id, i) => ids.indexOf(id) !== i)))
    problems.push(`resident ID number ${dup} appears more than once in the team`);

  // The bond (A-102, A-104).
  let bond: CompositionResult['bond'];
  if (s.bond) {
    const form = s.bond.form;
    const reference = typeof s.bond.reference === 'string' && s.bond.reference.trim() ? s.bond.reference.trim() : undefined;
    if (form !== 'deposit' && form !== 'guarantee') problems.push('bond.form must be "deposit" or "guarantee"');
    else if (req.bond.required && !req.bond.forms.includes(form))
      problems.push(`bond: this document accepts ${req.bond.forms.join(' or ')}, not ${form}`);
    else if (form === 'guarantee' && !reference) problems.push('bond: an e-guarantee needs its reference (guarantee number)');
    else if (reference && reference.length > 100) problems.push('bond.reference is longer than 100 characters');
    else bond = { form, ...(reference ? { reference } : {}) };
  } else if (req.bond.required) {
    problems.push(
      `bond: the document asks for a bid bond of ${req.bond.amountFen} fen (${req.bond.forms.join(' or ')}); give bond.form and, for a guarantee, bond.reference`,
    );
  }

  // The files per part.
  const files: PreparedFile[] = [];
  const givenFiles = s.files ?? {};
  const names = new Set<string>();
  for (const key of Object.keys(givenFiles)) {
    if (!req.document.parts.some((p) => p.key === key))
      problems.push(
        `files.${key}: the document has no part ${key} (its parts: ${req.document.parts.map((p) => p.key).join(', ')})`,
      );
  }
  for (const part of req.document.parts) {
    const list = givenFiles[part.key] ?? [];
    if (!Array.isArray(list)) {
      problems.push(`files.${part.key}: give a list of file paths`);
      continue;
    }
    if (part.required && list.length === 0)
      problems.push(`${part.name} (${part.key}) is required: add its file(s) under files.${part.key}`);
    if (list.length > MAX_FILES_PER_PART) problems.push(`${part.name}: at most ${MAX_FILES_PER_PART} files`);
    let total = 0;
    for (const source of list) {
      if (typeof source !== 'string' || !source) {
        problems.push(`files.${part.key}: ${JSON.stringify(source)} is not a file path`);
        continue;
      }
      const abs = isAbsolute(source) ? source : join(opts.root, source);
      const convert = isTextPart(source);
      const fileName = convert ? `${basename(source).replace(/\.(txt|md|markdown)$/i, '')}.pdf` : basename(source);
      const ext = extensionOf(fileName);
      const size = await sizeOf(abs);
      if (size === null) {
        problems.push(`${part.name}: ${source} does not exist or is not a file`);
        continue;
      }
      if (!(part.fileTypes as string[]).includes(ext)) {
        problems.push(
          `${part.name}: ${source} is not one of the accepted types (${part.fileTypes.join(', ')})${convert ? '; text parts become PDF' : ''}`,
        );
        continue;
      }
      const name = `${part.key}/${fileName}`;
      if (names.has(name)) problems.push(`${part.name}: two files would be named ${fileName}`);
      names.add(name);
      if (name.length > 200) problems.push(`${part.name}: the file name ${fileName} is too long`);
      const path = convert ? join(opts.convertedDir, part.key, fileName) : abs;
      if (convert) {
        const pdfSize = await sizeOf(path);
        if (pdfSize !== null) total += pdfSize;
      } else total += size;
      files.push({ partKey: part.key, source, path, name, mediaType: MEDIA_TYPES[ext] ?? 'application/octet-stream', convert });
    }
    if (total > part.maxSizeMiB * MIB)
      problems.push(`${part.name}: ${(total / MIB).toFixed(1)} MiB is more than the ${part.maxSizeMiB} MiB the document allows`);
  }

  if (!req.open)
    warnings.push(`the section does not accept bids now (deadline ${req.bidDeadline}, server time ${req.serverTime})`);

  return {
    problems,
    warnings,
    files,
    bond,
    summary: {
      format: BID_SUMMARY_FORMAT,
      sectionId: req.sectionId,
      fields,
      projectManager,
      team,
      bond: bond ? { form: bond.form, reference: bond.reference ?? null } : null,
    },
  };
}
