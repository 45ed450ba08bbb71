/** What the importer's readers give the planner: the source's text and files, and the error for what cannot be imported. */
import type { PrintedPage } from '../archive/regions.ts';

/** What the issue records of the scan it was read from. */
export interface ScanRecord {
  engine: string;
  /** Mean confidence of the characters read, 0–1, to three places. */
  confidence: number;
  pages: number;
}

/** What an input file gave: its text (image lines marked) and the images and original to keep beside the issue. */
export interface ExtractedSource {
  /** The bulletin's text, with IMAGE_MARK lines where images stood. */
  text: string;
  /** Images, named as the text's image lines name them. */
  images: { name: string; data: Uint8Array }[];
  /** The original file's bytes and extension (.txt, .docx, .pdf), kept beside the issue. */
  original: { extension: string; data: Uint8Array };
  /** What extraction decided (characters it standardised, a scan's specks dropped). */
  decisions?: string[];
  /** What extraction was unsure of: a scan's weakly read lines, `page 2, line 7: …`. */
  warnings?: string[];
  /** Where each line of `text` stands in the original (a scan's page and line), for messages; index = line number − 1. */
  lineNames?: string[];
  /** The scan the text was read from. */
  scan?: ScanRecord;
  /** The scan's lines as read ("page 2, line 7" and its text), for review. */
  scanLines?: { name: string; text: string }[];
  /** The original's printed pages, upright, with their lines and where each stands: a PDF's text layer or a scan's OCR boxes (原版). */
  printed?: PrintedPage[];
}

/** Thrown when an input cannot be imported; the message names what is missing. */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}
