import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parse } from 'csv-parse';
import type { HarnessTiming, TruthTiming } from './fidelity.js';
import { serverSpanOf, type ServerSpan, type TruthInstants } from './timeline.js';

/** Reads what the bench compares: a run folder's timings and the emulator's ground truth. */

function optionalNumber(cell: string | undefined): number | undefined {
  return cell === undefined || cell === '' ? undefined : Number(cell);
}

async function* jsonLines(path: string): AsyncGenerator<unknown> {
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  for await (const line of lines) if (line.trim() !== '') yield JSON.parse(line);
}

/** t0 per job from details.jsonl, joined with requests.csv's timing columns. */
export async function readHarnessTimings(requestsCsv: string, detailsJsonl: string): Promise<HarnessTiming[]> {
  const t0ByJob = new Map<string, number>();
  for await (const detail of jsonLines(detailsJsonl)) {
    const { job_id: jobId, t0_epoch_ms: t0EpochMs } = detail as { job_id: string; t0_epoch_ms: number };
    t0ByJob.set(jobId, t0EpochMs);
  }
  const timings: HarnessTiming[] = [];
  const records = createReadStream(requestsCsv).pipe(parse({ columns: true }));
  for await (const record of records as AsyncIterable<Record<string, string>>) {
    const jobId = record.job_id ?? '';
    const t0EpochMs = t0ByJob.get(jobId);
    if (t0EpochMs === undefined) throw new Error(`${requestsCsv}: job ${jobId} has no line in ${detailsJsonl}`);
    timings.push({
      jobId,
      attempts: Number(record.attempts),
      t0EpochMs,
      ttftMs: optionalNumber(record.ttft_ms),
      totalMs: optionalNumber(record.total_ms),
      chunks: optionalNumber(record.chunks),
      ok: record.status === 'ok',
    });
  }
  return timings;
}

/** The emulator's ground-truth log (JSON lines): per request its sample key, chunk send times and end time (epoch µs). Rejects when the file cannot be read. */
export async function readTruth(truthJsonl: string): Promise<TruthTiming[]> {
  const records: TruthTiming[] = [];
  for await (const line of jsonLines(truthJsonl)) {
    const { sample, chunkEpochUs, endEpochUs } = line as TruthTiming;
    records.push({ sample, chunkEpochUs, endEpochUs });
  }
  return records;
}

/** The receive and end instants of every line of an emulator log, read as a stream. */
async function truthInstants(truthJsonl: string): Promise<TruthInstants[]> {
  const instants: TruthInstants[] = [];
  for await (const line of jsonLines(truthJsonl)) {
    const { receivedEpochUs, endEpochUs } = line as TruthInstants;
    instants.push({ receivedEpochUs, endEpochUs });
  }
  return instants;
}

/** The first arrival and last response end of a run's emulator log; undefined when it logged no request. */
export async function readServerSpan(truthJsonl: string): Promise<ServerSpan | undefined> {
  return serverSpanOf(await truthInstants(truthJsonl));
}

/** run.json's `counts.rows`: the rows the run wrote. Throws when run.json lacks it. */
export function readRowCount(runJson: string): number {
  const rows = (JSON.parse(readFileSync(runJson, 'utf8')) as { counts?: { rows?: unknown } }).counts?.rows;
  if (typeof rows !== 'number') throw new Error(`${runJson}: no counts.rows`);
  return rows;
}
