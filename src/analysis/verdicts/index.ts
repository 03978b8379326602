import type { RequestRow } from '../../runfolder/columns.js';
import type { JobDetail } from '../../runfolder/details.js';
import { detailLookupOf, type DetailLookup } from '../../runfolder/table.js';
import type { LenientRunManifest as RunManifest } from '../../runfolder/manifest.js';
import { distinct } from '../rowValues.js';
import type { RelayEvidence, RelayVerdict } from '../types.js';
import { errorsInGoogleShapeVerdict } from './errorsInGoogleShape.js';
import { honoursBudgetVerdict } from './honoursBudget.js';
import { modelAsAskedVerdict } from './modelAsAsked.js';
import { returnsThoughtsVerdict } from './returnsThoughts.js';
import { streamsVerdict } from './streams.js';
import { usageAddsUpVerdict } from './usageAddsUp.js';
import { configHonouredVerdict } from './configHonoured.js';
import { framingCleanVerdict } from './framingClean.js';
import { nativelyPacedVerdict } from './nativelyPaced.js';
import { promptAsSentVerdict } from './promptAsSent.js';
import { qualityParityVerdicts } from './qualityParity.js';
import { singleAttemptVerdict } from './singleAttempt.js';
import { usagePlausibleVerdict } from './usagePlausible.js';

/**
 * Relays in the order the suite lists them, then any that only the rows name (a merged folder).
 * A listed relay with no row at all (left out by `--relay`, or never reached) has nothing to show.
 */
export function relayOrder(rows: readonly RequestRow[], manifest: RunManifest): string[] {
  const present = distinct(rows, 'relay');
  const configured = (manifest.config?.relays?.map((relay) => relay.name) ?? []).filter((name) => present.includes(name));
  return [...new Set([...configured, ...present])];
}

/**
 * One row of verdicts per relay, each with the evidence that decided it. Pure: rows from
 * requests.csv, details from details.jsonl (joined on job_id; may be empty), and run.json (the
 * reference relay and generationConfig come from its config).
 */
export function relayVerdicts(rows: readonly RequestRow[], details: readonly JobDetail[] | DetailLookup, manifest: RunManifest): RelayVerdict[] {
  const detailOf = detailLookupOf(details);
  const relays = relayOrder(rows, manifest);
  const peers = new Map(relays.map((relay) => [relay, rows.filter((row) => row.relay === relay)]));
  const reference = manifest.config?.relays?.find((relay) => relay.reference === true)?.name;
  const all = relays.map(
    (relay): RelayEvidence => ({
      relay,
      rows: peers.get(relay) ?? [],
      detailOf,
      includeThoughts: manifest.config?.includeThoughts,
      peers,
      reference,
      generationConfig: manifest.config?.generationConfig,
    }),
  );
  const qualityParity = qualityParityVerdicts(all);
  return all.map((evidence) => ({
    relay: evidence.relay,
    streams: streamsVerdict(evidence),
    nativelyPaced: nativelyPacedVerdict(evidence),
    honoursBudget: honoursBudgetVerdict(evidence),
    returnsThoughts: returnsThoughtsVerdict(evidence),
    usageAddsUp: usageAddsUpVerdict(evidence),
    usagePlausible: usagePlausibleVerdict(evidence),
    promptAsSent: promptAsSentVerdict(evidence),
    configHonoured: configHonouredVerdict(evidence),
    modelAsAsked: modelAsAskedVerdict(evidence),
    qualityParity: qualityParity.get(evidence.relay) ?? { verdict: 'n/a', evidence: 'not compared' },
    singleAttempt: singleAttemptVerdict(evidence),
    framingClean: framingCleanVerdict(evidence),
    errorsInGoogleShape: errorsInGoogleShapeVerdict(evidence),
  }));
}
