/**
 * The heap Astro's build may use. Left to itself, V8 lets the heap of a long build grow towards its
 * default limit (about 4 GB on a large machine) before it collects in earnest: at 10,000 issues the
 * Astro process reached 2.6 GB for a build that needs much less. Capped, it collects sooner: 2.1 GB,
 * at the same speed (npm run bench, README). The cap grows with the archive and keeps a margin of
 * half over what 10,000 issues were measured to need (a build with nothing to render ran at 1 GB).
 */

/** Heap (MB) per 10,000 issues, and the least ever set. */
export const HEAP_MB_PER_10000_ISSUES = 1536;

/** The cap of Astro's heap in MB for an archive of `issues`. */
export function astroHeapLimit(issues: number): number {
  return Math.max(HEAP_MB_PER_10000_ISSUES, Math.ceil((issues / 10_000) * HEAP_MB_PER_10000_ISSUES));
}

/** NODE_OPTIONS with that cap added, unless the options set a heap size of their own (a maintainer's choice wins). */
export function withHeapLimit(nodeOptions: string | undefined, issues: number): string {
  const options = nodeOptions?.trim() ?? '';
  if (/--max-old-space-size[=\s]/.test(options)) return options;
  return `${options} --max-old-space-size=${astroHeapLimit(issues)}`.trim();
}
