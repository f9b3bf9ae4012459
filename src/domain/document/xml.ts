// A small view over fast-xml-parser's ordered output (`preserveOrder`), which keeps mixed content
// and element order exactly — what WordprocessingML needs — and runs in a worker (no DOMParser).
// Names are matched by their local part, so a document that binds WordprocessingML to another
// prefix than `w:` reads the same.
import { XMLParser } from 'fast-xml-parser';

export type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: false,
});

/** The document's top-level nodes; throws on XML that is not well-formed enough to read. */
export function parseXml(text: string): XmlNode[] {
  return parser.parse(text) as XmlNode[];
}

const ATTRS = ':@';

/** The element's name without its prefix (`w:p` → `p`), '#text' for text. */
export function localName(node: XmlNode): string {
  for (const key of Object.keys(node)) {
    if (key === ATTRS) continue;
    const colon = key.indexOf(':');
    return colon < 0 ? key : key.slice(colon + 1);
  }
  return '';
}

function rawName(node: XmlNode): string {
  for (const key of Object.keys(node)) if (key !== ATTRS) return key;
  return '';
}

export function childrenOf(node: XmlNode): XmlNode[] {
  const value = node[rawName(node)];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

/** The text of a text node. */
export function textOf(node: XmlNode): string {
  const value = node['#text'];
  return typeof value === 'string' ? value : value === undefined ? '' : String(value);
}

/** An attribute by its local name (`w:val` and `val` alike). */
export function attr(node: XmlNode, name: string): string | undefined {
  const attrs = node[ATTRS] as Record<string, string> | undefined;
  if (!attrs) return undefined;
  for (const key of Object.keys(attrs)) {
    const colon = key.indexOf(':');
    if ((colon < 0 ? key : key.slice(colon + 1)) === name) return attrs[key];
  }
  return undefined;
}

/** The first child element with this local name. */
export function child(node: XmlNode, name: string): XmlNode | undefined {
  return childrenOf(node).find((c) => localName(c) === name);
}

export function childrenNamed(node: XmlNode, name: string): XmlNode[] {
  return childrenOf(node).filter((c) => localName(c) === name);
}

/** Follows a path of local names (`pPr`, `pStyle`) from a node. */
export function path(node: XmlNode | undefined, ...names: string[]): XmlNode | undefined {
  let at = node;
  for (const name of names) at = at && child(at, name);
  return at;
}

/** The top-level element of a parsed part with this local name. */
export function rootOf(nodes: readonly XmlNode[], name: string): XmlNode | undefined {
  return nodes.find((n) => localName(n) === name);
}
