/**
 * A small strict XML 1.0 reader for tests (no dependency offers one): it accepts an optional XML
 * declaration, one root element, attributes, text, character and the five predefined entity
 * references, and throws on anything a conforming parser would reject in those constructs
 * (illegal characters, bad references, `<` in attributes, unquoted or duplicate attributes,
 * mismatched tags, `]]>` in text, content after the root).
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const NAME = /[A-Za-z_:][-A-Za-z0-9_:.]*/y;

function isXmlChar(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

export function parseXmlStrict(xml: string): XmlElement {
  for (const character of xml) {
    const code = character.codePointAt(0) as number;
    if (!isXmlChar(code)) throw new Error(`illegal character U+${code.toString(16)} in document`);
  }
  let position = 0;
  const fail = (message: string): never => {
    throw new Error(`${message} at offset ${position}: ${JSON.stringify(xml.slice(position, position + 30))}`);
  };
  const skipSpace = (): void => {
    while (position < xml.length && ' \t\r\n'.includes(xml[position] as string)) position++;
  };
  const expect = (literal: string): void => {
    if (!xml.startsWith(literal, position)) fail(`expected ${JSON.stringify(literal)}`);
    position += literal.length;
  };
  const name = (): string => {
    NAME.lastIndex = position;
    const match = NAME.exec(xml);
    if (match === null) return fail('expected a name');
    position += match[0].length;
    return match[0];
  };
  const reference = (): string => {
    const end = xml.indexOf(';', position);
    if (end < 0) return fail('unterminated reference');
    const body = xml.slice(position + 1, end);
    position = end + 1;
    const numeric = /^#(?:x([0-9A-Fa-f]+)|([0-9]+))$/.exec(body);
    if (numeric !== null) {
      const code = numeric[1] !== undefined ? parseInt(numeric[1], 16) : Number(numeric[2]);
      if (!isXmlChar(code)) fail(`reference to illegal character ${body}`);
      return String.fromCodePoint(code);
    }
    const entity = PREDEFINED[body];
    return entity ?? fail(`unknown entity &${body};`);
  };
  const attributeValue = (): string => {
    const quote = xml[position];
    if (quote !== '"' && quote !== "'") return fail('attribute value must be quoted');
    position++;
    let value = '';
    while (xml[position] !== quote) {
      const character = xml[position];
      if (character === undefined) fail('unterminated attribute value');
      if (character === '<') fail('"<" in attribute value');
      if (character === '&') value += reference();
      else {
        value += character === '\t' || character === '\n' || character === '\r' ? ' ' : character;
        position++;
      }
    }
    position++;
    return value;
  };
  const element = (): XmlElement => {
    expect('<');
    const tag = name();
    const result: XmlElement = { name: tag, attributes: {}, children: [], text: '' };
    for (;;) {
      const before = position;
      skipSpace();
      if (xml.startsWith('/>', position)) {
        position += 2;
        return result;
      }
      if (xml[position] === '>') break;
      if (position === before) fail('expected whitespace before an attribute');
      const attribute = name();
      if (attribute in result.attributes) fail(`duplicate attribute ${attribute}`);
      skipSpace();
      expect('=');
      skipSpace();
      result.attributes[attribute] = attributeValue();
    }
    position++;
    for (;;) {
      if (position >= xml.length) fail(`unclosed <${tag}>`);
      if (xml.startsWith('</', position)) {
        position += 2;
        if (name() !== tag) fail(`mismatched closing tag for <${tag}>`);
        skipSpace();
        expect('>');
        return result;
      }
      if (xml.startsWith(']]>', position)) fail('"]]>" in text');
      if (xml.startsWith('<![CDATA[', position) || xml.startsWith('<!', position) || xml.startsWith('<?', position)) fail('unsupported markup');
      if (xml[position] === '<') result.children.push(element());
      else if (xml[position] === '&') result.text += reference();
      else result.text += xml[position++];
    }
  };

  if (xml.startsWith('<?xml')) {
    const end = xml.indexOf('?>');
    if (end < 0) fail('unterminated XML declaration');
    position = end + 2;
  }
  skipSpace();
  const root = element();
  skipSpace();
  if (position !== xml.length) fail('content after the root element');
  return root;
}

/** Every element named `name` below `root`, depth first. */
export function findAll(root: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  const visit = (element: XmlElement): void => {
    if (element.name === name) found.push(element);
    element.children.forEach(visit);
  };
  visit(root);
  return found;
}
