/** Ordering and neighbours for lists of issues and articles. */

/** Sorts issues oldest first: by date, then number (supplements after regular issues of the same day). */
export function compareIssues(
  a: { date: string; number: number; supplement: boolean },
  b: { date: string; number: number; supplement: boolean },
): number {
  return a.date.localeCompare(b.date) || Number(a.supplement) - Number(b.supplement) || a.number - b.number;
}

/** The items before and after the one at `index`. */
export function neighbours<T>(items: readonly T[], index: number): { previous: T | undefined; next: T | undefined } {
  return { previous: index > 0 ? items[index - 1] : undefined, next: index >= 0 ? items[index + 1] : undefined };
}

/** Groups items by a key, keeping first-seen key order and item order. */
export function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
