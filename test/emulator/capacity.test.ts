import { describe, expect, it } from 'vitest';
import { createCapacityGate, type Admission } from '../../src/emulator/capacity.js';

describe('emulator capacity gate', () => {
  // [concurrent, queue, arrivals at once, served at once, queued, refused]
  it.each([
    [2, 4, 1, 1, 0, 0],
    [2, 4, 6, 2, 4, 0],
    [2, 4, 9, 2, 4, 3],
    [1, 0, 3, 1, 0, 2],
    [8, 16, 30, 8, 16, 6],
  ])('%i at once, queue %i, %i arrivals: %i served, %i queued, %i refused', (concurrent, queue, arrivals, served, queued, refused) => {
    const gate = createCapacityGate({ concurrent, queue });
    const admissions: Admission[] = [];
    let refusedCount = 0;
    for (let i = 0; i < arrivals; i += 1)
      if (
        !gate.admit(
          (admission) => admissions.push(admission),
          () => false,
        )
      )
        refusedCount += 1;
    expect(admissions).toHaveLength(served);
    expect(gate.queued).toBe(queued);
    expect(refusedCount).toBe(refused);
  });

  it('a release serves the next in FIFO order, skipping clients that went away', () => {
    const gate = createCapacityGate({ concurrent: 1, queue: 3 });
    const order: string[] = [];
    const admissions: Admission[] = [];
    const gone = new Set<string>();
    for (const name of ['a', 'b', 'c', 'd']) {
      gate.admit(
        (admission) => {
          order.push(name);
          admissions.push(admission);
        },
        () => gone.has(name),
      );
    }
    gone.add('b');
    admissions[0]?.release();
    admissions[0]?.release(); // idempotent
    expect(order).toEqual(['a', 'c']);
    expect(gate.serving).toBe(1);
    admissions[1]?.release();
    expect(order).toEqual(['a', 'c', 'd']);
    expect(gate.queued).toBe(0);
  });
});

describe('a capacity-limited emulated relay over HTTP', () => {
  it('serves `concurrent` at once, delays the queued ones, and answers the rest 429 with Retry-After', async () => {
    const { geminiBody, post, streamUrl, withEmulator } = await import('./helpers.js');
    const config = {
      relays: [
        {
          name: 'small',
          profile: 'low-capacity' as const,
          overrides: { capacity: { concurrent: 1, queue: 1 }, headersMs: { medianMs: 200, sigma: 0 }, prefillMs: { medianMs: 0, sigma: 0 }, retryAfterS: 7 },
        },
      ],
    };
    await withEmulator({ config }, async (emulator) => {
      const started = performance.now();
      const timed = async (prompt: string) => {
        const response = await post(streamUrl(emulator.url, 'small'), geminiBody(prompt));
        return { ...response, ms: performance.now() - started };
      };
      const [first, second, third] = await Promise.all([timed('one'), timed('two'), timed('three')]);
      expect([first?.status, second?.status]).toEqual([200, 200]);
      // The queued request's plan starts when the first one ends: about two headers delays in.
      expect(second?.ms).toBeGreaterThan((first?.ms ?? 0) + 150);
      expect(third?.status).toBe(429);
      expect(third?.headers.get('retry-after')).toBe('7');
      expect(third?.text).toContain('RESOURCE_EXHAUSTED');
      expect(third?.ms).toBeLessThan(first?.ms ?? 0);
    });
  });
});
