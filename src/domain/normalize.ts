// Text normalisation for matching labels people type: full-width to half-width, no spaces, lower
// case; and the one form in which names that identify rows (agency, project, indicator, fund item)
// are stored, so that the same name pasted from different places is one name.

/** Full-width ASCII (U+FF01–U+FF5E) and the ideographic space to their half-width forms. */
export function toHalfWidth(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCodePoint(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

/**
 * Characters that take no room on screen: zero-width space, non-joiner and joiner, word joiner,
 * the BOM as a zero-width no-break space, the soft hyphen, the Mongolian vowel separator.
 */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad\u180e]/g;

/** The form two labels are compared in: half-width, lower case, no white space, nothing invisible. */
export function normalizeLabel(s: string): string {
  return toHalfWidth(s).toLowerCase().replace(/\s+/g, '').replace(INVISIBLE, '');
}

// What may differ between two writings of one name: invisible characters, any white space (no-break,
// ideographic, tabs, line breaks, runs of spaces), full-width Latin letters and digits.
const NAME_VARIANT = /[\s\u200b-\u200d\u2060\ufeff\u00ad\u180e\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/;

/** Whether a character is written in CJK or full-width: a space next to one means nothing. */
function isWide(c: number): boolean {
  return c >= 0x2e80;
}

/**
 * A name in the one form it is stored in: invisible characters dropped, full-width Latin letters
 * and digits made half-width, every run of white space one space, and none at all next to a
 * Chinese character or at either end (北京市 朝阳区 and 北京市朝阳区 are one name; Beijing  Office is
 * Beijing Office). Everything else, full-width punctuation included, stays as written. A name with
 * none of those characters is returned as it is (the same string): the caller compares to learn
 * whether anything changed.
 */
export function normalizeName(s: string): string {
  if (!NAME_VARIANT.test(s)) return s;
  const t = s.replace(INVISIBLE, '');
  let out = '';
  let space = false;
  for (let i = 0; i < t.length; i++) {
    let c = t.charCodeAt(i);
    if ((c >= 0xff10 && c <= 0xff19) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a)) c -= 0xfee0;
    const ch = String.fromCharCode(c);
    if (/\s/.test(ch)) {
      space = true;
      continue;
    }
    if (space && out !== '' && !isWide(out.charCodeAt(out.length - 1)) && !isWide(c)) out += ' ';
    space = false;
    out += ch;
  }
  return out;
}
