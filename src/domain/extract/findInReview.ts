// Finding words in the report under review. The review draws only the blocks near its view, so the
// browser's own find-in-page cannot see the rest of the text: the review searches its document
// itself and brings each block that holds the words into view.
import type { ReviewBlock, ReviewDocument } from './reviewDocument';

/** A block's text as read: a paragraph's label and pieces, a table's cells one after another. */
export function blockText(block: ReviewBlock): string {
  if (block.type === 'paragraph') return block.label + block.pieces.map((p) => p.text).join('');
  return block.rows.map((row) => row.map((cell) => cell.pieces.map((p) => p.text).join('')).join('\t')).join('\n');
}

/** Text compared without case or white space (a PDF's text layer breaks lines and spaces anywhere). */
function folded(text: string): string {
  return text.replace(/\s+/g, '').toLowerCase();
}

/** The ids of the blocks whose text holds `query`, in reading order; none for a blank query. */
export function findInReview(doc: ReviewDocument, query: string): number[] {
  const q = folded(query);
  if (q === '') return [];
  return doc.blocks.filter((b) => folded(blockText(b)).includes(q)).map((b) => b.id);
}
