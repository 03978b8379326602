import { sampleOf } from './sample.js';
import type { PayloadSink, TextFraming } from './types.js';

/**
 * A relay (or the CDN in front of it) answered with a web page: a login wall, a Cloudflare error,
 * a 502 page. Its title is the most useful one-line message; the rest is kept only as a sample.
 */

/** Error pages put their title early; past this the page is not worth keeping in memory. */
const MAX_HTML_CHARS = 64 * 1024;

const TITLE = /<title[^>]*>([\s\S]*?)<\/title>/i;
const INVISIBLE_BLOCKS = /<(script|style|head)\b[\s\S]*?<\/\1>|<!--[\s\S]*?-->/gi;
const TAG = /<[^>]*>/g;
const WHITESPACE_RUN = /\s+/g;
const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
const ENTITY = /&(#\d+|#x[0-9a-f]+|[a-z]+);/gi;

function decodeEntity(match: string, name: string): string {
  if (name[0] === '#') {
    const codePoint = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return Number.isFinite(codePoint) && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : match;
  }
  return ENTITIES[name.toLowerCase()] ?? match;
}

function cleanText(fragment: string): string {
  return fragment.replace(TAG, ' ').replace(ENTITY, decodeEntity).replace(WHITESPACE_RUN, ' ').trim();
}

/** The page's `<title>`, else its first visible text. */
export function htmlErrorMessage(html: string): string {
  const title = TITLE.exec(html)?.[1];
  const fromTitle = title === undefined ? '' : cleanText(title);
  if (fromTitle !== '') return fromTitle;
  const visible = cleanText(html.replace(INVISIBLE_BLOCKS, ' '));
  return visible === '' ? 'HTML page without text' : sampleOf(visible);
}

/**
 * A framing for a body that is an HTML page: keeps at most 64 KiB of it and, at the end, hands
 * the sink one `html` problem whose message is the page's title (else its first visible text).
 */
export function createHtmlFraming(sink: PayloadSink): TextFraming {
  const pieces: string[] = [];
  let keptChars = 0;

  return {
    push(text) {
      if (keptChars >= MAX_HTML_CHARS) return;
      const kept = text.slice(0, MAX_HTML_CHARS - keptChars);
      pieces.push(kept);
      keptChars += kept.length;
    },
    finish() {
      const html = pieces.join('');
      sink.problem({ kind: 'html', message: 'the relay answered with an HTML page', sample: sampleOf(html.trim()) });
      sink.relayError({ shape: 'html', message: htmlErrorMessage(html) });
    },
  };
}
