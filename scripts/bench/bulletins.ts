import { randomSource } from './corpus.ts';

/**
 * Synthetic bulletins as different offices print them, for the import benchmark: four layouts (【】
 * sections; numbered sections with sources and credits; no sections with ◆ titles, editor's notes
 * and Chinese dates; PDF text hard-wrapped with page numbers and indents), prose from real sentences.
 */

/** A layout the generator writes. */
export type Layout = 'brackets' | 'numbered' | 'sectionless' | 'pdf';

/** The layouts in the order the generator deals them out. */
export const LAYOUTS: readonly Layout[] = ['brackets', 'numbered', 'sectionless', 'pdf'];

const CN_DIGITS = '〇一二三四五六七八九';
const SECTION_NAMES = ['工作动态', '基层动态', '经验交流', '学校风采'];

function chineseNumber(n: number): string {
  if (n < 10) return CN_DIGITS[n]!;
  const tens = Math.floor(n / 10);
  return `${tens > 1 ? CN_DIGITS[tens] : ''}十${n % 10 ? CN_DIGITS[n % 10] : ''}`;
}

/** 2024-03-12 as printed: 2024年3月12日, or 二〇二四年三月十二日. */
function printedDate(iso: string, chinese: boolean): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  if (!chinese) return `${year}年${month}月${day}日`;
  return `${[...String(year)].map((d) => CN_DIGITS[Number(d)]).join('')}年${chineseNumber(month)}月${chineseNumber(day)}日`;
}

/** Lines hard-wrapped at a width, as text extracted from a PDF is. */
function wrap(text: string, width: number): string[] {
  const chars = [...text];
  const lines: string[] = [];
  for (let at = 0; at < chars.length; at += width) lines.push(chars.slice(at, at + width).join(''));
  return lines;
}

/** What one synthetic bulletin is made of. */
export interface BulletinSpec {
  layout: Layout;
  /** 第N期. */
  number: number;
  /** ISO date. */
  date: string;
}

/** Writes one bulletin's text. Same spec and sentences, same text. */
export function syntheticBulletin(spec: BulletinSpec, sentences: readonly string[]): string {
  const random = randomSource(spec.number * 7919 + LAYOUTS.indexOf(spec.layout));
  const pick = () => sentences[Math.floor(random() * sentences.length)]!;
  const paragraph = () => Array.from({ length: 2 + Math.floor(random() * 3) }, pick).join('');
  const title = () => {
    const words = pick().replace(/[^\u4e00-\u9fff0-9“”]/gu, '');
    return words.slice(0, 10 + Math.floor(random() * 12)) || '区教育局召开工作会议';
  };
  const articles = (count: number) => Array.from({ length: count }, () => ({ title: title(), paragraphs: [paragraph(), paragraph()] }));
  const { layout, number, date } = spec;
  const lines: string[] = [];
  const year = date.slice(0, 4);
  if (layout === 'brackets') {
    lines.push('内部刊物 注意保存', '某市教育局', '工 作 简 报', `第${number}期`, '市教育局办公室', printedDate(date, false));
    for (const name of SECTION_NAMES.slice(0, 2)) {
      lines.push(`【${name}】`);
      for (const article of articles(2)) lines.push(article.title, ...article.paragraphs);
    }
    lines.push('报：市委办公室、市政府办公室', '送：市人大教科文卫委', '发：各县（市、区）教育局、局属各学校');
    lines.push(`某市教育局办公室 ${printedDate(date, false)}印发`);
  } else if (layout === 'numbered') {
    lines.push(
      '某区教育信息',
      `${year}年第${number}期（总第${number + 100}期）`,
      `某区教育局办公室 主办          ${printedDate(date, false)}`,
    );
    SECTION_NAMES.slice(1, 3).forEach((name, s) => {
      lines.push(`${chineseNumber(s + 1)}、${name}`);
      articles(2).forEach((article, a) => lines.push(`（${chineseNumber(a + 1)}）${article.title}`, ...article.paragraphs, '（区教育局）'));
    });
    lines.push('（责任编辑：李华）', '主送：区委办公室，区政府办公室', '抄送：各中小学、幼儿园');
    lines.push(`某区教育局办公室 ${printedDate(date, false)}印发`);
  } else if (layout === 'sectionless') {
    lines.push('督导简报', `第${number}期 总第${number + 40}期`, '某县人民政府教育督导室编印', printedDate(date, true));
    articles(4).forEach((article, a) => {
      if (a === 1) lines.push('编者按：现将有关做法刊发，供各地参考。');
      lines.push(`◆${article.title}`, ...article.paragraphs, '（供稿：县教育局）');
    });
    lines.push('呈报：县委、县政府', '分送：各乡镇中心学校');
    lines.push(`某县人民政府教育督导室 ${printedDate(date, true)}印发`, '（共印50份）');
  } else {
    lines.push(
      '教 育 简 报',
      `第 ${number} 期`,
      `某镇中心学校              ${printedDate(date, false).replace(/(\d+)/g, ' $1 ').trim()}`,
      '【 校园动态 】',
    );
    let page = 2;
    for (const article of articles(3)) {
      lines.push(`    ${article.title}`);
      for (const text of article.paragraphs) {
        const wrapped = wrap(text, 30);
        lines.push(`    ${wrapped[0]}`, ...wrapped.slice(1));
        if (random() < 0.3) lines.push('', `- ${page++} -`, '');
      }
    }
    lines.push('报送：镇党委、镇政府', '发送：各村小学');
    lines.push(`某镇中心学校 ${printedDate(date, false)}印发`);
  }
  return `${lines.join(layout === 'pdf' ? '\n' : '\n\n')}\n`;
}

/** The specs of an archive of `count` bulletins: the layouts dealt out in turn, weekly issues, numbered in each. */
export function bulletinSpecs(count: number): BulletinSpec[] {
  return Array.from({ length: count }, (_, index) => {
    const layout = LAYOUTS[index % LAYOUTS.length]!;
    const week = Math.floor(index / LAYOUTS.length);
    const day = new Date(Date.UTC(2000, 0, 3 + week * 7)).toISOString().slice(0, 10);
    return { layout, number: week + 1, date: day };
  });
}
