// Letter-spaced and justified text (CSS `letter-spacing`, `text-align: justify`, Word's distributed
// alignment). pdf.js writes a space wherever two glyphs of one run stand more than a tenth of the
// font size apart, so such a line reads `预 算 数 281.28 万 元` or `2 , 8 1 2 . 8 0`. Chinese puts
// no spaces between its characters: where a segment's own spacing shows (most of its pieces are
// single characters), its spaces are that spacing, not words.

/** Chinese characters, radicals, CJK and full-width punctuation, and the quotes Chinese text uses. */
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u2018-\u201f\u2026\u2014\u00b7]/;

/**
 * A run of single digits and number marks, one space apart (a letter-spaced number). Joined only
 * when it reads as one number: grouped, with decimals or a percent, or two to four digits (a
 * score, a year). `表 2 2 0 1 9` may be two numbers (`表2 2019`): five digits or more are left as
 * they stand, and the figure is not read.
 */
const SPACED_NUMBER = /(?<![\d,.%])\d(?: [\d,.%](?![\d,.%]))+/g;
const ONE_NUMBER = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?%?$|^\d+\.\d+%?$|^\d+%$|^\d{2,4}$/;

/** Whether a segment is letter-spaced: three pieces or more, at least half of them (and two) one character. */
export function isLetterSpaced(text: string): boolean {
  const pieces = text.split(' ').filter((p) => p !== '');
  const single = pieces.filter((p) => [...p].length === 1).length;
  return pieces.length >= 3 && single >= 2 && single * 2 >= pieces.length;
}

/**
 * A segment's text without the spaces its letter-spacing put in: those touching a Chinese
 * character, and those inside one number. A segment not letter-spaced is returned as it is (a
 * space there may part two words or two figures).
 */
export function closeLetterSpacing(text: string): string {
  if (!isLetterSpaced(text)) return text;
  const joined = text.replace(/(\S) (?=(\S))/g, (pair, a: string, b: string) =>
    CJK.test(a) || CJK.test(b) ? a : pair,
  );
  return joined.replace(SPACED_NUMBER, (run) => {
    const number = run.replace(/ /g, '');
    return ONE_NUMBER.test(number) ? number : run;
  });
}
