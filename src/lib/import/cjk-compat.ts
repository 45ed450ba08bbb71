/**
 * PDF fonts often map common characters to look-alike radicals: Kangxi radicals (⼒ U+2F12 for 力) and
 * CJK radical supplements (⻓ U+2ED3 for 长). Text extracted from such a PDF reads the same but does not
 * search or compare the same; this puts the standard characters back.
 */

// Radical supplements that stand for whole simplified characters; Unicode gives them no decomposition.
const SUPPLEMENT: Record<string, string> = {
  '⺁': '厂',
  '⺇': '几',
  '⺌': '小',
  '⺝': '月',
  '⺟': '母',
  '⺠': '民',
  '⻁': '虎',
  '⻄': '西',
  '⻅': '见',
  '⻆': '角',
  '⻉': '贝',
  '⻋': '车',
  '⻓': '长',
  '⻔': '门',
  '⻘': '青',
  '⻚': '页',
  '⻛': '风',
  '⻜': '飞',
  '⻝': '食',
  '⻢': '马',
  '⻣': '骨',
  '⻤': '鬼',
  '⻥': '鱼',
  '⻦': '鸟',
  '⻧': '卤',
  '⻨': '麦',
  '⻩': '黄',
  '⻪': '黾',
  '⻬': '齐',
  '⻮': '齿',
  '⻰': '龙',
  '⻳': '龟',
};

/** Replaces radical look-alikes with standard characters; counts how many it replaced. */
export function standardCjk(text: string): { text: string; replaced: number } {
  let replaced = 0;
  const fixed = text.replace(/[\u2e80-\u2eff\u2f00-\u2fdf]/gu, (char) => {
    // Kangxi radicals decompose to their ideographs under NFKC.
    const standard = SUPPLEMENT[char] ?? (char >= '\u2f00' ? char.normalize('NFKC') : char);
    if (standard !== char) replaced++;
    return standard;
  });
  return { text: fixed, replaced };
}
