/** The smaller copies the build makes of each photo beside an issue, and their names. */

/** Widths of the WebP copies, in pixels; a photo gets those narrower than itself. */
export const VARIANT_WIDTHS = [480, 960, 1600] as const;

/** File types the build makes copies of. */
export const VARIANT_SOURCE = /\.(jpe?g|png|webp)$/i;

/** The copy of `file` (a name or path) at `width`: photo.jpg → photo.w960.webp. */
export function variantName(file: string, width: number): string {
  return `${file.replace(/\.[^./]+$/, '')}.w${width}.webp`;
}

/** The copy widths for a photo `width` pixels wide. */
export function variantWidths(width: number): number[] {
  return VARIANT_WIDTHS.filter((w) => w < width);
}
