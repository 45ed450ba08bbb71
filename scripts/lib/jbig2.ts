/**
 * A copier's JBIG2 scan from a CCITT Group 4 one: each page image's T.6 data carried over into a
 * JBIG2 immediate lossless generic region with MMR coding (ITU T.88 §6.2, §7.4.6), the embedded
 * stream a PDF's JBIG2Decode filter reads (page information, then the region; a PDF holds no file
 * header, end-of-page or end-of-file segment, ISO 32000 §7.4.7). The pixels are those of the Group 4
 * scan, bit for bit: pdf.js and jbig2dec decode them so (poppler 22 draws stray bars in its MMR path).
 */
import { PDFArray, PDFDocument, PDFName, PDFNumber, PDFRawStream, type PDFDict, type PDFObject } from 'pdf-lib';

/** A segment header (T.88 §7.2) for page 1, referring to no other segment, then its data. */
function segment(number: number, type: number, data: Uint8Array): Uint8Array {
  const header = new Uint8Array(11);
  const view = new DataView(header.buffer);
  view.setUint32(0, number);
  header[4] = type; // page association in one byte, not deferred
  header[5] = 0; // no referred-to segments, retained by none
  header[6] = 1; // page 1
  view.setUint32(7, data.length);
  return concat([header, data]);
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** The embedded JBIG2 stream of one page `width`×`height` at `dpi`, its pixels the T.6 (Group 4) data `mmr`. */
export function jbig2Page(width: number, height: number, dpi: number, mmr: Uint8Array): Uint8Array {
  const info = new Uint8Array(19);
  const infoView = new DataView(info.buffer);
  infoView.setUint32(0, width);
  infoView.setUint32(4, height);
  // Resolution in pixels per metre.
  infoView.setUint32(8, Math.round(dpi / 0.0254));
  infoView.setUint32(12, Math.round(dpi / 0.0254));
  info[16] = 0; // page flags: white by default, no refinement, OR combination
  infoView.setUint16(17, 0); // not striped
  const region = new Uint8Array(18);
  const regionView = new DataView(region.buffer);
  regionView.setUint32(0, width);
  regionView.setUint32(4, height);
  regionView.setUint32(8, 0);
  regionView.setUint32(12, 0);
  region[16] = 0; // external combination operator OR
  region[17] = 1; // generic region flags: MMR
  return concat([segment(0, 48, info), segment(1, 39, concat([region, mmr]))]);
}

/**
 * The image-only PDF `g4` (each page one CCITT Group 4 image, as ImageMagick writes it) with every
 * page image stored as JBIG2 instead: same pixels, same pages.
 */
export async function jbig2Scan(g4: Uint8Array, dpi: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(g4);
  let images = 0;
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream)) continue;
    const dict: PDFDict = object.dict;
    // ImageMagick writes the filter and its parameters as arrays of one.
    const only = (value: PDFObject | undefined) => (value instanceof PDFArray && value.size() === 1 ? value.lookup(0) : value);
    if (only(dict.lookup(PDFName.of('Filter'))) !== PDFName.of('CCITTFaxDecode')) continue;
    const parameters = only(dict.lookup(PDFName.of('DecodeParms'))) as PDFDict;
    const number = (key: string) => (parameters.lookup(PDFName.of(key)) as PDFNumber | undefined)?.asNumber();
    if (number('K') !== -1) throw new Error('jbig2Scan: a CCITT image that is not Group 4 (K -1)');
    const width = number('Columns') ?? 1728;
    const height = (dict.lookup(PDFName.of('Height')) as PDFNumber).asNumber();
    const data = jbig2Page(width, height, dpi, object.contents);
    dict.set(PDFName.of('Filter'), PDFName.of('JBIG2Decode'));
    dict.delete(PDFName.of('DecodeParms'));
    dict.delete(PDFName.of('Decode'));
    dict.set(PDFName.of('Length'), PDFNumber.of(data.length));
    (object as unknown as { contents: Uint8Array }).contents = data;
    images++;
  }
  if (!images) throw new Error('jbig2Scan: no CCITT Group 4 page image in the PDF');
  return pdf.save({ useObjectStreams: false });
}
