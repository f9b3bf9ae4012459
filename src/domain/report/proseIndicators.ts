// Indicators written as sentences, as self-evaluation reports do under a heading per level 1:
// `1、“招大引强”目标：应完成10个，完成10个。` (target after 应, actual after it), and level-1
// weights and scores in a sentence: `项目产出标准分20分，项目效益标准分30分…`,
// `决策部分10分，过程部分20分…`, `项目产出得分20分，…满意度5分`.
import type { DraftIndicator, DraftRecord, Reading, Statement } from './draft';
import { coreOf, compact, isLevel2Name, parentOfLevel2 } from './levels';
import { matchable } from './numbers';
import type { OutlinePara } from './outline';
import { warning } from './warn';

const LEVEL1_HEADING = /^(?:项目)?(产出|效益|效果|满意度|管理|成本|决策|过程)(?:指标|情况)?$/;
const ITEM = /^\d{1,2}\s*[、.．]\s*([^：:]{2,60}?)[：:](.+)$/d;
const VERBS = /^(?:应|实际)?(?:完成|达到|参加|制作|开展|举办|实现|组织|召开)*/;
const QUANTITY = /(\d[\d.,，\-~～]*\s*[^\d，。；、\s]{0,4}?(?:以上|以下|左右)?)$/;

function clean(s: string): string {
  return s.trim().replace(/[。；;，,\s]+$/, '');
}

/** The level 1 a paragraph's headings name, with the heading's statement. */
export function level1Heading(p: OutlinePara): { name: string; heading: string; location: string } | null {
  for (let i = p.path.length - 1; i >= 0; i--) {
    const h = p.path[i]!;
    if (LEVEL1_HEADING.test(compact(h.title))) return { name: compact(h.title), heading: h.text, location: h.location };
  }
  return null;
}

/** Splits `应完成签约重点项目50个，重点项目签约金额50亿元，完成50个，50.5亿元` into targets and actuals. */
export function targetsAndActuals(body: string): { targets: string[]; actuals: string[] } | null {
  const from = body.indexOf('应');
  if (from < 0) return null;
  const parts = clean(body.slice(from))
    .split(/[，,]/)
    .map((p) => p.trim())
    .filter(Boolean);
  const targets: string[] = [];
  const actuals: string[] = [];
  for (const [i, part] of parts.entries()) {
    if (i === 0) targets.push(part);
    else if (actuals.length === 0 && !/^(?:完成|达到|实际|参加|制作|开展|举办|实现|引进)/.test(part))
      targets.push(part);
    else actuals.push(part);
  }
  if (actuals.length === 0) return null;
  return { targets, actuals };
}

function split(part: string): { object: string; quantity: string } {
  const stripped = part.replace(VERBS, '');
  const q = QUANTITY.exec(matchable(stripped));
  if (!q) return { object: stripped, quantity: stripped };
  return { object: stripped.slice(0, q.index).replace(/[的]$/, ''), quantity: stripped.slice(q.index) };
}

const LISTED = /^(产出指标|效益指标|效果指标|满意度指标|成本指标)[：:](.+)$/;
const LISTED_TARGET = /([≥≤＞＜>=<]?\s*\d[\d.,]*\s*[^\d；;，,。\s]{0,4})$/;

/**
 * Indicators a sentence lists after their level 1: `产出指标：科技交流与合作组织实施展会1场；商贸事务活动场次1场；组织培训≥6次。`
 * Each item is a level 3, its trailing quantity the target.
 */
export function readListedIndicators(reading: Reading, p: OutlinePara, record: DraftRecord): boolean {
  const m = LISTED.exec(p.text.trim());
  if (!m) return false;
  const level1 = reading.statement(m[1]!, m[1]!, p.location);
  for (const raw of m[2]!.split(/[；;]/)) {
    const item = clean(raw);
    if (!item) continue;
    const q = LISTED_TARGET.exec(matchable(item));
    const name = q ? item.slice(0, q.index).trim() : item;
    if (!name) continue;
    const fields: DraftIndicator['fields'] = {};
    if (q) fields.target = reading.statement(compact(item.slice(q.index)), item.slice(q.index).trim(), p.location);
    record.indicators.push({
      level1,
      level2: null,
      level3: reading.statement(name, name, p.location),
      fields,
      disputed: {},
    });
  }
  return true;
}

export function readProseIndicators(reading: Reading, p: OutlinePara, record: DraftRecord): void {
  if (readListedIndicators(reading, p, record)) return;
  const l1 = level1Heading(p);
  if (!l1 || p.heading) return;
  // Numbered half-width or full-width (`１、`); the name and body are read as written.
  const numbered = ITEM.exec(matchable(p.text));
  const item = numbered?.indices ? ([1, 2] as const).map((g) => p.text.slice(...numbered.indices![g]!)) : null;
  const push = (level2: Statement | null, level3: Statement, target: string, actual: string, quote: string): void => {
    let name = l1.name;
    let how: 'read' | 'derived' = 'read';
    const parent = level2 ? parentOfLevel2(String(level2.value)) : null;
    if (parent && coreOf(parent) !== coreOf(name)) {
      const said = record.warnings.some((w) => w.code === 'level1_heading_mismatch' && w.location === l1.location);
      if (!said)
        record.warnings.push(
          warning(
            'level1_heading_mismatch',
            { heading: name, level2: String(level2!.value), level1: parent },
            { location: l1.location, kind: 'records' },
          ),
        );
      name = parent;
      how = 'derived';
    }
    const ind: DraftIndicator = {
      level1: reading.statement(
        name,
        how === 'read' ? l1.heading : String(level2!.text),
        how === 'read' ? l1.location : level2!.location,
        how,
      ),
      level2,
      level3,
      fields: {
        target: reading.statement(target, quote.includes(target) ? target : quote, p.location),
        actual: reading.statement(actual, quote.includes(actual) ? actual : quote, p.location),
      },
      disputed: {},
    };
    record.indicators.push(ind);
  };
  if (item) {
    const name = clean(item[0]!);
    const ta = targetsAndActuals(item[1]!);
    if (!ta) return;
    const isL2 = isLevel2Name(name);
    const level2 = isL2 ? reading.statement(name, name, p.location) : null;
    ta.targets.forEach((t, i) => {
      const target = split(t);
      const actual = split(ta.actuals[i] ?? ta.actuals[ta.actuals.length - 1]!);
      const level3Name = isL2 ? target.object : name;
      if (!level3Name) return;
      push(level2, reading.statement(level3Name, level3Name, p.location), target.quantity, actual.quantity, p.text);
    });
    return;
  }
  // A sentence: `…提升企业对我区营商环境的企业满意度，应达到80%以上，达到80%以上。`
  const m = /([^，。；]{2,40})，\s*(应[^，。；]*，[^。；]*)/.exec(p.text);
  if (!m) return;
  const ta = targetsAndActuals(m[2]!);
  if (!ta || ta.targets.length !== 1) return;
  const object = m[1]!.split('的').pop()!.trim();
  if (!object) return;
  push(
    null,
    reading.statement(object, object, p.location),
    split(ta.targets[0]!).quantity,
    split(ta.actuals[0]!).quantity,
    p.text,
  );
}

const WEIGHT_WORDS = /标准分|分值|权重/;
const PART = /^(?:其中)?\s*([\u4e00-\u9fa5]{2,8}?)?(?:部分)?(标准分|分值|权重|得分)?(?:为)?\s*(\d+(?:\.\d+)?)分$/;

/**
 * Level-1 weights and scores stated in a sentence, by level-1 name: a part says what it is
 * (`决策指标分值15分，得分13.50分`) or the sentence does (`项目产出得分20分，…满意度5分`); a
 * part without a name (`得分13.50分`) speaks of the name before it.
 */
export function level1Sentences(
  text: string,
): { name: string; kind: 'weight' | 'score'; value: number; text: string }[] {
  const out: { name: string; kind: 'weight' | 'score'; value: number; text: string }[] = [];
  for (const sentence of text.split(/[。；]/)) {
    const weights = WEIGHT_WORDS.test(sentence);
    const scores = /得分/.test(sentence);
    if (!weights && !scores) continue;
    let last: string | null = null;
    for (const seg of sentence.split(/[，,、]/)) {
      const m = PART.exec(matchable(seg.trim()));
      if (!m) {
        last = null;
        continue;
      }
      // `得分13.50分`: the word read as a name is the kind, and the name is the one before.
      const word = m[1] && /^(?:得分|分值|标准分|权重)$/.test(m[1]) ? m[1] : m[2];
      const written = m[1] === word ? undefined : m[1];
      const named =
        written && !/总分|合计|满分|百分/.test(written) && coreOf(written) ? written.replace(/^项目/, '') : null;
      const name: string | null = named ?? (written ? null : last);
      if (!name) continue;
      last = name;
      const kind = word
        ? word === '得分'
          ? 'score'
          : 'weight'
        : weights && !scores
          ? 'weight'
          : scores && !weights
            ? 'score'
            : null;
      if (kind) out.push({ name, kind, value: Number(m[3]), text: seg.trim() });
    }
  }
  return out;
}

/** Puts sentence-stated level-1 weights and scores on the record's level-1 rows (made when the report has none). */
export function applyLevel1Sentences(
  reading: Reading,
  p: OutlinePara,
  record: DraftRecord,
  headings: ReadonlyMap<string, { name: string; heading: string; location: string }>,
): void {
  for (const part of level1Sentences(p.text)) {
    const core = coreOf(part.name);
    let row = record.indicators.find((i) => !i.level2 && !i.level3 && coreOf(String(i.level1.value)) === core);
    if (!row) {
      // Named as the report's tables or headings name that level 1, else as the sentence does.
      const existing = record.indicators.find((i) => coreOf(String(i.level1.value)) === core);
      const heading = core ? headings.get(core) : undefined;
      const level1 = existing
        ? existing.level1
        : heading
          ? reading.statement(heading.name, heading.heading, heading.location)
          : reading.statement(part.name, part.text, p.location);
      row = { level1, level2: null, level3: null, fields: {}, disputed: {} };
      record.indicators.push(row);
    }
    const s = reading.statement(part.value, part.text, p.location);
    const prev = row.fields[part.kind];
    if (!prev) row.fields[part.kind] = s;
    else if (Number(prev.value) !== part.value) (row.disputed[part.kind] ??= []).push(s);
  }
}
