import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeSlug from 'rehype-slug';
import rehypeContentImages from './rehype-content-images.ts';
import rehypeLeadPhrase from './rehype-lead-phrase.ts';

/**
 * The rehype plugins every article is rendered with, in order. Raw HTML in an issue file is parsed,
 * then sanitized by GitHub's rules (no script, no event handlers, no javascript: links, ids of the
 * author's prefixed) before the site's own plugins add ids, lead phrases and photos' URLs, sizes and captions.
 */
export const rehypePlugins = [rehypeRaw, rehypeSanitize, rehypeSlug, rehypeLeadPhrase, rehypeContentImages];
