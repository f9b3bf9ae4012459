// How the UTF-8 reading of bytes reads, character by character: as the text a Chinese bureau
// writes, or as what GBK bytes look like when read as UTF-8 (letters of mixed or foreign scripts,
// controls). decode.ts weighs this against the GB18030 reading to tell the two encodings apart.
/**
 * What the UTF-8 reading of bytes says of them, in characters above ASCII: `text` is what a
 * Chinese bureau writes (Chinese, kana and Hangul, Tibetan, Mongolian and Yi, punctuation and
 * symbols such as · × ° ± ½ ˉ ≥ ①, and words of Latin, Greek, Cyrillic or Arabic letters, see
 * TextJudge); `odd` is what no such text holds, and what GBK bytes look like read as UTF-8
 * (医院 → "ҽԺ", 潜山 → "Ǳɽ", 余场 → "�ೡ"): C1 controls, IPA, Armenian, Hebrew, the scripts of
 * South and South-East Asia, private use, unassigned code points, and words that mix scripts;
 * `invalid` counts byte sequences that are not UTF-8 (each a � of the decoder, a literal � too).
 */
export interface Utf8Reading {
  text: number;
  odd: number;
  invalid: number;
}

// What a character above ASCII is to TextJudge: a letter of a script, a combining mark (part of
// the word it follows, of no script of its own), a symbol (text by itself) or odd by itself.
const LATIN = 1;
const GREEK = 2;
const CYRILLIC = 3;
const ARABIC = 4;
/** Letters of scripts a Chinese bureau's table never holds (IPA, Armenian, Hebrew, Syriac, …). */
const FOREIGN = 5;
const MARK = 0;
const SYMBOL = -1;
const ODD = -2;

/** What a code point U+0080–U+07FF is (see LATIN … ODD). */
function twoByteClass(c: number): number {
  if (c < 0xa0) return ODD; // C1 controls
  if (c < 0xc0 || c === 0xd7 || c === 0xf7) return SYMBOL; // Latin-1's punctuation and signs, × ÷
  if (c < 0x250) return LATIN;
  if (c < 0x2b0) return FOREIGN; // IPA
  if (c < 0x300) return c === 0x2c7 || (c >= 0x2c9 && c <= 0x2cb) || c === 0x2d9 ? SYMBOL : ODD; // ˇ ˉ ˊ ˋ ˙
  if (c < 0x370) return MARK;
  if (c < 0x386 || c === 0x387 || c === 0x38b || c === 0x38d || c === 0x3a2) return ODD; // signs, unassigned
  if (c < 0x3cf) return GREEK;
  if (c < 0x400) return FOREIGN; // archaic Greek, Coptic
  if (c < 0x530) return c >= 0x460 && c <= 0x489 ? FOREIGN : CYRILLIC; // historic Cyrillic apart
  if ((c >= 0x600 && c < 0x700) || (c >= 0x750 && c < 0x780)) return ARABIC;
  return FOREIGN; // Armenian, Hebrew, Syriac, Thaana, NKo
}

/** Whether a Greek letter is one of the 24 without marks, which stand alone as signs (α, β, Ω). */
function plainGreek(c: number): boolean {
  return (c >= 0x391 && c <= 0x3a9) || (c >= 0x3b1 && c <= 0x3c9);
}

/**
 * Whether a character of three bytes (U+0800–U+FFFF, not a surrogate) is odd: the scripts of South
 * and South-East Asia, the Caucasus, Africa and the Americas, polytonic Greek, Glagolitic, Latin
 * Extended-C/D, private use. Chinese, its punctuation and radicals, kana, bopomofo, Hangul,
 * Tibetan, Mongolian, Yi, symbols and full-width forms are text.
 */
function oddThreeByte(c: number): boolean {
  return (
    (c >= 0x800 && c < 0xf00) ||
    (c >= 0x1000 && c < 0x1800) ||
    (c >= 0x18b0 && c < 0x1e00) ||
    (c >= 0x1f00 && c < 0x2000) ||
    (c >= 0x2c00 && c < 0x2e00) ||
    (c >= 0xa4d0 && c < 0xac00) ||
    (c >= 0xd7b0 && c < 0xd800) ||
    (c >= 0xe000 && c < 0xf900)
  );
}

/**
 * Counts a UTF-8 reading's characters as Utf8Reading says, fed the text in pieces. Letters are
 * judged by the word they are in (a run of letters, ASCII ones included, with their combining
 * marks): a word whose letters above ASCII are of one script is text when that script is Latin and
 * the word holds an ASCII letter too (Café, Müller, Nguyễn, pinyin such as lǚyóu), Greek (a word,
 * or one of the plain letters used as signs: α, β, Ω), or Cyrillic or Arabic of two letters or
 * more (Иванов); otherwise its letters above ASCII are odd. A GBK character whose two bytes happen
 * to be UTF-8 is one letter of the script its first byte picks (C4–C9 Latin Extended, CA–CB IPA,
 * CE–CF Greek, D0–D4 Cyrillic, D4–D5 Armenian, D6–D7 Hebrew, …), so Chinese words of two
 * characters or more read as letters of mixed scripts, and one character alone as one letter with
 * no ASCII one beside it.
 */
class TextJudge {
  text = 0;
  odd = 0;
  invalid = 0;
  // The word being read: its ASCII letters, its letters above ASCII, their script (0 none yet, -1
  // mixed), and its first letter above ASCII.
  private ascii = 0;
  private letters = 0;
  private script = 0;
  private first = 0;

  private endWord(): void {
    if (this.letters > 0) {
      const s = this.script;
      const ok =
        (s === LATIN && this.ascii > 0) ||
        (s === GREEK && (this.letters >= 2 || plainGreek(this.first))) ||
        ((s === CYRILLIC || s === ARABIC) && this.letters >= 2);
      if (ok) this.text += this.letters;
      else this.odd += this.letters;
    }
    this.ascii = 0;
    this.letters = 0;
    this.script = 0;
  }

  private letter(c: number, script: number): void {
    if (this.letters++ === 0) this.first = c;
    if (script === MARK) return;
    if (this.script === 0) this.script = script;
    else if (this.script !== script) this.script = -1;
  }

  push(s: string): void {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) {
        if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) this.ascii++;
        else if (this.ascii + this.letters > 0) this.endWord();
        continue;
      }
      const k = c < 0x800 ? twoByteClass(c) : c >= 0x1e00 && c < 0x1f00 ? LATIN : SYMBOL;
      if (k > MARK || (k === MARK && this.ascii + this.letters > 0)) {
        this.letter(c, k);
        continue;
      }
      this.endWord();
      if (k === MARK || k === ODD)
        this.odd++; // a combining mark with no letter before it too
      else if (c < 0x800) this.text++;
      else if (c === 0xfffd) this.invalid++;
      else if (c >= 0xd800 && c < 0xdc00) {
        this.text++; // a character beyond U+FFFF: CJK Extension B and later, emoji
        i++;
      } else if (oddThreeByte(c)) this.odd++;
      else this.text++;
    }
  }

  end(): Utf8Reading {
    this.endWord();
    return { text: this.text, odd: this.odd, invalid: this.invalid };
  }
}

/** Characters that TextJudge may count as odd; a UTF-8 text with none of them is all text. */
export const MAYBE_ODD =
  /[\u0080-\u009f\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02c6\u02c8\u02cc-\u02d8\u02da-\u0eff\u1000-\u17ff\u18b0-\u1fff\u2c00-\u2dff\ua4d0-\uabff\ud7b0-\ud7ff\ue000-\uf8ff]/;

/** The UTF-8 reading of `bytes`, counted (see Utf8Reading), decoded `sliceBytes` at a time. */
export function utf8Reading(bytes: Uint8Array, sliceBytes: number): Utf8Reading {
  const judge = new TextJudge();
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  for (let off = 0; off < bytes.length; off += sliceBytes) {
    judge.push(decoder.decode(bytes.subarray(off, off + sliceBytes), { stream: true }));
  }
  judge.push(decoder.decode());
  return judge.end();
}
