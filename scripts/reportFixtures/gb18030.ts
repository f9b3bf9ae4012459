// A GB18030 (GBK range) encoder for writing the GB18030 fixture: Node's TextEncoder speaks only
// UTF-8, so the table is built once by decoding every two-byte GBK code with TextDecoder.
let table: Map<string, number> | null = null;

function gbkTable(): Map<string, number> {
  if (table) return table;
  table = new Map();
  const decoder = new TextDecoder('gb18030');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, (lead << 8) | trail);
    }
  }
  return table;
}

export function encodeGb18030(text: string): Uint8Array {
  const t = gbkTable();
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const gb = t.get(ch);
      if (gb === undefined) throw new Error(`not in GBK: ${ch} (U+${code.toString(16)})`);
      out.push(gb >> 8, gb & 0xff);
    }
  }
  return new Uint8Array(out);
}
