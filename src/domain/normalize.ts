// Text normalisation for matching labels people type: full-width to half-width, no spaces, lower case.

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

/** The form two labels are compared in: half-width, lower case, no white space. */
export function normalizeLabel(s: string): string {
  return toHalfWidth(s).toLowerCase().replace(/\s+/g, '');
}
