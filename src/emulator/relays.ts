import { PRESETS, type PresetName } from '../suite/presets.js';
import type { AuthMode } from '../suite/types.js';
import { EmulatorConfigError, type EmulatedRelay, type EmulatorConfig } from './config.js';
import { PROFILE_NAMES, PROFILES, applyOverrides, type Profile, type ProfileName } from './profiles.js';
import { createCapacityGate, type CapacityGate } from './capacity.js';

/** An emulated relay ready to serve: its profile merged with its overrides, its auth resolved. */
export interface RelayRuntime {
  name: string;
  profileName: ProfileName;
  profile: Profile;
  preset: PresetName;
  auth: readonly AuthMode[];
  apiKey: string | undefined;
  /** The relay's serving capacity when its profile has one (capacity.ts); absent: unlimited. */
  gate?: CapacityGate;
}

function failureTotal(profile: Profile): number {
  return Object.values(profile.failures).reduce((sum, rate) => sum + rate, 0);
}

/**
 * The relays a server hosts. Without configured relays every built-in profile is served under
 * its own name in Google's shape, so `relaybench emulate` is useful with no config at all.
 */
export function resolveRelays(config: EmulatorConfig): Map<string, RelayRuntime> {
  const entries = config.relays?.length ? config.relays : PROFILE_NAMES.map((profile): EmulatedRelay => ({ name: profile, profile }));
  const relays = new Map<string, RelayRuntime>();
  for (const entry of entries) {
    const profile = applyOverrides(PROFILES[entry.profile], entry.overrides);
    const total = failureTotal(profile);
    if (total > 1) {
      throw new EmulatorConfigError(`relay "${entry.name}": failure rates add up to ${total}; each request fails in at most one way, so they must add up to at most 1`);
    }
    const preset = entry.preset ?? 'google';
    relays.set(entry.name, {
      name: entry.name,
      profileName: entry.profile,
      profile,
      preset,
      auth: entry.auth ?? PRESETS[preset].auth,
      apiKey: entry.apiKey,
      ...(profile.capacity === null ? {} : { gate: createCapacityGate(profile.capacity) }),
    });
  }
  return relays;
}
