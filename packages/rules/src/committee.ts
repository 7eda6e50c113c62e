/**
 * The evaluation committee (评标委员会, issue 12 §2): its composition rules and the avoidance filter
 * applied to the expert pool before a draw. Pure functions, no I/O.
 */
import { parseBusinessDate } from './business-date.ts';

// ---------------------------------------------------------------------------------------------------
// Composition

export interface CommitteePlanFacts {
  /** Members in all: expert seats plus the tenderer's representatives. */
  size: number;
  tendererRepresentatives: number;
  /** Expert seats of the plan, all specialties together. */
  expertSeats: number;
  /** 依法必须进行招标的项目: B-020 and B-021 apply. */
  mandatory: boolean;
  /** 水利工程: B-022 applies. */
  waterProject: boolean;
  /**
   * The prequalification review committee (资格审查委员会, 'application') follows the evaluation committee's
   * rules (Regulation art. 18), checked as B-045 and B-046; the evaluation committee ('bid', the default)
   * as B-020 and B-021.
   */
  sitting?: 'bid' | 'application';
}

export type CommitteeRule = 'B-020' | 'B-021' | 'B-022' | 'B-045' | 'B-046' | 'size' | 'seats';

export interface CommitteeIssue {
  rule: CommitteeRule;
  message: string;
}

const isOdd = (n: number) => n % 2 === 1;
const isCount = (n: number) => Number.isSafeInteger(n) && n >= 0;

/**
 * Every refusal of a committee's composition, empty when it is lawful:
 * - B-020 (Law on Tendering art. 37): a mandatory section's committee has 5 or more members, an odd number;
 * - B-021 (same article): technical and economic experts are at least two thirds of the members, so the
 *   tenderer's representatives are at most one third;
 * - B-045 and B-046: the same two for a prequalification review committee (Regulation art. 18);
 * - B-022 (water projects, 水利工程建设项目招标投标管理规定): 7 or more members, an odd number;
 * - size: any other section's committee has 3 or more members, an odd number;
 * - seats: the expert seats and the representatives add up to the size.
 */
export function committeeIssues(plan: CommitteePlanFacts): CommitteeIssue[] {
  const issues: CommitteeIssue[] = [];
  const { size, tendererRepresentatives: reps, expertSeats, mandatory, waterProject } = plan;
  const review = plan.sitting === 'application';
  const committee = review ? 'review committee' : 'committee';
  if (!isCount(size) || !isCount(reps) || !isCount(expertSeats)) {
    issues.push({ rule: 'seats', message: 'the size, the expert seats and the representatives must be whole numbers, not negative' });
    return issues;
  }
  if (mandatory) {
    if (size < 5 || !isOdd(size)) {
      issues.push({ rule: review ? 'B-045' : 'B-020', message: `a section that must be tendered needs a ${committee} of 5 or more members, an odd number; the plan has ${size}` });
    }
    // experts ≥ 2/3 of members  ⇔  representatives ≤ 1/3 of members (integers: 3 × reps ≤ size).
    if (reps * 3 > size) {
      issues.push({
        rule: review ? 'B-046' : 'B-021',
        message: `technical and economic experts must be at least two thirds of the ${committee}: ${reps} of ${size} members are the tenderer's representatives, at most ${Math.floor(size / 3)} may be`,
      });
    }
  } else if (size < 3 || !isOdd(size)) {
    issues.push({ rule: 'size', message: `a committee needs 3 or more members, an odd number; the plan has ${size}` });
  }
  if (waterProject && (size < 7 || !isOdd(size))) {
    issues.push({ rule: 'B-022', message: `a water project needs a committee of 7 or more members, an odd number; the plan has ${size}` });
  }
  if (expertSeats + reps !== size) {
    issues.push({ rule: 'seats', message: `${expertSeats} expert seats and ${reps} representatives make ${expertSeats + reps} members, not the committee's ${size}` });
  }
  return issues;
}

// ---------------------------------------------------------------------------------------------------
// The avoidance filter before a draw

export interface UnitRef {
  creditCode?: string | null;
  name: string;
}

export interface PoolExpert {
  id: string;
  regionCode: string;
  shared: boolean;
  level: string;
  specialties: string[];
  state: string;
  /** Hash of the person's ID number. */
  personRef: string;
  employer: UnitRef;
  conflicts: {
    employers: { creditCode?: string | null; name: string; from: string; until: string | null }[];
    relativesEmployers: { relation: string; name: string }[];
  };
}

export interface DrawCriteria {
  /** A specialty code: 'A01' matches experts with A01; a parent 'A' matches A and every A.. child. */
  specialty: string;
  levels: string[];
  /** Six-digit region codes whose pools are used (exact match). */
  regionCodes: string[];
  /** Regions counting as the section's own (its region and children); experts outside them must be shared. */
  homeRegionCodes: string[];
  /** Expert ids already drawn. */
  exclude: string[];
}

export interface Avoidance {
  units: UnitRef[];
  /** People to avoid, e.g. the section's supervising staff (hashes of ID numbers, as `personRef`). */
  personRefs: string[];
}

export interface EligibleExperts {
  /** Ids of admitted experts matching the criteria and tied to nothing avoided, in pool order. */
  eligible: string[];
  avoided: number;
  /** Ids matching the criteria but avoided, in pool order. */
  avoidedIds: string[];
}

/** Years before the draw during which a former employer still counts (until ≥ today − 3 years). */
export const FORMER_EMPLOYER_YEARS = 3;

const ADMITTED = 'admitted';

/**
 * A unit name as compared: trimmed, full-width parentheses as half-width, no whitespace, lower case.
 * "北京某某建设集团（有限）公司 " and "北京某某建设集团(有限)公司" are the same unit.
 */
export function normaliseUnitName(name: string): string {
  return name.replace(/（/g, '(').replace(/）/g, ')').replace(/\s+/g, '').toLowerCase();
}

/**
 * Employer names repeat across the pool and across draws (one call per specialty, one draw after
 * another): each spelling is normalised once and kept in a bounded cache. Memoising a pure function
 * changes no result.
 */
const NAME_CACHE_LIMIT = 200_000;
const normalisedNames = new Map<string, string>();
function cachedUnitName(name: string): string {
  let n = normalisedNames.get(name);
  if (n === undefined) {
    if (normalisedNames.size >= NAME_CACHE_LIMIT) normalisedNames.clear();
    normalisedNames.set(name, (n = normaliseUnitName(name)));
  }
  return n;
}

const PLAIN_CODE = /^[0-9A-Z]+$/;
/** A credit code as compared: trimmed, upper case; null when blank. */
function normaliseCode(code: string | null | undefined): string | null {
  if (!code) return null;
  if (PLAIN_CODE.test(code)) return code;
  const c = code.trim().toUpperCase();
  return c ? c : null;
}

/** 'YYYY-MM-DD' minus whole years; 29 February falls back to the 28th in a common year. */
function yearsBefore(today: string, years: number): string {
  const d = parseBusinessDate(today);
  const y = Number(d.slice(0, 4)) - years;
  let md = d.slice(5);
  if (md === '02-29' && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) md = '02-28';
  return `${String(y).padStart(4, '0')}-${md}`;
}

/** Bits of what a unit name (normalised) is among the avoided units. */
const NAMED = 1; // the name of some avoided unit
const NAMED_WITHOUT_CODE = 2; // the name of an avoided unit that has no credit code

/**
 * The avoided units as sets, so that each expert costs a few lookups whatever the number of units.
 * `matches(code, name)`: by credit code when both sides have one, else by normalised name.
 */
function unitMatcher(units: readonly UnitRef[]) {
  const codes = new Set<string>();
  const names = new Map<string, number>();
  for (const u of units) {
    const code = normaliseCode(u.creditCode);
    const name = normaliseUnitName(u.name);
    if (code) codes.add(code);
    names.set(name, (names.get(name) ?? 0) | NAMED | (code ? 0 : NAMED_WITHOUT_CODE));
  }
  const anyWithoutCode = [...names.values()].some((b) => b & NAMED_WITHOUT_CODE);
  function nameBits(name: string): number {
    return names.get(cachedUnitName(name)) ?? 0;
  }
  function matches(creditCode: string | null | undefined, name: string): boolean {
    const code = normaliseCode(creditCode);
    if (code !== null) {
      if (codes.has(code)) return true;
      return anyWithoutCode && (nameBits(name) & NAMED_WITHOUT_CODE) !== 0;
    }
    return (nameBits(name) & NAMED) !== 0;
  }
  return { none: units.length === 0, matches };
}

/**
 * The experts a draw may select: admitted, of the specialty (or a child of it), of one of the
 * levels and regions, not drawn already, and from the section's own regions unless in the shared pool;
 * less those avoided: whose current employer, a former employer left less than 3 years before `today`
 * (or not left), or a relative's employer is an avoided unit, and the avoided people themselves.
 * Costs one pass over the pool and a few set lookups per expert (no loop over the units).
 */
export function eligibleExperts(pool: readonly PoolExpert[], criteria: DrawCriteria, avoidance: Avoidance, today: string): EligibleExperts {
  const cutoff = yearsBefore(today, FORMER_EMPLOYER_YEARS);
  const levels = new Set(criteria.levels);
  const regions = new Set(criteria.regionCodes);
  const home = new Set(criteria.homeRegionCodes);
  const excluded = new Set(criteria.exclude);
  const people = new Set(avoidance.personRefs);
  const units = unitMatcher(avoidance.units);
  const specialty = criteria.specialty;

  const eligible: string[] = [];
  const avoidedIds: string[] = [];
  for (let i = 0; i < pool.length; i++) {
    const e = pool[i]!;
    if (e.state !== ADMITTED || !levels.has(e.level) || !regions.has(e.regionCode)) continue;
    if (!e.shared && !home.has(e.regionCode)) continue;
    if (!hasSpecialty(e.specialties, specialty)) continue;
    if (excluded.size > 0 && excluded.has(e.id)) continue;
    const avoided = (people.size > 0 && people.has(e.personRef)) || (!units.none && tiedTo(e, units.matches, cutoff));
    (avoided ? avoidedIds : eligible).push(e.id);
  }
  return { eligible, avoided: avoidedIds.length, avoidedIds };
}

/** Does one of the expert's specialties equal the criterion or descend from it ('A' → 'A01')? */
function hasSpecialty(specialties: readonly string[], criterion: string): boolean {
  for (let i = 0; i < specialties.length; i++) if (specialties[i]!.startsWith(criterion)) return true;
  return false;
}

/**
 * Current employer, a former one whose `until` is null or on/after the cutoff (ISO strings compare in
 * date order, a date-time after its own date), or a relative's employer.
 */
function tiedTo(e: PoolExpert, matches: (code: string | null | undefined, name: string) => boolean, cutoff: string): boolean {
  if (matches(e.employer.creditCode, e.employer.name)) return true;
  const formers = e.conflicts.employers;
  for (let i = 0; i < formers.length; i++) {
    const f = formers[i]!;
    if ((f.until === null || f.until >= cutoff) && matches(f.creditCode, f.name)) return true;
  }
  const relatives = e.conflicts.relativesEmployers;
  for (let i = 0; i < relatives.length; i++) if (matches(null, relatives[i]!.name)) return true;
  return false;
}
