/**
 * The scans made the ways offices' machines make them (`npm run make-scan-fixtures`), each from a
 * bulletin text whose truth is known. The held-out one is read only by the final check, never used to
 * tune the importer.
 */

/** One made scan: its file under tests/fixtures/scan-kinds/, the text it was printed from, how it was scanned. */
export interface ScanFixture {
  name: string;
  /** The truth, relative to tests/fixtures/scan-kinds/. */
  text: string;
  /** 1-bit 300 dpi CCITT G4; the same stored as JBIG2; speckled, blurred 200 dpi JPEG claiming 96 ppi; a faint 150 dpi copy in strips. */
  kind: 'bilevel-g4' | 'bilevel-jbig2' | 'speckled-96ppi' | 'faint-strips';
  /** Never tuned on. */
  heldOut?: boolean;
}

/** Every made scan. */
export const SCAN_FIXTURES: ScanFixture[] = [
  { name: 'office-first-g4', text: '../bulletins/office-first.txt', kind: 'bilevel-g4' },
  { name: 'long-title-jbig2', text: '../bulletins/long-title.txt', kind: 'bilevel-jbig2' },
  { name: 'stars-untitled-96ppi', text: '../bulletins/stars-untitled.txt', kind: 'speckled-96ppi' },
  { name: 'bracketed-contents-strips', text: '../bulletins/bracketed-contents.txt', kind: 'faint-strips', heldOut: true },
];
