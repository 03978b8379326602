/**
 * Builds a string that a regular expression matches, so the emulator can answer `regex` cases
 * correctly. It walks the pattern once and takes the simplest way through it: the first
 * alternative that can be built, the minimum repeat count, and for any single-character atom
 * (`.`, `\d`, `\w`, `\s`, `\p{…}`, `[…]`, `[^…]`) the first of a few candidate characters that the
 * atom alone accepts. Anchors, `\b` and lookarounds are zero-width and contribute nothing;
 * backreferences repeat what their group produced.
 *
 * That is a guess, not a proof: the caller must test the result against the whole pattern (a
 * lookahead such as `(?=.*\d)` or a `\b` between two word characters defeats it) and treat a
 * failed test as "no example". Returns undefined for syntax it does not follow.
 */
const CANDIDATE_CHARACTERS = ['a', 'A', '0', ' ', '_', '-', '.', 'x', ',', '!', 'é', '中', '\n'];
const SINGLE_CHARACTER_ESCAPES = new Set(['d', 'D', 'w', 'W', 's', 'S']);
const CONTROL_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', f: '\f', v: '\v', '0': '\0' };

/**
 * A string that the regex `source` (with RegExp `flags`; `g`, `y`, `d` ignored) probably matches,
 * built by the walk described in the file comment above, so the emulator's "correct" answers pass
 * `regex` cases. Returns undefined for syntax it does not follow or a backreference to an unbuilt
 * group; the caller must still test the result against the full pattern. Never throws.
 */
export function exampleMatching(source: string, flags = ''): string | undefined {
  const atomFlags = flags.replace(/[gyd]/g, '');
  const captures: Array<string | undefined> = [];
  const namedCaptures = new Map<string, string | undefined>();
  let position = 0;

  /** A character that `atomSource` alone matches, or undefined. */
  function characterFor(atomSource: string, extraCandidates: string[] = []): string | undefined {
    let atom: RegExp;
    try {
      atom = new RegExp(`^(?:${atomSource})$`, atomFlags);
    } catch {
      return undefined;
    }
    return [...extraCandidates, ...CANDIDATE_CHARACTERS].find((candidate) => atom.test(candidate));
  }

  function alternation(): string | undefined {
    const alternatives = [sequence()];
    while (source[position] === '|') {
      position++;
      alternatives.push(sequence());
    }
    return alternatives.find((alternative) => alternative !== undefined);
  }

  function sequence(): string | undefined {
    let built: string | undefined = '';
    while (position < source.length && source[position] !== '|' && source[position] !== ')') {
      const piece = quantified(atom());
      built = built === undefined || piece === undefined ? undefined : built + piece;
    }
    return built;
  }

  function quantified(piece: string | undefined): string | undefined {
    const rest = source.slice(position);
    const quantifier = /^(?:[*+?]|\{(\d+)(?:,\d*)?\})\??/.exec(rest);
    if (quantifier === null) return piece;
    position += quantifier[0].length;
    const minimum = quantifier[0].startsWith('+') ? 1 : Number(quantifier[1] ?? 0);
    return piece === undefined ? undefined : piece.repeat(minimum);
  }

  function atom(): string | undefined {
    const char = source[position] as string;
    position++;
    if (char === '^' || char === '$') return '';
    if (char === '.') return characterFor('.');
    if (char === '\\') return escapeSequence();
    if (char === '[') return characterClass();
    if (char === '(') return group();
    return char;
  }

  function escapeSequence(): string | undefined {
    const rest = source.slice(position);
    const property = /^[pP]\{[^}]*\}/.exec(rest);
    if (property !== null) {
      position += property[0].length;
      return characterFor(`\\${property[0]}`);
    }
    const codePoint = /^(?:u\{([0-9a-fA-F]+)\}|u([0-9a-fA-F]{4})|x([0-9a-fA-F]{2}))/.exec(rest);
    if (codePoint !== null) {
      position += codePoint[0].length;
      return String.fromCodePoint(parseInt(codePoint[1] ?? codePoint[2] ?? codePoint[3] ?? '', 16));
    }
    const control = /^c([A-Za-z])/.exec(rest);
    if (control !== null) {
      position += control[0].length;
      return String.fromCharCode((control[1] as string).charCodeAt(0) % 32);
    }
    const backreference = /^(?:(\d+)|k<([^>]+)>)/.exec(rest);
    if (backreference !== null && rest[0] !== '0') {
      position += backreference[0].length;
      return backreference[1] !== undefined ? captures[Number(backreference[1]) - 1] : namedCaptures.get(backreference[2] ?? '');
    }
    const escaped = source[position] as string;
    position++;
    if (escaped === 'b' || escaped === 'B') return '';
    if (SINGLE_CHARACTER_ESCAPES.has(escaped)) return characterFor(`\\${escaped}`);
    return CONTROL_ESCAPES[escaped] ?? escaped;
  }

  function characterClass(): string | undefined {
    const start = position - 1;
    while (position < source.length && source[position] !== ']') position += source[position] === '\\' ? 2 : 1;
    position++;
    const classSource = source.slice(start, position);
    const literals = [...classSource.slice(1, -1).replace(/^\^/, '').replace(/\\./g, '')];
    return characterFor(classSource, literals);
  }

  function group(): string | undefined {
    const header = /^\?(?::|=|!|<=|<!|<([A-Za-z_$][\w$]*)>)/.exec(source.slice(position));
    position += header?.[0].length ?? 0;
    const captureIndex = header === null ? captures.push(undefined) - 1 : undefined;
    const inner = alternation();
    if (source[position] !== ')') return undefined;
    position++;
    if (header !== null && /^\?(?:=|!|<=|<!)$/.test(header[0])) return '';
    if (captureIndex !== undefined) captures[captureIndex] = inner;
    if (header?.[1] !== undefined) namedCaptures.set(header[1], inner);
    return inner;
  }

  const example = alternation();
  return position === source.length ? example : undefined;
}
