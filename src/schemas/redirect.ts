import { z } from 'astro/zod';

/** A site path: starts and ends with "/", ASCII, no base path (/nlzf/2022/59/old-id/). */
const SitePathSchema = z
  .string({ error: 'expected a site path such as /nlzf/2022/59/minqing/' })
  .regex(/^\/(?:[A-Za-z0-9._~-]+\/)*$/, { message: 'expected a site path such as /nlzf/2022/59/minqing/, starting and ending with "/"' });

/** One permanent redirect (content/redirects.yaml): an old URL that now lives elsewhere. */
export const RedirectSchema = z.strictObject({
  /** The old path, as once published. */
  from: SitePathSchema,
  /** Where it lives now. */
  to: SitePathSchema,
});

/** The redirects file: a list of redirects; default empty. */
export const RedirectsSchema = z.array(RedirectSchema);

/** A validated redirect. */
export type Redirect = z.output<typeof RedirectSchema>;
