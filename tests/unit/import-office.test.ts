import { existsSync, readFileSync } from 'node:fs';
import { Document, Header, Packer, Paragraph } from 'docx';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { extractSource } from '../../src/lib/import/extract.ts';
import { importTarget } from '../../src/lib/import/import-target.ts';
import { planImport } from '../../src/lib/import/plan-import.ts';
import { recognizeBulletin } from '../../src/lib/import/recognize/index.ts';
import { fieldsRight } from '../../scripts/lib/issue-fields.ts';
import { OFFICE_FIXTURES, type OfficeFixture } from '../../scripts/lib/office-fixtures.ts';

// Bulletins made the way offices make them (npm run make-office-fixtures): Word documents with the
// masthead in a table or a text box, running headers, page numbers, Western-font quotes, numbered
// lists and photos, as .docx, as LibreOffice saves them, as Word 97 .doc and as exported PDF.
const OFFICE = new URL('../fixtures/office/', import.meta.url);
// word-quotes.pdf: as Word exports a document whose quotation marks and digits are in Times New Roman
// (made only where the embeddable font draws every character of the text).
const MODERN = ['word.docx', 'libreoffice.docx', 'exported.pdf', 'word-quotes.pdf'];

async function imported(fixture: OfficeFixture, file: string) {
  const url = new URL(`${fixture.name}/${file}`, OFFICE);
  const source = await extractSource(file, new Uint8Array(readFileSync(url)));
  const plan = planImport(source, importTarget([], 'content'), { force: false });
  const truth = recognizeBulletin(readFileSync(new URL(fixture.text, OFFICE), 'utf8')).issue;
  return { source, plan, fields: fieldsRight(truth, recognizeBulletin(source.text).issue) };
}

const numbered = (fixture: OfficeFixture) => /^\d{1,2}[．.]/mu.test(readFileSync(new URL(fixture.text, OFFICE), 'utf8'));
const cases = (fixtures: OfficeFixture[]) =>
  fixtures.flatMap((fixture) =>
    MODERN.filter((file) => existsSync(new URL(`${fixture.name}/${file}`, OFFICE))).map((file) => [fixture.name, file, fixture] as const),
  );

describe('bulletins made in Word, as .docx, as LibreOffice saves them and as exported PDF', () => {
  it.each(cases(OFFICE_FIXTURES.filter((fixture) => !fixture.heldOut)))(
    '%s/%s: every field right, nothing unsure',
    async (_name, file, fixture) => {
      const { fields, plan } = await imported(fixture, file);
      expect(fields.wrong).toEqual([]);
      expect(plan.warnings.filter((warning) => warning.includes('unsure'))).toEqual([]);
    },
  );

  it('sets the running header of a PDF aside on every later page, and says so', async () => {
    const { source } = await imported(
      OFFICE_FIXTURES.find((fixture) => fixture.name === 'nlzf-59-table')!,
      'exported.pdf',
    );
    expect(source.decisions).toContain(
      'set aside the running header "郑州市教育局“能力作风建设年”活动    第59期" on pages 2, 3, 4: page furniture, not text of the issue',
    );
    expect(source.text).not.toMatch(/活动\s+第59期/u);
  });

  it('places each quotation mark and digit Word draws apart in a Western font where it stands in the line', async () => {
    const fixture = OFFICE_FIXTURES.find((each) => each.name === 'nlzf-59-table')!;
    expect(cases([fixture]).map(([, file]) => file)).toContain('word-quotes.pdf');
    const { source } = await imported(fixture, 'word-quotes.pdf');
    expect(source.text).toContain('郑州市教育局“能力作风建设年”活动');
    expect(source.text).toContain('为深入推动“能力作风建设年”“我为群众办实事”活动走深走实，7月27日下午，');
  });

  it("takes a PDF's photo with its caption, where it stands, and keeps it beside the issue", async () => {
    const { source, plan } = await imported(
      OFFICE_FIXTURES.find((each) => each.name === 'huiji-7-table')!,
      'exported.pdf',
    );
    expect(source.decisions).toContain('took 1 photo from the PDF, each where it stands');
    expect(source.text).toContain('“阅读之星”60名。\n\n\uE000image:image1.png\n\n图为学生在读书节上朗诵经典诗文');
    const photo = plan.files.find((file) => file.path.endsWith('/image1.png'))!;
    expect(await sharp(photo.data as Uint8Array).metadata()).toMatchObject({ format: 'png', width: 480, height: 300 }); // its own pixels, not the size it is shown at
    expect(String(plan.files[0]!.data)).toMatch(/\n!\[\]\(\.\/7\/image1\.png\)\n\n图为学生在读书节上朗诵经典诗文\n/u);
  });

  it('writes the numbers Word draws into the list, and reads a text box saved in the newer form only', async () => {
    const fixture = OFFICE_FIXTURES.find((each) => each.name === 'huiji-7-textbox')!;
    const { source } = await imported(fixture, 'libreoffice.docx');
    expect(source.decisions).toEqual([
      'set aside the page headers and footers ("第 2 页", "第 1 页", "惠济区教育工作简报    第7期"): page furniture, not text of the issue',
      'wrote the numbers Word draws for 3 numbered paragraphs (1．, 一、…) into their text',
      'read 1 text box saved in the newer form only, after the paragraph each is anchored in',
    ]);
    expect(source.text).toContain('提出三点要求：\n1．提高政治站位');
    expect(source.text).toContain('\n3．做好服务保障');
  });
});

describe('the same bulletins as Word 97 .doc', () => {
  it.each(OFFICE_FIXTURES.filter((fixture) => !fixture.heldOut).map((fixture) => [fixture.name, fixture] as const))(
    '%s: every field right, or the report says what the file does not give up',
    async (_name, fixture) => {
      const { fields, plan, source } = await imported(fixture, 'word97.doc');
      const unsure = plan.warnings.filter((warning) => warning.includes('unsure'));
      if (!numbered(fixture)) {
        expect(fields.wrong).toEqual([]);
        expect(unsure).toEqual([]);
        return;
      }
      // Word 97 keeps a list's numbers in its list settings, not in the text: they are read from them. LibreOffice
      // saved the list of this document as two lists, and draws 1．1．2． from this file itself (its PDF of the .doc
      // shows so): the numbers are the file's, not the text's it was made from.
      expect(fields.wrong.map((wrong) => wrong.split(':')[0])).toEqual(['section 1 article 1']);
      expect(source.text).toContain('提出三点要求：\n1．提高政治站位，把中考作为当前最重要的工作，逐级压实责任。\n1．严格考务管理');
      expect(source.text).toContain('\n2．做好服务保障');
      expect(source.decisions).toContain('wrote the numbers Word draws for 3 numbered paragraphs (1．, 一、…) into their text');
      expect(unsure).toEqual([
        'unsure: the file holds 1 picture, which a Word 97–2003 file does not give up: they were not imported; save it as .docx in Word or WPS Office and import that',
      ]);
      expect(source.decisions).toContainEqual(expect.stringMatching(/^set aside the page headers and footers \(/u));
    },
  );

  it('reads the text box that holds the masthead where it is anchored, not refusing the file', async () => {
    const { source } = await imported(
      OFFICE_FIXTURES.find((fixture) => fixture.name === 'huiji-7-textbox')!,
      'word97.doc',
    );
    expect(source.decisions).toContain(
      'read the text boxes that hold the masthead ("惠济区教育工作简报 第7期") at the empty line 2 where they are anchored',
    );
    expect(source.text.split('\n').slice(0, 3)).toEqual(['内部资料', '惠济区教育工作简报', '第7期']);
  });
});

describe('held out: made the same ways from texts never tuned on', () => {
  it.each(cases(OFFICE_FIXTURES.filter((fixture) => fixture.heldOut)))(
    '%s/%s: every field right, nothing unsure',
    async (_name, file, fixture) => {
      const { fields, plan } = await imported(fixture, file);
      expect(fields.wrong).toEqual([]);
      expect(plan.warnings.filter((warning) => warning.includes('unsure'))).toEqual([]);
    },
  );
  it.each(OFFICE_FIXTURES.filter((fixture) => fixture.heldOut).map((fixture) => [fixture.name, fixture] as const))(
    '%s/word97.doc: every field right',
    async (_name, fixture) => {
      expect(numbered(fixture)).toBe(false);
      expect((await imported(fixture, 'word97.doc')).fields.wrong).toEqual([]);
    },
  );
});

describe('a masthead set in the page header', () => {
  it('is read before the body where the body has none, and said so', async () => {
    const header = new Header({
      children: ['内部资料', '惠济区教育工作简报', '第8期', '惠济区教育局办公室编          2024年7月2日'].map(
        (line) => new Paragraph(line),
      ),
    });
    const body = [
      '【工作动态】',
      '区教育局召开暑期安全工作会议',
      '7月1日，区教育局召开暑期安全工作会议，部署暑期安全工作。',
      '报：市教育局办公室',
      '惠济区教育局办公室          2024年7月2日印发',
    ];
    const docx = new Uint8Array(
      await Packer.toBuffer(
        new Document({
          sections: [{ properties: { titlePage: true }, headers: { first: header }, children: body.map((line) => new Paragraph(line)) }],
        }),
      ),
    );
    const source = await extractSource('8.docx', docx);
    expect(source.decisions).toContainEqual(
      expect.stringMatching(/^read the masthead from the page header \("内部资料 惠济区教育工作简报 第8期 /u),
    );
    const plan = planImport(source, importTarget([], 'content'), { force: false });
    expect([plan.issue.number, plan.issue.date, plan.issue.classification, plan.output]).toEqual([
      8,
      '2024-07-02',
      '内部资料',
      'hjqjygzj/2024/8.md',
    ]);
  });
});
