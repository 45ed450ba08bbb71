/** Types for word-extractor 1.0 (it ships none): the parts the importer uses. */
declare module 'word-extractor' {
  /** A Word 97–2003 document's text. */
  interface WordDocument {
    /** The main text; filterUnicode (default true) turns curly quotes into ASCII ones. */
    getBody(options?: { filterUnicode?: boolean }): string;
  }
  /** Reads .doc (and .docx) files from a path or a buffer. */
  export default class WordExtractor {
    extract(source: string | Buffer): Promise<WordDocument>;
  }
}
