/** Files beside an issue (images, the original): where they live in the content folder and on the site. */

/** The folder of an issue's own files (photos, the original, its 原版 file), relative to the content folder: <series>/<year>/<issue>. */
export function issueFolder(issue: { series: { slug: string }; year: number; slug: string }): string {
  return `${issue.series.slug}/${issue.year}/${issue.slug}`;
}

/** True for a URL that points into the content folder: relative, not a scheme, not root-relative, not an anchor. */
export function isLocalAsset(url: string): boolean {
  return url !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(url) && !url.startsWith('/') && !url.startsWith('#') && !url.startsWith('//');
}

/** The path of a local asset relative to the content folder, from the issue file's folder; undefined if it leaves the folder. */
export function assetPath(issueFolder: string, url: string): string | undefined {
  const parts = issueFolder.split('/').filter(Boolean);
  for (const segment of decodeURI(url.split(/[?#]/)[0]!).split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (!parts.length) return undefined;
      parts.pop();
    } else parts.push(segment);
  }
  return parts.join('/');
}
