import { stringify } from 'yaml';
import type { ContentFile } from '../../src/lib/archive/check.ts';
import { escapeMarkdownHeading, escapeMarkdownText } from '../../src/lib/import/markdown-text.ts';

/**
 * A deterministic synthetic archive for benchmarks: several series, sections and years, 5–8 articles
 * and 4–8 KB an issue, in sentences of real Chinese prose, with people and places that recur across
 * articles (what readers search for). Same seed and prose, same archive.
 */

/** A seeded pseudo-random number generator (mulberry32): the same seed gives the same archive. */
export function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Sentences of Chinese prose from HTML or text: 6–160 characters, mostly Han characters, each ending in 。！？. */
export function proseSentences(source: string): string[] {
  const text = source
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
  const sentences = new Set<string>();
  for (const match of text.matchAll(/[^。！？\n]{6,160}[。！？]/gu)) {
    const sentence = match[0].replace(/\s+/g, ' ').trim();
    const han = sentence.match(/\p{Script=Han}/gu)?.length ?? 0;
    if (han / [...sentence].length >= 0.6 && !/[<>{}[\]|\\`*_#]/.test(sentence)) sentences.add(sentence);
  }
  return [...sentences];
}

const SURNAMES = [
  ...'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭',
];
const GIVEN = [...'建国华明丽军平伟芳敏静强磊洋艳勇杰娟涛超秀英霞刚辉玲桂兰红霞斌鹏宇浩凯晨欣雪梅志宏海燕振东春林俊峰德文'];
const PLACE_HEADS = [...'垌柳杨桃李枣槐榆杏梨松柏竹石岗坡岭河湾塘沟洼坪峪'];
const PLACE_TAILS = ['头村', '家庄', '店镇', '口村', '营村', '集镇', '寨村', '铺镇', '湾社区', '坡街道'];
const SERIES = [
  {
    slug: 'jyjb',
    title: '教育工作简报',
    office: '市教育局办公室',
    numbering: 'continuous',
    sections: ['工作动态', '基层动态', '学校风采', '经验交流'],
  },
  { slug: 'djjb', title: '党建工作简报', office: '机关党委办公室', numbering: 'yearly', sections: ['党建要闻', '支部风采', '学习园地'] },
  {
    slug: 'aqjb',
    title: '校园安全简报',
    office: '安全稳定工作办公室',
    numbering: 'yearly',
    sections: ['安全动态', '隐患排查', '应急演练'],
  },
] as const;
const SECTION_SLUGS: Record<string, string> = {
  工作动态: 'gongzuo',
  基层动态: 'jiceng',
  学校风采: 'fengcai',
  经验交流: 'jingyan',
  党建要闻: 'yaowen',
  支部风采: 'zhibu',
  学习园地: 'xuexi',
  安全动态: 'anquan',
  隐患排查: 'paicha',
  应急演练: 'yanlian',
};
const ACTIONS = ['调研', '检查', '座谈', '部署', '督导', '推进', '开展', '召开', '走访', '慰问'];

/** The generated archive: its files, and the people and places that recur in it. */
export interface Corpus {
  /** Content files: series records and issue files, paths relative to the content folder. */
  files: ContentFile[];
  /** Names of people that occur in articles. */
  people: string[];
  /** Names of places that occur in articles. */
  places: string[];
}

/** Generates an archive of `issues` issues from prose sentences; deterministic for a seed. */
export function generateCorpus(options: {
  issues: number;
  seed: number;
  sentences: readonly string[];
  /** The archive size the series and years are laid out for (default `issues`): the same for N and N+1 issues, so one more is one more. */
  layoutFor?: number;
}): Corpus {
  const random = randomSource(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  if (options.sentences.length < 20) throw new Error(`too little prose to build a corpus: ${options.sentences.length} sentences`);

  const people = [...new Set(Array.from({ length: 80 }, () => `${pick(SURNAMES)}${pick(GIVEN)}${random() < 0.6 ? pick(GIVEN) : ''}`))];
  const places = [...new Set(Array.from({ length: 60 }, () => `${pick(PLACE_HEADS)}${pick(PLACE_HEADS)}${pick(PLACE_TAILS)}`))];
  const clauses = options.sentences
    .flatMap((sentence) => sentence.split(/[，。！？；]/u))
    .filter((c) => [...c].length >= 4 && [...c].length <= 30);

  const sentence = (): string => {
    const body = random() < 0.5 ? pick(options.sentences) : `${pick(clauses)}，${pick(clauses)}。`;
    const roll = random();
    if (roll < 0.15) return `${pick(people)}在${pick(places)}${pick(ACTIONS)}时指出，${body}`;
    if (roll < 0.3) return `在${pick(places)}，${body}`;
    return body;
  };
  const paragraph = (targetChars: number): string => {
    let text = '';
    while ([...text].length < targetChars) text += sentence();
    return text;
  };
  const title = (): string => {
    const clause = pick(clauses)
      .replace(/[^\p{Script=Han}\p{N}]/gu, '')
      .slice(0, 14);
    return `${pick([pick(places), pick(people), '市教育局', '各学校'])}${pick(ACTIONS)}${clause || '工作'}`;
  };

  // A bureau prints a few series, about 50 issues a year each: more issues means more series, not more years.
  const districts = ['', ...'东西南北中新'].map((d) => (d ? `${d}区` : ''));
  const layout = options.layoutFor ?? options.issues;
  const seriesCount = Math.max(SERIES.length, Math.ceil(layout / 1000));
  const allSeries = Array.from({ length: seriesCount }, (_, k) => {
    const template = SERIES[k % SERIES.length]!;
    const round = Math.floor(k / SERIES.length);
    const district = districts[round % districts.length]!;
    return round === 0
      ? template
      : {
          ...template,
          slug: `${template.slug}${round + 1}`,
          title: `${district}${template.title}${round >= districts.length ? round : ''}`,
        };
  });
  const perSeries = Math.ceil(layout / seriesCount);
  const firstYear = 2026 - Math.max(0, Math.ceil(perSeries / 50) - 1);

  const files: ContentFile[] = allSeries.map((series) => ({
    path: `${series.slug}/series.yaml`,
    text: stringify({
      slug: series.slug,
      title: series.title,
      masthead: [series.title.replace(/简报$/, ''), '简 报'],
      office: series.office,
      numbering: series.numbering,
      sections: series.sections.map((name) => ({ name, slug: SECTION_SLUGS[name]! })),
    }),
  }));
  const counters = new Map<string, number>();
  for (let n = 0; n < options.issues; n++) {
    const series = allSeries[n % seriesCount]!;
    const index = Math.floor(n / seriesCount);
    // Weekly issues, the newest this year; a series numbered yearly restarts in January.
    const date = new Date(Date.UTC(firstYear, 0, 5 + index * 7 + (n % 3)));
    const year = date.getUTCFullYear();
    const key = series.numbering === 'yearly' ? `${series.slug}/${year}` : series.slug;
    const number = (counters.get(key) ?? 0) + 1;
    counters.set(key, number);
    const sections = series.sections.filter(() => random() < 0.7);
    if (!sections.length) sections.push(series.sections[0]);
    // 5–8 articles, at least one a section; about 300 characters each, so 4–8 KB an issue.
    const perSection = sections.map(() => 1);
    for (let extra = between(5, 8) - sections.length; extra > 0; extra--) perSection[between(0, sections.length - 1)]!++;
    const body: string[] = [];
    let id = 1;
    sections.forEach((name, s) => {
      body.push(`## ${name}`);
      const lead = random() < 0.25;
      for (let a = 0; a < perSection[s]!; a++) {
        const paragraphs = Array.from({ length: between(1, 2) }, () => paragraph(between(150, 220)));
        if (lead) {
          const phrase = `${pick(clauses)
            .replace(/[^\p{Script=Han}]/gu, '')
            .slice(0, 4)
            .padEnd(4, '动')}，${pick(clauses)
            .replace(/[^\p{Script=Han}]/gu, '')
            .slice(0, 4)
            .padEnd(4, '进')}。`;
          body.push(`### ${escapeMarkdownHeading(phrase)} {#a${id} .lead}`);
        } else {
          body.push(`### ${escapeMarkdownHeading(title())} {#a${id}}`);
        }
        body.push(...paragraphs.map(escapeMarkdownText));
        id++;
      }
    });
    const iso = date.toISOString().slice(0, 10);
    const frontMatter = stringify({
      number,
      date: iso,
      classification: '内部资料 注意保存',
      sections,
      distribution: [
        { label: '报', recipients: ['市委办公室', '市政府办公室'] },
        { label: '发', recipients: ['各区县教育局', '各直属学校'] },
      ],
      printed: { by: series.office, date: iso },
    });
    files.push({ path: `${series.slug}/${year}/${number}.md`, text: `---\n${frontMatter}---\n\n${body.join('\n\n')}\n` });
  }
  return { files, people, places };
}

/** Distinct words in a text by Intl.Segmenter (zh), the corpus's vocabulary size. */
export function vocabularySize(texts: Iterable<string>): number {
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  const words = new Set<string>();
  for (const text of texts) for (const part of segmenter.segment(text)) if (part.isWordLike) words.add(part.segment);
  return words.size;
}
