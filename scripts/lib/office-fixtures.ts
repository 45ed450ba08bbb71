/**
 * The Word and PDF bulletins made the way offices make them (`npm run make-office-fixtures`), each
 * from a text whose truth is known. The held-out ones are read only by the final check, never used to
 * tune the importer.
 */

/** How one document is made. */
export interface OfficeRecipe {
  /** Where the masthead stands: in a borderless table, or its title and number in a text box. */
  masthead: 'table' | 'textbox';
  /** The series title and 第N期 at the top of pages 2+, with a rule under them. */
  runningHeader: boolean;
  /** The page number in the footer: — 2 — or 第 2 页. */
  pageNumber: 'dash' | 'page';
  /** “” set in Times New Roman, as Word sets them after Latin text. */
  westernQuotes: boolean;
  /** Lines that start 1． 2． numbered by Word itself. */
  autoNumbering: boolean;
  /** A photo above the line that captions it (图为…). */
  photo: boolean;
}

/** One made bulletin: its folder under tests/fixtures/office/, the text it was made from, how. */
export interface OfficeFixture {
  name: string;
  /** The truth, relative to tests/fixtures/office/. */
  text: string;
  recipe: OfficeRecipe;
  /** Never tuned on. */
  heldOut?: boolean;
}

const ALL_OF_IT: OfficeRecipe = {
  masthead: 'table',
  runningHeader: true,
  pageNumber: 'dash',
  westernQuotes: true,
  autoNumbering: true,
  photo: true,
};

/** Every made bulletin. */
export const OFFICE_FIXTURES: OfficeFixture[] = [
  { name: 'nlzf-59-table', text: '../seeds/nlzf-2022-59.txt', recipe: ALL_OF_IT },
  { name: 'huiji-7-textbox', text: 'huiji-2024-7.txt', recipe: { ...ALL_OF_IT, masthead: 'textbox', pageNumber: 'page' } },
  { name: 'huiji-7-table', text: 'huiji-2024-7.txt', recipe: ALL_OF_IT },
  { name: 'dudao-3-textbox', text: '../bulletins/numbered-sections.txt', recipe: { ...ALL_OF_IT, masthead: 'textbox' }, heldOut: true },
  { name: 'jinshui-3-table', text: '../bulletins/sectionless-yearly.txt', recipe: { ...ALL_OF_IT, pageNumber: 'page' }, heldOut: true },
];
