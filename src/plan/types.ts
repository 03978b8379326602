import type { ThinkingLevel } from '../suite/types.js';

/** The thinking setting of one job: a budget (Gemini 2.5) or a level (Gemini 3), never both. */
export type ThinkingSetting = { kind: 'budget'; budget: number } | { kind: 'level'; level: ThinkingLevel } | { kind: 'none' };

/**
 * One (case, relay, thinking setting, repeat). `jobId` is a stable hash of those four and of the
 * request body, so the same suite plans the same ids across runs (resume, shards, baselines).
 */
export interface Job {
  jobId: string;
  caseId: string;
  relay: string;
  model: string;
  thinking: ThinkingSetting;
  /** 1-based. */
  repeat: number;
  /** The Gemini request body, already in the relay's casing, without any secret. */
  body: Record<string, unknown>;
}

/** A request ready for the wire. Contains the key: never log or persist it unredacted. */
export interface HttpRequest {
  method: 'POST';
  url: string;
  headers: Record<string, string>;
  body: string;
}
