/** Types for word-extractor 1.0 (it ships none): the parts the importer uses. */
declare module 'word-extractor' {
  /** filterUnicode (default true) turns curly quotes into ASCII ones. */
  interface TextOptions {
    filterUnicode?: boolean;
  }
  /** A Word 97–2003 document's text. */
  interface WordDocument {
    /** The main text. */
    getBody(options?: TextOptions): string;
    /** The text of every text box, one after another, with no sign of where each is anchored. */
    getTextboxes(options?: TextOptions & { includeHeadersAndFooters?: boolean; includeBody?: boolean }): string;
    /** The headers, and the footers unless includeFooters is false. */
    getHeaders(options?: TextOptions & { includeFooters?: boolean }): string;
  }
  /** Reads .doc (and .docx) files from a path or a buffer. */
  export default class WordExtractor {
    extract(source: string | Buffer): Promise<WordDocument>;
  }
}
