// The little XML reading the .xlsx reader needs: character data unescaped (the five entities,
// numeric references, and OOXML's `_xHHHH_` escapes of ST_Xstring), attributes of a start tag,
// and elements by local name, whatever namespace prefix the writer used (`<x:row>` from some
// .NET libraries, `<row>` from Excel and WPS).

const ENTITY: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML character data → text: `&amp;` `&#20013;` `&#x4E2D;` and the named entities. */
export function xmlUnescape(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (m, ref: string) => {
    if (ref.startsWith('#x')) return safeChar(parseInt(ref.slice(2), 16)) ?? m;
    if (ref.startsWith('#')) return safeChar(parseInt(ref.slice(1), 10)) ?? m;
    return ENTITY[ref] ?? m;
  });
}

function safeChar(code: number): string | null {
  return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : null;
}

/**
 * The text of an OOXML string (shared string, inline string, formula string result): unescaped,
 * then `_xHHHH_` written for characters XML cannot hold decoded (`_x000D_` is CR, `_x005F_` a
 * literal underscore that protects what follows).
 */
export function ooxmlText(s: string): string {
  const t = xmlUnescape(s);
  if (t.indexOf('_x') < 0) return t;
  return t.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const ATTR = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The attributes of a start tag's source (`<sheet name="记录" r:id="rId1"/>`), by name as written and by local name. */
export function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  ATTR.lastIndex = 0;
  for (let m = ATTR.exec(tag); m !== null; m = ATTR.exec(tag)) {
    const value = xmlUnescape(m[2] ?? m[3] ?? '');
    const name = m[1]!;
    out.set(name, value);
    const colon = name.indexOf(':');
    if (colon >= 0 && !out.has(name.slice(colon + 1))) out.set(name.slice(colon + 1), value);
  }
  return out;
}

/** The start tags (self-closing or not) of elements named `local` (any prefix), as source text. */
export function startTags(xml: string, local: string): string[] {
  const re = new RegExp(`<(?:[\\w.-]+:)?${local}(?=[\\s/>])[^>]*>`, 'g');
  return xml.match(re) ?? [];
}

/** The source of the first element named `local` (any prefix) with its content, or '' when absent. */
export function elementSource(xml: string, local: string): string {
  const open = new RegExp(`<((?:[\\w.-]+:)?)${local}(?=[\\s/>])[^>]*?(/?)>`).exec(xml);
  if (!open) return '';
  if (open[2] === '/') return open[0];
  const close = xml.indexOf(`</${open[1]}${local}>`, open.index);
  return close < 0 ? xml.slice(open.index) : xml.slice(open.index, close + open[1]!.length + local.length + 3);
}
