/** Bytes of a text bulletin → a JavaScript string: UTF-8 (with or without BOM) or GB18030/GBK, any line endings. */

/** The encoding a text file was read in. */
export type TextEncodingName = 'utf-8' | 'gb18030';

/** Decodes a text file: UTF-8 when the bytes are valid UTF-8, else GB18030 (a superset of GBK and GB2312). */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  let text: string;
  let encoding: TextEncodingName = 'utf-8';
  try {
    // A GBK file is almost never valid UTF-8, so a strict UTF-8 read tells the two apart.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('gb18030').decode(bytes);
    encoding = 'gb18030';
  }
  return { text: text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'), encoding };
}

/** True when the bytes look like a binary file rather than text (NUL bytes, or many control characters). */
export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 9 || (byte > 13 && byte < 32)) control++;
  }
  return sample.length > 0 && control / sample.length > 0.05;
}
