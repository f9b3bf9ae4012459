// What the command line writes must never drive the terminal: a cell, a header or a file name may
// hold ESC (an ANSI escape sequence recolours, moves the cursor, retitles the window), other C0
// and C1 controls, or bidirectional overrides that reorder a line on screen. Text output writes
// them out as [U+XXXX]; JSON output escapes what JSON.stringify leaves as it is (C1, bidi, zero-width).
import { codePointName, visibleText } from '@/domain/issues';

/** A line (or lines) for the terminal: hidden characters written out, line breaks kept. */
export function terminalText(text: string): string {
  return text.split('\n').map(visibleText).join('\n');
}

// JSON.stringify escapes U+0000–U+001F itself.
const JSON_UNSAFE = /[\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/** A JSON text with the characters JSON.stringify leaves raw written as \uXXXX escapes (still the same JSON). */
export function terminalJson(json: string): string {
  return json.replace(JSON_UNSAFE, (ch) => `\\u${codePointName(ch).slice(2).toLowerCase()}`);
}
