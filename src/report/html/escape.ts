/**
 * Everything that reaches the report from a run (answers, thought summaries, grader reasons,
 * error messages, even relay and case names) is untrusted: a relay can answer with markup. The
 * report is built from `html` templates that escape every interpolated value unless it is already
 * `SafeHtml` made by another template, so forgetting to escape takes an explicit `trustedHtml`.
 */

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes `& < > " '` as character references (HTML Living Standard; the OWASP XSS Prevention Cheat
 * Sheet's rule for element content and quoted attributes), so run data is text, never markup.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] as string);
}

/** Markup that is safe to place in the document as is. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/**
 * A value an `html` template accepts: SafeHtml is inserted as is, a string, number or `true` is
 * escaped text, `undefined`, `null` and `false` render nothing, an array renders each item in order.
 */
export type HtmlValue = SafeHtml | string | number | boolean | undefined | null | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === undefined || value === null || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/** Tagged template: literal parts are markup, interpolated values are escaped text. */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    out += render(value) + (strings[index + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** For markup the report itself wrote (its stylesheet, inline scripts); never for run data. */
export function trustedHtml(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/**
 * JSON to embed in `<script type="application/json">`. Escaping `<` as `\u003c` means no
 * `</script>` or `<!--` in the data can end or alter the element, while JSON.parse reads the same
 * string back; U+2028/U+2029 are escaped so the text is also valid JavaScript.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * Source for an inline `<script>` (the chart library, the report's own code): a `</script` or
 * `<!--` inside it would end or alter the element, so both are broken up in a way JavaScript
 * reads identically inside strings and regular expressions.
 */
export function inlineScriptSource(source: string): string {
  return source.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}
