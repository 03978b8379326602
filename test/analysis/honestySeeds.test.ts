import { describe, expect, it } from 'vitest';
import { VERDICT_KEYS, relayVerdicts, type VerdictKey } from '../../src/analysis/index.js';
import { emulatedRun, type EmulatedRelay } from './emulatedRun.js';

/**
 * Twenty seeds of a demo-sized run (three budgets, 54 graded answers per relay as in the demo): no honest relay may fail any
 * check in any of them, and each misbehaving profile must fail its own check in every one. This
 * is where a threshold too tight (false alarms) or a test too weak (misses) shows.
 */
const SEEDS = Array.from({ length: 20 }, (_, index) => index + 1);
const RELAYS: Array<EmulatedRelay & { check?: VerdictKey }> = [
  { name: 'google', profile: 'honest', reference: true },
  { name: 'honest', profile: 'honest' },
  { name: 'slow', profile: 'slow' },
  { name: 're-paced', profile: 're-paced', check: 'nativelyPaced' },
  { name: 'prompt-injected', profile: 'prompt-injected', check: 'promptAsSent' },
  { name: 'usage-padded', profile: 'usage-padded', check: 'usagePlausible' },
  { name: 'config-override', profile: 'config-override', check: 'configHonoured' },
  { name: 'silent-swap', profile: 'silent-swap', check: 'qualityParity' },
  { name: 'hidden-retry', profile: 'hidden-retry', check: 'singleAttempt' },
  { name: 'framing-drift', profile: 'framing-drift', framing: 'json-array', check: 'framingClean' },
];

describe('twenty seeded runs', () => {
  it('honest relays never fail; each misbehaving profile fails its own check every time, and only it', () => {
    const honestFailures: string[] = [];
    const caught = new Map<string, number>();
    const otherFailures: string[] = [];
    for (const seed of SEEDS) {
      const run = emulatedRun({ relays: RELAYS, budgets: [0, 1024, 8192], repeats: 6, seed });
      for (const verdict of relayVerdicts(run.rows, run.details, run.manifest)) {
        const relay = RELAYS.find((entry) => entry.name === verdict.relay);
        const failed = VERDICT_KEYS.filter((key) => verdict[key].verdict === 'fail');
        if (relay?.check === undefined) honestFailures.push(...failed.map((key) => `seed ${seed}: ${verdict.relay} ${key}: ${verdict[key].evidence}`));
        else {
          if (failed.includes(relay.check)) caught.set(relay.name, (caught.get(relay.name) ?? 0) + 1);
          otherFailures.push(...failed.filter((key) => key !== relay.check).map((key) => `seed ${seed}: ${verdict.relay} ${key}: ${verdict[key].evidence}`));
        }
      }
    }
    expect(honestFailures).toEqual([]);
    expect(otherFailures).toEqual([]);
    expect(Object.fromEntries(caught)).toEqual(Object.fromEntries(RELAYS.filter((relay) => relay.check !== undefined).map((relay) => [relay.name, SEEDS.length])));
  }, 120_000);
});
