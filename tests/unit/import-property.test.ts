import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { formatChineseDate } from '../../src/lib/dates.ts';
import { decodeText } from '../../src/lib/import/decode.ts';
import { importTarget } from '../../src/lib/import/import-target.ts';
import { planImport } from '../../src/lib/import/plan-import.ts';
import { ImportError } from '../../src/lib/import/source.ts';
import { recognizeBulletin } from '../../src/lib/import/recognize/index.ts';
import { SEED_59 } from '../support/fixtures.ts';

// Words of real bulletin prose: the seed cut at its punctuation, 2 to 6 characters long.
const WORDS = [...new Set(SEED_59.split(/[^\u4e00-\u9fff]+/u).flatMap((run) => run.match(/.{2,6}/gu) ?? []))];
const word = fc.constantFrom(...WORDS);
// Bulletin prose: sentences of three to six clauses, paragraphs of two to four sentences (60 to 300 characters).
const sentence = fc
  .array(
    fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join('')),
    { minLength: 3, maxLength: 6 },
  )
  .map((parts) => `${parts.join('，')}。`);
const paragraph = fc.array(sentence, { minLength: 2, maxLength: 4 }).map((s) => s.join(''));
const title = fc.array(word, { minLength: 3, maxLength: 6 }).map((w) => w.join('').slice(0, 30));
const half = fc.array(word, { minLength: 1, maxLength: 2 }).map((w) => w.join('').slice(0, 4).padEnd(4, '动'));
const leadPhrase = fc.tuple(half, half).map(([a, b]) => `${a}，${b}。`);

interface Article {
  kind: 'titled' | 'lead';
  title: string;
  paragraphs: string[];
}
const titled = fc.record({ kind: fc.constant('titled' as const), title, paragraphs: fc.array(paragraph, { minLength: 1, maxLength: 3 }) });
const lead = fc.record({ kind: fc.constant('lead' as const), title: leadPhrase, paragraphs: paragraph.map((p) => [p]) });
const section = fc.oneof(fc.array(titled, { minLength: 1, maxLength: 3 }), fc.array(lead, { minLength: 1, maxLength: 3 }));
const SECTION_NAMES = ['市局工作', '学校动态', '基层动态', '工作简讯', '经验交流'];

const CN = '〇一二三四五六七八九';
const cnNumber = (n: number) => (n < 10 ? CN[n]! : `${n >= 20 ? CN[Math.floor(n / 10)] : ''}十${n % 10 ? CN[n % 10] : ''}`);
/** 2024-03-12 as 二〇二四年三月十二日. */
const chineseDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${[...String(y)].map((c) => CN[Number(c)]).join('')}年${cnNumber(m)}月${cnNumber(d)}日`;
};

/** How an office lays its bulletin out: every form the importer must recognise. */
const layout = fc.record({
  sections: fc.constantFrom('brackets' as const, 'numbered' as const, 'none' as const),
  titleMarker: fc.constantFrom('', '◆', '★', '■', '●', '▲', '（一）'),
  numberLine: fc.constantFrom('plain' as const, 'year-total' as const, 'space-total' as const, 'paren-total' as const),
  chineseDates: fc.boolean(),
  officeRole: fc.constantFrom('', ' 主办', '编印', ' 编'),
  officeWithDate: fc.boolean(),
  contents: fc.boolean(),
  sources: fc.boolean(),
  note: fc.boolean(),
  credits: fc.boolean(),
  comma: fc.boolean(),
  copies: fc.constantFrom('none' as const, 'same' as const, 'next' as const),
});

const bulletin = fc.record({
  classification: fc.constantFrom(undefined, '内部刊物 注意保存', '内部资料 注意保管'),
  masthead: fc.constantFrom(['郑州市教育局“能力作风建设年”活动', '简 报'], ['某区教育局', '教育工作简报']),
  number: fc.integer({ min: 1, max: 300 }),
  date: fc.date({ min: new Date('2015-01-01'), max: new Date('2025-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  office: fc.constantFrom(undefined, '领导小组办公室', '区教育局办公室'),
  sections: fc.uniqueArray(fc.tuple(fc.constantFrom(...SECTION_NAMES), section), {
    minLength: 1,
    maxLength: 3,
    selector: ([name]) => name,
  }),
  distribution: fc.uniqueArray(
    fc.tuple(
      fc.constantFrom('报', '送', '发', '抄送', '主送', '呈报', '报送', '分送', '抄报', '发送'),
      fc.array(title, { minLength: 1, maxLength: 3 }),
    ),
    { minLength: 1, maxLength: 3, selector: ([label]) => label },
  ),
  layout,
});
type Bulletin = typeof bulletin extends fc.Arbitrary<infer T> ? T : never;

/** What a layout makes of a bulletin: sections (one unnamed run when printed without), numbered sections heading a titled article. */
function shape(b: Bulletin): [string, Article[]][] {
  const sections = b.sections.map(([name, articles]) => [name, articles as Article[]] as [string, Article[]]);
  if (b.layout.sections === 'none') return [['', sections.flatMap(([, articles]) => articles)]];
  return sections;
}

/** The lines of the closing block's recipients. */
function recipients(b: Bulletin, list: string[]): string {
  return list.join(b.layout.comma ? '，' : '、');
}

/** The bulletin as a printed issue's extracted text: one part a line; `keep` lines are layout that no extraction wraps. */
function printed(b: Bulletin): { lines: string[]; keep: Set<number> } {
  const l = b.layout;
  const date = l.chineseDates ? chineseDate(b.date) : formatChineseDate(b.date);
  const number = {
    plain: `第${b.number}期`,
    'year-total': `${b.date.slice(0, 4)}年第${b.number}期（总第${b.number + 100}期）`,
    'space-total': `第${b.number}期 总第${b.number + 100}期`,
    'paren-total': `第${b.number}期（总第${b.number + 100}期）`,
  }[l.numberLine];
  const office = b.office ? `${b.office}${l.officeRole}` : '';
  const lines = [...(b.classification ? [b.classification] : []), ...b.masthead, number];
  if (office && l.officeWithDate) lines.push(`${office}        ${date}`);
  else lines.push(...(office ? [office] : []), date);
  const sections = shape(b);
  const titled = sections.flatMap(([, articles]) => articles).filter((a) => a.kind === 'titled');
  if (l.contents && titled.length) lines.push('本期要目', ...titled.map((a, i) => `${a.title}…………${i + 1}`));
  const keep = new Set(lines.map((_, index) => index));
  let noted = false;
  sections.forEach(([name, articles], s) => {
    if (l.sections === 'brackets') lines.push(`【${name}】`);
    if (l.sections === 'numbered') lines.push(`${cnNumber(s + 1)}、${name}`);
    articles.forEach((article, a) => {
      if (article.kind === 'titled') {
        if (l.note && !noted) {
          lines.push('编者按：现将有关做法刊发，供参考。');
          keep.add(lines.length - 1);
          noted = true;
        }
        const marker = l.titleMarker === '（一）' ? `（${cnNumber(a + 1)}）` : l.titleMarker;
        lines.push(`${marker}${article.title}`, ...article.paragraphs);
      } else lines.push(`${article.title}${article.paragraphs[0]}`, ...article.paragraphs.slice(1));
      if (l.sources) lines.push('（供稿：某某学校）');
    });
  });
  if (l.credits) lines.push('（责任编辑：张三）');
  lines.push(...b.distribution.map(([label, list]) => `${label}：${recipients(b, list)}`));
  const print = `某某办公室 ${date}印发`;
  if (l.copies === 'same') lines.push(`${print}（共印60份）`);
  else lines.push(print, ...(l.copies === 'next' ? ['（共印60份）'] : []));
  return { lines, keep };
}

/**
 * Layouts that the print itself leaves open are not generated (the importer warns on them instead):
 * numbered sections none of which heads a title, and a lead item right after a titled article with
 * no section between.
 */
function valid(b: Bulletin): boolean {
  const kinds = shape(b).map(([, articles]) => articles.map((a) => a.kind).join(' '));
  if (kinds.some((run) => run.includes('titled lead'))) return false;
  if (b.layout.sections !== 'numbered') return true;
  return b.sections.some(([, articles]) => (articles as Article[])[0]!.kind === 'titled');
}

/** Ways extraction and typing mangle a bulletin; each keeps every character. */
const perturbation = fc.record({
  wrapAt: fc.constantFrom(0, 18, 27, 36),
  pageBreaks: fc.array(fc.nat(), { maxLength: 4 }),
  compact: fc.boolean(),
  encoding: fc.constantFrom('utf-8', 'utf-8-bom', 'gb18030'),
  crlf: fc.boolean(),
  asciiColons: fc.boolean(),
});
type Perturbation = typeof perturbation extends fc.Arbitrary<infer T> ? T : never;

function perturb({ lines, keep }: { lines: string[]; keep: Set<number> }, p: Perturbation): Uint8Array {
  const paragraphAt = lines
    .map((line, index) => (/[。]$/.test(line) && line.length > 30 && !keep.has(index) ? index : -1))
    .filter((i) => i >= 0);
  const out = [...lines];
  // A page break cuts a paragraph mid-sentence, after its first comma (and after a lead phrase).
  for (const pick of new Set(p.pageBreaks.map((n) => paragraphAt[n % Math.max(1, paragraphAt.length)]))) {
    if (pick === undefined) continue;
    const line = out[pick]!;
    const from = Math.max(line.indexOf('。') < 12 ? line.indexOf('。') + 1 : 0, 0);
    const comma = line.indexOf('，', from + 1);
    if (comma < 0 || comma > line.length - 3) continue;
    const cut = comma + 2;
    out[pick] = `${line.slice(0, cut)}\n\n— ${pick} —\n\n${line.slice(cut)}`;
  }
  let blocks = out.map((line, index) =>
    p.wrapAt && !p.compact && !keep.has(index) ? line.replace(new RegExp(`([^\\n]{${p.wrapAt}})(?=[^\\n])`, 'gu'), '$1\n') : line,
  );
  if (p.asciiColons) blocks = blocks.map((line) => line.replace(/^(报|送|发|抄送|主送|呈报|报送|分送|抄报|发送)：/u, '$1:'));
  let text = p.compact ? blocks.join('\n').replace(/\n+/g, '\n') : blocks.join('\n\n');
  if (p.crlf) text = text.replace(/\n/g, '\r\n');
  if (p.encoding === 'gb18030') return new Uint8Array(iconv.encode(text, 'gb18030'));
  return new TextEncoder().encode(p.encoding === 'utf-8-bom' ? `\uFEFF${text}` : text);
}

describe('importer properties', () => {
  it('imports every valid bulletin, however wrapped, broken, encoded or punctuated, with nothing unplaced and a clean round trip', () => {
    fc.assert(
      fc.property(bulletin.filter(valid), perturbation, (b, p) => {
        const bytes = perturb(printed(b), p);
        const { text } = decodeText(bytes);
        const plan = planImport({ text, images: [], original: { extension: '.txt', data: bytes } }, importTarget([], 'content'), {
          force: false,
        });
        expect(plan.warnings.filter((w) => w.includes('differs from the source'))).toEqual([]);
        const recognized = recognizeBulletin(text).issue;
        expect(recognized.number).toBe(b.number);
        expect(recognized.date).toBe(b.date);
        expect(recognized.sections.map((s) => [s.name, s.articles.map((a) => [a.kind, a.title, a.paragraphs.join('')])])).toEqual(
          shape(b).map(([name, articles]) => [name, articles.map((a) => [a.kind, a.title, a.paragraphs.join('')])]),
        );
        const articles = recognized.sections.flatMap((s) => s.articles);
        expect(articles.map((a) => a.source)).toEqual(articles.map(() => (b.layout.sources ? '（供稿：某某学校）' : undefined)));
        expect(articles.filter((a) => a.note !== undefined).length).toBe(
          b.layout.note && articles.some((a) => a.kind === 'titled') ? 1 : 0,
        );
        expect(recognized.credits).toEqual(b.layout.credits ? ['（责任编辑：张三）'] : []);
        expect(recognized.distribution.map(({ label, recipients }) => ({ label, recipients }))).toEqual(
          b.distribution.map(([label, recipients]) => ({ label, recipients })),
        );
        expect(recognized.printed).toMatchObject({ by: '某某办公室', date: b.date, ...(b.layout.copies !== 'none' && { copies: 60 }) });
        expect(recognized.office).toBe(b.office);
        expect(recognized.officeRole).toBe(b.office && b.layout.officeRole ? b.layout.officeRole.trim() : undefined);
        expect(recognized.totalNumber).toBe(b.layout.numberLine === 'plain' ? undefined : b.number + 100);
      }),
      { numRuns: 200, seed: 20260727 },
    );
  }, 30_000);

  it('turns random input into a clear ImportError or a plan, never a crash', () => {
    const junk = fc.oneof(
      fc.string({ maxLength: 400 }),
      fc.string({ unit: 'grapheme', maxLength: 400 }),
      fc
        .array(fc.constantFrom('第5期', '2022年7月28日', '【工作】', '报：甲', '。', '\n', '\n\n', '标题', '内部资料', '印发', '— 2 —'), {
          maxLength: 40,
        })
        .map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(junk, (text) => {
        try {
          planImport({ text, images: [], original: { extension: '.txt', data: new Uint8Array() } }, importTarget([], 'content'), {
            force: false,
          });
        } catch (error) {
          expect(error).toBeInstanceOf(ImportError);
          expect((error as Error).message.length).toBeGreaterThan(5);
        }
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
