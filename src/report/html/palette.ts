/**
 * One style per relay, used by every chart: a colour from the Okabe–Ito palette (distinct for
 * the common colour-vision deficiencies), paired with a point shape and a line dash so the
 * relays still tell apart in a black-and-white print.
 */
export interface RelayStyle {
  color: string;
  pointStyle: string;
  dash: number[];
}

/** Okabe & Ito (2008), with their yellow replaced by a darker olive that reads on white paper. */
const COLORS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#999933'];
const POINT_STYLES = ['circle', 'triangle', 'rect', 'rectRot', 'star', 'crossRot', 'rectRounded', 'cross'];
const DASHES = [[], [8, 4], [2, 3], [10, 3, 2, 3], [14, 5], [5, 2, 1, 2], [1, 3], [12, 3, 3, 3]];

/**
 * Each relay's RelayStyle, by position in `relays` (the report's relay order, so a relay keeps its
 * style across charts): Okabe & Ito (2008) colours, point shapes and dashes; past eight relays
 * shapes and dashes shift against the colours so no two relays share all three.
 */
export function relayStyles(relays: readonly string[]): Map<string, RelayStyle> {
  return new Map(
    relays.map((relay, index) => {
      // Past eight relays the shapes shift against the colours, so no two relays share all three.
      const round = Math.floor(index / COLORS.length);
      return [
        relay,
        {
          color: COLORS[index % COLORS.length] as string,
          pointStyle: POINT_STYLES[(index + round) % POINT_STYLES.length] as string,
          dash: DASHES[(index + 2 * round) % DASHES.length] as number[],
        },
      ];
    }),
  );
}

/** The colour at a given opacity, for interval whiskers and scatter points drawn under lines. */
export function withAlpha(color: string, alpha: number): string {
  const channel = (offset: number): number => parseInt(color.slice(offset, offset + 2), 16);
  return `rgba(${channel(1)}, ${channel(3)}, ${channel(5)}, ${alpha})`;
}
