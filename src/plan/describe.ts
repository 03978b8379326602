import type { ResolvedRelay, Suite } from '../suite/types.js';
import { textTable } from './textTable.js';
import { thinkingLongLabel, thinkingSettingsOf } from './thinking.js';
import type { Job } from './types.js';

/**
 * What `relaybench validate` prints: enough to check a plan before paying for it. Keys are
 * never shown, only where they would be sent.
 */
export function describePlan(suite: Suite, jobs: readonly Job[]): string {
  const settings = thinkingSettingsOf(suite).map((setting) => thinkingLongLabel(setting));
  const overview = textTable([
    ['suite', `${suite.name}  (${suite.file})`],
    ['model', suite.model],
    ['cases', String(suite.cases.length)],
    ['thinking', `${settings.join(', ')}; includeThoughts ${String(suite.includeThoughts)}`],
    ['repeats', String(suite.repeats)],
    ['concurrency', String(suite.concurrency)],
  ]);
  return [
    overview,
    '',
    'relays',
    textTable([['name', 'preset', 'base URL', 'auth', 'framing', 'casing', 'model'], ...suite.relays.map((relay) => relayRow(relay, suite.model))], { indent: '  ' }),
    '',
    'jobs per relay and thinking setting',
    textTable(jobCountRows(suite, settings, jobs), { indent: '  ', alignNumbers: true }),
    ...uncheckedBodyNotes(suite.relays),
  ].join('\n');
}

/** A relay's `body:` is sent as written and not validated: say so, with the fields it adds. */
function uncheckedBodyNotes(relays: readonly ResolvedRelay[]): string[] {
  const notes = relays.flatMap((relay) =>
    relay.body === undefined || Object.keys(relay.body).length === 0
      ? []
      : [`  note: relay ${relay.name} body: adds ${Object.keys(relay.body).join(', ')} as written; relaybench does not check these fields`],
  );
  return notes.length === 0 ? [] : ['', ...notes];
}

function relayRow(relay: ResolvedRelay, suiteModel: string): string[] {
  return [
    relay.name,
    relay.preset ?? '-',
    relay.emulator === undefined ? relay.baseUrl : `emulator (profile ${relay.emulator})`,
    relay.auth.join('+'),
    relay.stream,
    relay.casing + (relay.modelInBody ? ', model in body' : ''),
    relay.model ?? suiteModel,
  ];
}

function jobCountRows(suite: Suite, settings: readonly string[], jobs: readonly Job[]): string[][] {
  const counts = new Map<string, number>();
  for (const job of jobs) {
    const cell = `${job.relay}\u0000${thinkingLongLabel(job.thinking)}`;
    counts.set(cell, (counts.get(cell) ?? 0) + 1);
  }
  const countOf = (relay: string, setting: string): number => counts.get(`${relay}\u0000${setting}`) ?? 0;
  const rows = suite.relays.map((relay) => {
    const perSetting = settings.map((setting) => countOf(relay.name, setting));
    return [relay.name, ...perSetting.map(String), String(sum(perSetting))];
  });
  const columnTotals = settings.map((setting) => sum(suite.relays.map((relay) => countOf(relay.name, setting))));
  return [['relay', ...settings, 'total'], ...rows, ['total', ...columnTotals.map(String), String(sum(columnTotals))]];
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
