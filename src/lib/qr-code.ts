/**
 * QR codes of a page's own address, made at build time as inline SVG (uqr encodes; no script in the
 * page), so that a printed issue or article leads back to the archive. Each row's dark runs are one
 * path segment each, a third of the bytes of a square a module.
 */
import { encode } from 'uqr';

/** The QR code of `url` as an SVG element, labelled for screen readers, sized by CSS. */
export function qrCodeSvg(url: string, label: string): string {
  const { data, size } = encode(url, { ecc: 'M', border: 2 });
  let path = '';
  data.forEach((row, y) => {
    for (let x = 0; x < size; x++) {
      if (!row[x]) continue;
      const start = x;
      while (x + 1 < size && row[x + 1]) x++;
      path += `M${start} ${y}h${x - start + 1}v1H${start}z`;
    }
  });
  const name = label.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<svg role="img" aria-label="${name}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges"><rect width="${size}" height="${size}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`;
}
