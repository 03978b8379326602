/**
 * Yields each item of `list` in order and clears its slot as it goes, so an item is garbage once
 * its job is done: at 100,000 jobs the plan's Job objects (~230 B each) are not all held to the end.
 */
export function* handOver<T>(list: Array<T | undefined>): Generator<T, undefined, undefined> {
  for (let index = 0; index < list.length; index++) {
    const item = list[index] as T;
    list[index] = undefined;
    yield item;
  }
  return undefined;
}
