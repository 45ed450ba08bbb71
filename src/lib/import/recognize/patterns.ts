import { NUMERAL_CHARACTERS } from '../../numerals.ts';
import { NOTE_WORDS } from '../../archive/issue-file.ts';
import { BRACKET_SECTION, sectionInBrackets } from '../../section-heading.ts';
import { PrintVerbSchema } from '../../../schemas/issue.ts';

/** The printed forms recognition looks for, each in one place. */

const N = `[${NUMERAL_CHARACTERS}]`;

/** A classification mark: 内部刊物 注意保存, 内部资料, 秘密 … */
export const CLASSIFICATION = /注意保存|注意保管|妥善保管|内部(?:刊物|资料|材料|文件|参阅)|^(?:秘密|机密|绝密)/u;
/** 总第N期 on a line of its own. */
export const TOTAL = /^[（(]?\s*总\s*第\s*(\d{1,5})\s*期\s*[)）]?$/u;
/** A number line with more after it (the office, the date): 第3期 某某局办公室 2024年3月12日. */
export const NUMBER_START = new RegExp(
  `^((?:\\d{4}\\s*年\\s*)?(?:增\\s*刊\\s*)?第\\s*${N}{1,6}\\s*(?:[-—－–~～至]\\s*${N}{1,6}\\s*)?期(?:\\s*[（(]?\\s*总\\s*第\\s*${N}{1,8}\\s*期\\s*[)）]?)?)\\s+(\\S.*)$`,
  'u',
);
/** The role printed after the issuing office. */
export const OFFICE_ROLE = /^(.*?\S)\s*(主办|编印|编发|主编|编)$/u;
export { BRACKET_SECTION } from '../../section-heading.ts';

/**
 * A section heading whose brackets a scan misread or lost: 【市局工作）, （学校动态】, 【市局工作, 市局工作】 —
 * a lenticular bracket on one side and none, or another kind, on the other.
 */
export const MISREAD_SECTION =
  /^(?:[【〖]\s*([\p{Script=Han}·]{2,10})\s*[）)〕］\]]?|[（(〔［[]\s*([\p{Script=Han}·]{2,10})\s*[】〗]|([\p{Script=Han}·]{2,10})\s*[】〗])$/u;

/** The name of a section heading in brackets or between marks; undefined when the text is none. */
export function bracketedName(text: string): string | undefined {
  const name = sectionInBrackets(text);
  if (name !== undefined) return name;
  const misread = MISREAD_SECTION.exec(text);
  return misread ? (misread[1] ?? misread[2] ?? misread[3])!.trim() : undefined;
}

/** True when a section heading's brackets do not pair as printed brackets do (a scan's misreading). */
export function misreadBrackets(text: string): boolean {
  return !BRACKET_SECTION.test(text) && MISREAD_SECTION.test(text);
}
/** The closing labels, as printed before their colon. */
export const LABELS = ['抄送', '抄报', '主送', '呈报', '报送', '分送', '印送', '发送', '呈送', '报', '送', '发'] as const;
const LABEL_SOURCE = LABELS.join('|');
/** A closing line: 报：…, 抄送：… */
export const LABEL = new RegExp(`^(${LABEL_SOURCE})\\s*[：:]\\s*(.*)$`, 'u');
/** Where a second label starts on the same line: 报：甲  送：乙. */
export const LABEL_SPLIT = new RegExp(`\\s{2,}(?=(?:${LABEL_SOURCE})\\s*[：:])`, 'u');
/** 共印N份 as printed, in brackets or not: the pattern's source, its number the group `count`. */
export const COPIES_PART = String.raw`[（(]?\s*共\s*印\s*(?<count>\d+)\s*份\s*[)）]?`;
/** 共印N份 on its own line. */
export const COPIES = new RegExp(`^${COPIES_PART}$`, 'u');
/** The words after the print line's date (印发, 编印, 印制, 印), each letter-spaced or not, longest first. */
export const PRINT_VERB = PrintVerbSchema.options
  .filter(Boolean)
  .map((verb) => [...verb].join(String.raw`\s*`))
  .join('|');
/** Sentence-final punctuation: a line ending so ends its paragraph. */
export const TERMINAL = /[。！？!?…；;”’」』）)》]$/u;
/** Punctuation no title carries (a title may hold one colon, but does not end with it: 二七区：以督促建提升办学水平). */
export const TITLE_PUNCTUATION = /[，。；！？,;!?]|[：:].*[：:]|[：:]$/u;
/** A lead phrase run into its paragraph: 国防教育，入脑入行。为增强… */
export const LEAD = /^([^，。！？,!?\s]{2,10}[，,][^，。！？,!?\s]{2,10}[。！!])\s*(\S[\s\S]*)$/u;
/** The header of a table of contents. */
export const CONTENTS = /^(?:本期要目|本期导读|本期目录|要\s*目|目\s*录|本期内容)$/u;
/** Dotted leaders and a page number ending a contents line. */
export const LEADER = /\s*(?:[.．·…—\-_]{2,}|\s{2,})\s*\d{0,3}\s*$|\s+\d{1,3}$/u;
/** An editor's note opens so. */
export const NOTE = new RegExp(`^[【[]?\\s*(?:${NOTE_WORDS})\\s*[】\\]]?\\s*[：:]?`, 'u');
/** A credit line: (责任编辑：…), 审核：… 校对：… */
export const CREDIT =
  /^[（(]?\s*(?:责任编辑|责编|编辑|审核|审稿|审签|校对|分析|撰稿|主编|签发|核稿|编审|初审|终审|排版|主题词|关键词|联系人|联系电话|电话|地址|邮箱|投稿邮箱)\s*[：:]/u;
/** A source line: (区教育局), (供稿：某某学校), 来源：… */
export const SOURCE_LINE =
  /^(?:[（(]\s*(?:(?:供稿|来源|稿件来源|信息来源|供稿单位|撰稿|作者|通讯员|文|图|图文)\s*[：:|｜/]?\s*)?[^（）()。；;！？]{2,40}[)）]|(?:供稿|来源|稿件来源|信息来源|供稿单位)\s*[：:]\s*[^。；;！？]{2,40})$/u;
/** A source closing the last paragraph: …。（区教育局） */
export const SOURCE_AT_END =
  /^([\s\S]*[。！？!?”])\s*([（(]\s*(?:(?:供稿|来源|稿件来源|信息来源|供稿单位|撰稿|作者|通讯员)\s*[：:]\s*)?[^（）()。，,；;！？]{2,30}[)）])$/u;
/** Parenthesised words that are no source. */
export const NOT_SOURCE = /^[（(]\s*(?:完|待续|未完待续|续|略|下转\S*|上接\S*|此件\S*)\s*[)）]$/u;
/** Markers before an item or heading: ◆ ★ ■ ● ▲, 一、（一）1. */
export const MARKER =
  /^(?:([◆◇★☆■□●○▲△▶►◎◉♦❖※✦✧➤▌▍■])\s*|([一二三四五六七八九十]{1,3})、\s*|[（(]([一二三四五六七八九十]{1,3})[)）]\s*|(\d{1,2})[.．、](?!\d)\s*|[（(](\d{1,2})[)）]\s*)(?=\S)/u;
