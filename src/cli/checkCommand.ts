import { createRedactor } from '../client/redact.js';
import { formatCheckTable } from '../check/table.js';
import { checkJudge, checkRelays } from '../check/probe.js';
import { judgeSecrets } from '../run/judgeSetup.js';
import { emulatorSampleHeaders, startEmulatorFor } from '../run/emulatorHost.js';
import { EXIT } from '../errors/index.js';
import { loadSuiteOrExit } from './loadOrExit.js';
import { expandPlan } from '../plan/expand.js';
import { NO_FILTER, filterPlan, isFiltered, narrowSuite, type PlanFilter } from '../plan/filter.js';

/**
 * `relaybench check <suite>`: one small request per relay, a table, and exit 0 when every relay
 * answered, 1 otherwise (README.md#around-a-run). Writes nothing. A filter (as on `run`) picks
 * the relays, the case and the thinking setting; a value matching nothing is exit 2.
 */
export async function checkCommand(file: string, filter: PlanFilter = NO_FILTER): Promise<number> {
  const loaded = await loadSuiteOrExit(file);
  // --relay picks relays, --case/--tag the case (the first that matches), --thinking the setting (the lowest that matches).
  const suite = isFiltered(filter) ? narrowSuite(loaded, filterPlan(loaded, expandPlan(loaded), filter)) : loaded;
  const redact = createRedactor([...suite.relays.map((relay) => relay.apiKey), ...judgeSecrets(suite)]);
  const emulator = await startEmulatorFor(suite);
  try {
    process.stderr.write(
      `Checking ${suite.relays.length} relay${suite.relays.length === 1 ? '' : 's'}: one request each (case ${suite.cases[0]?.id}, lowest thinking setting, few output tokens)${suite.judge === undefined ? '' : `, and the judge (relay ${suite.judge.relay.name}): one vote`}...\n`,
    );
    const options = { redact, clock: () => performance.now(), sampleHeaders: emulatorSampleHeaders };
    // The judge is probed beside the relays: a broken judge key would otherwise surface only after a paid run.
    const [relayChecks, judgeCheck] = await Promise.all([checkRelays(suite, options), checkJudge(suite, options)]);
    const checks = judgeCheck === undefined ? relayChecks : [...relayChecks, judgeCheck];
    const { text, failed } = formatCheckTable(checks, redact);
    process.stdout.write(`${text}\n`);
    return failed === 0 ? EXIT.ok : EXIT.gateFailed;
  } finally {
    await emulator?.stop();
  }
}
