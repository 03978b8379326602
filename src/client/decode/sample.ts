const SAMPLE_CHARS = 200;

/** The head of some offending text: enough to recognise it in a report, bounded in size. */
export function sampleOf(text: string): string {
  return text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
}
