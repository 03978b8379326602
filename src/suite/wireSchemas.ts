/**
 * The schemas of a relay's wire-level choices, apart from the relay schema so that the preset table
 * (presets.ts), the relay schema (relaySchema.ts) and the suite types (types.ts) can all build on
 * them without importing each other in a circle.
 */
import { z } from 'zod';

/** How a relay takes the API key (`auth:`): `x-goog-api-key` header, `Authorization: Bearer`, or `?key=`. */
export const authModeSchema = z.enum(['header', 'bearer', 'query']);
/** How a relay frames its stream (`stream:`): server-sent events or one JSON array. */
export const streamFramingSchema = z.enum(['sse', 'json-array']);
/** Field-name casing of a relay's request body (`casing:`). */
export const casingSchema = z.enum(['camel', 'snake']);

/** One `auth:` channel. */
export type AuthMode = z.infer<typeof authModeSchema>;
/** One `stream:` framing. */
export type StreamFraming = z.infer<typeof streamFramingSchema>;
/** One `casing:` value. */
export type Casing = z.infer<typeof casingSchema>;
