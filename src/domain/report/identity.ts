// Which record a report (or a part of one) is about: the agency, through the registry and its
// aliases, the fiscal year, department-overall or project, and the project's name, read from the
// title first and from the text where the title leaves them out.
import { KNOWN_AGENCIES, agencyRegion, canonicalAgency, findAgency } from '@/domain/agencies';
import { normalizeLabel } from '@/domain/normalize';
import type { Scope } from '@/domain/types';
import type { Reading, Statement } from './draft';
import { matchable } from './numbers';

/** A report's (or a part's) title: `…绩效评价报告`, `…绩效自评报告（2024年度）`. */
export function isReportTitle(text: string): boolean {
  const t = text.trim();
  if (t.length > 90 || /[。；]/.test(t) || /^《/.test(t)) return false;
  return /(?:评价|自评|评估)报告\s*(?:[（(][^）)]*[）)])?$/.test(t);
}

// Every name of every registered agency, longest first, so `北京市朝阳区投资促进服务中心` wins over `朝阳区投资促进服务中心`.
const ALIASES = KNOWN_AGENCIES.flatMap((a) => [a.name, a.short, ...a.aliases])
  .filter((n, i, all) => all.indexOf(n) === i)
  .sort((a, b) => b.length - a.length);

// How the official names of government bodies end.
const AGENCY_SUFFIX =
  '(?:委员会|分会|管理局|促进局|服务中心|事务中心|办事处|办公室|人民政府|政府|中心|局|厅|委|办|院|所|站|馆|队|会|署|校|学校|医院|集团|公司)';
// A title names the agency, then the year, a quoted project or 部门整体…: the agency ends where
// those begin. Only a title with none of them is cut at the last name ending before the rest.
const AGENCY_BEFORE_MARK = new RegExp(
  `^(?:关于)?([\\u4e00-\\u9fa5]{2,30}?${AGENCY_SUFFIX})(?=(?:19|20)\\d{2}年|“|"|「|关于|部门整体|整体支出|部门预算)`,
);
const AGENCY_BEFORE_TEXT = new RegExp(`^(?:关于)?([\\u4e00-\\u9fa5]{2,30}${AGENCY_SUFFIX})(?=[\\u4e00-\\u9fa5]{2,})`);
// Where the text says who carries the project out.
const ROLE_AGENCY = new RegExp(
  `(?:项目(?:实施|主管|承办)?单位|实施单位|主管部门|预算单位|责任单位)(?:为|是|：|:)\\s*([\\u4e00-\\u9fa5]{2,30}?${AGENCY_SUFFIX})(?=[。，；,（(\\s]|$)`,
);
const INTRODUCED_AGENCY = new RegExp(`([\\u4e00-\\u9fa5]{2,30}${AGENCY_SUFFIX})[（(]以下简称`);

export interface FoundAgency {
  written: string;
  canonical: string;
  known: boolean;
}

/** A registered agency named in the text (the longest alias that occurs), with where it starts. */
export function knownAgencyIn(text: string): (FoundAgency & { at: number }) | null {
  const plain = normalizeLabel(text);
  for (const alias of ALIASES) {
    const at = text.indexOf(alias);
    if (at >= 0) return { written: alias, canonical: canonicalAgency(alias), known: true, at };
    // Written with spaces or full-width letters: found in the normalised text, quoted as the alias.
    if (plain.includes(normalizeLabel(alias)) && findAgency(alias)) {
      const loose = text.replace(/\s+/g, '').indexOf(alias);
      if (loose >= 0) return { written: alias, canonical: canonicalAgency(alias), known: true, at: loose };
    }
  }
  return null;
}

/** An agency not in the registry, as a title names it before its year or project, or as the text introduces it. */
export function unknownAgencyIn(text: string, title: boolean): FoundAgency | null {
  // Matched half-width (a year in full-width digits ends the name too); the name itself has no digits to change.
  const t = matchable(text.replace(/\s+/g, ''));
  const m = title
    ? (AGENCY_BEFORE_MARK.exec(t) ?? AGENCY_BEFORE_TEXT.exec(t))
    : (INTRODUCED_AGENCY.exec(t) ?? ROLE_AGENCY.exec(t));
  if (!m) return null;
  return { written: m[1]!, canonical: m[1]!, known: false };
}

const YEAR = /((?:19|20)\d{2})\s*年/g;

/** The year a title names (`2019年`, `（2024年度）`, `２０１９年`), with its text as written. */
export function yearIn(text: string): { year: number; text: string } | null {
  YEAR.lastIndex = 0;
  const m = YEAR.exec(matchable(text));
  return m ? { year: Number(m[1]), text: text.slice(m.index, m.index + m[0].length) } : null;
}

/** Where `year` is named in the text (`2024年`, `２０２４年`), as written; null when it is not. */
export function yearMention(text: string, year: number): string | null {
  for (const m of matchable(text).matchAll(YEAR))
    if (Number(m[1]) === year) return text.slice(m.index, m.index + m[0].length);
  return null;
}

/** The year the body speaks of most (`2024年批复…`, `2024年度…`), when the title names none. */
export function mostNamedYear(texts: readonly string[]): number | null {
  const counts = new Map<number, number>();
  for (const t of texts)
    for (const m of matchable(t).matchAll(YEAR)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  let best: number | null = null;
  for (const [y, n] of counts)
    if (best === null || n > counts.get(best)! || (n === counts.get(best)! && y < best)) best = y;
  return best;
}

const DEPARTMENT = /部门整体|整体支出|部门绩效|整体绩效|部门预算绩效/;

const compactName = (s: string): string => s.replace(/\s+/g, '').replace(/^[“"「]|[”"」]$/g, '');

export function scopeOf(title: string): Scope {
  return DEPARTMENT.test(title) && !/[“"「][^”"」]+[”"」]\s*项目/.test(title) ? 'department' : 'project';
}

const QUOTED = /[“"「『]\s*([^”"」』]+?)\s*[”"」』]/;
// What follows the project's name in a title; `项目` stays part of an unquoted name (`全民健身设施提升项目`).
const TITLE_TAIL = /(?:财政)?(?:支出)?(?:绩效)?(?:评价|自评|评估)?报告\s*(?:[（(][^）)]*[）)])?$/;

/** The project a title names: the quoted name, else what is left between the agency, the year and `绩效评价报告`. */
export function projectIn(title: string, agency: string | null): string {
  const quoted = QUOTED.exec(title);
  if (quoted) return quoted[1]!.trim();
  // Half-width, so that a year in full-width digits (`２０１９年`) is cut off like any other.
  let t = matchable(title.replace(/\s+/g, ''));
  if (agency) {
    const at = t.indexOf(matchable(agency));
    if (at >= 0) t = t.slice(at + agency.length);
  }
  t = t
    .replace(TITLE_TAIL, '')
    .replace(/^关于/, '')
    .replace(/^(?:19|20)\d{2}年度?/, '')
    .replace(/(?:19|20)\d{2}年度?$/, '')
    .replace(/^的/, '');
  return t.trim();
}

export interface Identity {
  agency: Statement | null;
  known: boolean;
  year: Statement | null;
  scope: { value: Scope; statement: Statement };
  project: Statement | null;
  region: string;
}

export interface TitleSource {
  text: string;
  location: string;
}

/**
 * The record a part of a report is about. `titles` are the title's paragraphs, `context` the
 * headings and paragraphs around it (a part heading `第四部分 2022年度…`, the body), `inherited`
 * what the part before it established (a report of a department and then its projects names the
 * agency once).
 */
/** A labelled line of a report's cover or basic-information table: `项目名称：…`, `项目实施单位：…`. */
export interface CoverField {
  label: string;
  /** The value as written (the evidence). */
  value: string;
  location: string;
}

const COVER_LINE =
  /^(项目名称|项目单位|项目实施单位|实施单位|预算单位|主管部门|项目主管部门|部门名称|单位名称|被评价单位|评价机构|评价单位|第三方评价机构)\s*[：:]\s*(\S.{0,60})$/;

export function coverFieldOf(text: string, location: string): CoverField | null {
  const m = COVER_LINE.exec(text.trim());
  return m ? { label: m[1]!, value: m[2]!.trim().replace(/[。；]$/, ''), location } : null;
}

const AGENCY_LABEL = /单位|部门/;

/**
 * The record a part of a report is about. `titles` are the title's paragraphs, `cover` the
 * labelled lines of its cover, `context` the headings and paragraphs around it (a part heading
 * `第四部分 2022年度…`, the body), `inherited` what the part before it established (a report of
 * a department and then its projects names the agency once). The title speaks first, then the
 * cover, then the text.
 */
export function identify(
  reading: Reading,
  titles: readonly TitleSource[],
  context: readonly TitleSource[],
  inherited: { agency: Statement | null; known: boolean; year: Statement | null },
  cover: readonly CoverField[] = [],
): Identity {
  const titleText = titles.map((t) => t.text).join('');
  const where = titles[titles.length - 1]?.location ?? context[0]?.location ?? '';
  let agency: Statement | null = null;
  let known = false;
  const known_ = (sources: readonly TitleSource[]): boolean => {
    for (const src of sources) {
      const found = knownAgencyIn(src.text);
      if (found) {
        agency = reading.statement(found.canonical, found.written, src.location);
        known = true;
        return true;
      }
    }
    return false;
  };
  const unknown_ = (sources: readonly TitleSource[], isTitle: boolean): boolean => {
    for (const src of sources) {
      const found = unknownAgencyIn(src.text, isTitle);
      if (found && src.text.replace(/\s+/g, '').includes(found.written)) {
        agency = reading.statement(
          found.canonical,
          src.text.includes(found.written) ? found.written : src.text,
          src.location,
        );
        return true;
      }
    }
    return false;
  };
  const coverAgency = cover.find((c) => AGENCY_LABEL.test(c.label));
  const joined = titles.length > 1 ? [{ text: titleText, location: titles[0]!.location }] : [];
  // A title over several lines names the agency on its first: the lines are also read as one.
  if (!known_(titles) && !unknown_([...joined, ...titles], true)) {
    if (coverAgency) {
      const found = knownAgencyIn(coverAgency.value);
      agency = reading.statement(
        found?.canonical ?? coverAgency.value,
        found?.written ?? coverAgency.value,
        coverAgency.location,
      );
      known = found !== null;
    } else if (!known_(context) && !unknown_(context, false) && inherited.agency) {
      agency = inherited.agency;
      known = inherited.known;
    }
  }
  let year: Statement | null = null;
  for (const src of titles) {
    const y = yearIn(src.text);
    if (y) {
      year = reading.statement(y.year, y.text, src.location);
      break;
    }
  }
  if (!year) {
    const named = mostNamedYear(context.map((c) => c.text));
    const src = named === null ? undefined : context.find((c) => yearMention(c.text, named) !== null);
    if (named !== null && src) year = reading.statement(named, yearMention(src.text, named)!, src.location);
    else if (inherited.year) year = inherited.year;
  }
  const scope = scopeOf(titleText);
  const scopeText = titles.find((t) => /部门|整体|项目/.test(t.text))?.text ?? titles[0]?.text ?? '';
  const scopeWord = /部门整体|整体支出|部门绩效|整体绩效|项目/.exec(scopeText)?.[0] ?? scopeText;
  let project: Statement | null = null;
  const coverProject = cover.find((c) => c.label === '项目名称');
  if (scope === 'project') {
    const agencyWritten = agency ? String((agency as Statement).text) : null;
    const name = projectIn(titleText, agencyWritten);
    const src = titles.find((t) => t.text.replace(/\s+/g, '').includes(name)) ?? titles[0];
    // `项目支出绩效评价报告` names no project: 项目 alone is the kind of report.
    const named = !/^(?:项目|专项|资金|经费)?$/.test(name);
    if (named && src) project = reading.statement(name, src.text.includes(name) ? name : src.text, src.location);
    else if (coverProject)
      project = reading.statement(compactName(coverProject.value), coverProject.value, coverProject.location);
  }
  const region = agency && known ? agencyRegion(String(agency.value)) : '';
  return {
    agency,
    known,
    year,
    scope: { value: scope, statement: reading.statement(scope, scopeWord, where) },
    project,
    region,
  };
}
