import { describe, expect, it } from 'vitest';
import { layOut, laidOutText, type PlacedLine } from '../../src/lib/import/layout.ts';
import type { OcrBox } from '../../src/lib/import/ocr/engine.ts';
import { readScan, runTogether, UNSURE_CONFIDENCE, wordAcross } from '../../src/lib/import/ocr/read-scan.ts';
import { characterAccuracy, commonSubsequence, misreadLines } from '../../scripts/lib/text-accuracy.ts';
import { importTarget } from '../../src/lib/import/import-target.ts';
import { planImport } from '../../src/lib/import/plan-import.ts';
import { SEED_59 } from '../support/fixtures.ts';

const SIZE = 40;
const LEFT = 200;

/** A box as the engine gives it: `text` set from x at SIZE a character, confidences 0.99 unless given, tilted by `tilt` radians. */
function box(
  x: number,
  y: number,
  text: string,
  options: { confidence?: Record<number, number>; tilt?: number; gapAfter?: number } = {},
): OcrBox {
  const chars = [...text];
  const advance = (i: number) => i + (options.gapAfter !== undefined && i > options.gapAfter ? 1 : 0);
  const width = advance(chars.length) * SIZE;
  const tilt = options.tilt ?? 0;
  const at = (dx: number, dy: number): [number, number] => [
    x + dx * Math.cos(tilt) - dy * Math.sin(tilt),
    y + dx * Math.sin(tilt) + dy * Math.cos(tilt),
  ];
  return {
    box: [at(0, 0), at(width, 0), at(width, SIZE * 0.9), at(0, SIZE * 0.9)],
    chars: chars.map((char, i) => ({ char, confidence: options.confidence?.[i] ?? 0.99, at: (advance(i) + 0.5) / advance(chars.length) })),
  };
}

/** A paragraph of full lines (28 characters) and a short last line, the first indented 2em. */
function paragraph(y: number, text: string, pitch = 70): OcrBox[] {
  const chars = [...text];
  const boxes: OcrBox[] = [];
  let taken = 0;
  for (let line = 0; taken < chars.length; line++) {
    const room = line === 0 ? 26 : 28;
    boxes.push(box(line === 0 ? LEFT + 2 * SIZE : LEFT, y + line * pitch, chars.slice(taken, taken + room).join('')));
    taken += room;
  }
  return boxes;
}

const PROSE =
  '为从严从细落实校外培训机构疫情防控工作，市教育局联合市科技局、文广旅局、体育局等部门组成联合督查组，突击抽检我市部分校外培训机构疫情防控工作落实情况。';

describe('laying out printed lines', () => {
  const line = (x: number, y: number, text: string, end = x + [...text].length * 10): PlacedLine => ({ text, x, y, end, size: 10 });

  it('sets a running header aside where it repeats, and on the one later page of a two-page issue where it repeats the masthead', () => {
    const body = (y: number, text: string) => line(120, y, text, 400);
    const header = (text: string) => line(100, 0, text, 400);
    const masthead = [line(150, 40, '教育工作简报', 350), line(200, 60, '第7期', 250), body(100, '正文第一段开头，一直排到右边的边缘为止')];
    // Three pages: the header (its page number changing) on pages 2 and 3, a footer on every page.
    const three = layOut([
      [...masthead, line(100, 300, '内部资料 注意保存', 250)],
      [header('教育工作简报 第7期 第2页'), body(40, '第二页的正文，一直排到右边的边缘为止'), line(100, 300, '内部资料 注意保存', 250)],
      [header('教育工作简报 第7期 第3页'), body(40, '第三页的正文，一直排到右边的边缘为止'), line(100, 300, '内部资料 注意保存', 250)],
    ]);
    expect(laidOutText(three.paragraphs)).not.toMatch(/第[23]页|内部资料/u);
    expect(three.decisions).toEqual([
      'set aside the running footer "内部资料 注意保存" on pages 1, 2, 3: page furniture, not text of the issue',
      'set aside the running header "教育工作简报 第7期 第2页" on pages 2, 3: page furniture, not text of the issue',
    ]);
    // Two pages: the header stands above where page 1's text begins and repeats its masthead.
    const two = layOut([masthead, [header('教育工作简报    第7期'), body(40, '第二页的正文，一直排到右边的边缘为止')]]);
    expect(laidOutText(two.paragraphs)).not.toContain('第7期    ');
    expect(two.decisions).toEqual([
      'set aside the running header "教育工作简报    第7期" on page 2: page furniture, not text of the issue',
    ]);
    // One page: only its page number is furniture. Five pages: the header on pages 2 to 5, whatever page each numbers.
    const one = layOut([[...masthead, line(240, 300, '— 1 —', 260)]]);
    expect(laidOutText(one.paragraphs)).toContain('教育工作简报');
    expect(one.decisions).toEqual(['dropped 1 page-number line']);
    const five = layOut([
      masthead,
      ...[2, 3, 4, 5].map((page) => [header(`教育工作简报    第7期    ${page}`), body(40, `第${page}页的正文，一直排到右边的边缘为止`)]),
    ]);
    expect(laidOutText(five.paragraphs)).not.toMatch(/第7期 {4}\d/u);
    expect(five.decisions).toEqual([
      'set aside the running header "教育工作简报    第7期    2" on pages 2, 3, 4, 5: page furniture, not text of the issue',
    ]);
    // Text at the top of page 2 that repeats nothing stays, however high it stands; so does page 1's masthead.
    const plain = layOut([masthead, [line(100, 0, '会议要求各校认真落实。', 210), body(40, '第二页的正文，一直排到右边的边缘为止')]]);
    expect(laidOutText(plain.paragraphs)).toContain('会议要求各校认真落实。');
    expect(laidOutText(plain.paragraphs)).toContain('教育工作简报');
    expect(plain.decisions).toEqual([]);
  });

  it('runs full lines on, starts anew at an indent, a centred line and a wide gap, and sets page numbers aside', () => {
    const page1 = [
      line(100, 0, '标题在中间', 325),
      line(120, 20, '第一段开头缩进两字，一直排到右边的边缘为止', 400),
      line(100, 40, '这一行接着上一行', 180),
      line(100, 80, '空了一行以后是新的一段，也排到右边的边缘', 400),
      line(240, 120, '— 1 —', 260),
    ];
    const page2 = [line(100, 0, '下一页接着排的字。', 190)];
    const { paragraphs, pageNumbers } = layOut([page1, page2]);
    expect(pageNumbers).toBe(1);
    expect(laidOutText(paragraphs).split('\n')).toEqual([
      '',
      '标题在中间',
      '',
      '第一段开头缩进两字，一直排到右边的边缘为止这一行接着上一行',
      '',
      '空了一行以后是新的一段，也排到右边的边缘下一页接着排的字。',
    ]);
  });

  it('keeps a recipient list wrapped under its label together, and never runs a spread line on', () => {
    const lines = [
      line(100, 0, '正文一行排满到右边的边缘为止，一共二十八个字符的宽度', 400),
      line(100, 20, '发：各县（市、区）教育局、局属各学校、', 400),
      line(130, 40, '局机关各科室', 190),
      { ...line(100, 60, '某某局办公室 2024年6月3日印发', 400), spread: true },
      line(100, 80, '责任编辑：李明', 170),
    ];
    const text = laidOutText(layOut([lines]).paragraphs).split('\n');
    expect(text).toContain('发：各县（市、区）教育局、局属各学校、局机关各科室');
    expect(text).toContain('某某局办公室 2024年6月3日印发');
    expect(text).toContain('责任编辑：李明');
  });

  it('joins a title in large type that filled the measure and went on in the next line, and no other pair of title lines', () => {
    const title = (x: number, y: number, text: string, end: number, size = 16): PlacedLine => ({ text, x, y, end, size });
    const body = [
      line(120, 100, '正文第一段开头缩进两字，一直排到右边的边缘为止', 400),
      line(100, 120, '正文接着排到右边的边缘为止，一直排到右边的边缘', 400),
      line(100, 140, '正文最后一行。', 170),
    ];
    // Wrapped: the first line runs margin to margin, the second is centred in the same type.
    const wrapped = layOut([[title(100, 0, '中牟县教育系统党风廉政建设和反腐', 400), title(203, 24, '败工作简报', 297), ...body]]);
    expect(laidOutText(wrapped.paragraphs).split('\n')).toContain('中牟县教育系统党风廉政建设和反腐败工作简报');
    expect(wrapped.decisions).toEqual(['joined a title printed over two lines: "中牟县教育系统党风廉政建设和反腐败工作简报"']);
    // Two title lines, neither filling the measure (新密市教育系统 / 安全工作简报), stay two.
    const short = layOut([[title(190, 0, '新密市教育系统', 310), title(200, 24, '安全工作简报', 300), ...body]]);
    expect(laidOutText(short.paragraphs).split('\n')).toEqual(expect.arrayContaining(['新密市教育系统', '安全工作简报']));
    // A full line over a line of other type (the office over 简报 set larger), or body type filling the measure, stays apart.
    const sizes = layOut([[title(100, 0, '中共郑州市委教育工作委员会郑州市教育局', 400), title(180, 30, '简报', 320, 24), ...body]]);
    expect(laidOutText(sizes.paragraphs).split('\n')).toEqual(expect.arrayContaining(['中共郑州市委教育工作委员会郑州市教育局', '简报']));
    const plain = layOut([[line(100, 0, '一行正文排满到右边的边缘为止，排满整个宽度', 400), line(170, 20, '居中的一行', 330), ...body]]);
    expect(laidOutText(plain.paragraphs).split('\n')).toEqual(expect.arrayContaining(['居中的一行']));
    expect([short, sizes, plain].flatMap((laid) => laid.decisions)).toEqual([]);
    // A heading in body type, wrapped to one character, close under the text above: one title, standing apart.
    const heading = layOut([
      [
        ...body,
        line(100, 170, '市教育局联合多部门突击抽检校外培训机构疫情防控工', 400),
        line(245, 190, '作', 255),
        ...body.map((l) => ({ ...l, y: l.y + 120 })),
      ],
    ]);
    const headingAt = laidOutText(heading.paragraphs).split('\n').indexOf('市教育局联合多部门突击抽检校外培训机构疫情防控工作');
    expect(headingAt).toBeGreaterThan(0);
    expect(laidOutText(heading.paragraphs).split('\n')[headingAt - 1]).toBe('');
    // A paragraph of one line that ends in a stop is no title, whatever stands centred under it.
    const sentence = layOut([
      [...body, line(100, 170, '会议要求各校认真落实各项工作，确保工作落到实处。', 400), line(200, 190, '居中一行', 300)],
    ]);
    expect(laidOutText(sentence.paragraphs).split('\n')).toEqual(expect.arrayContaining(['居中一行']));
  });
});

describe('reading a scan from its OCR boxes', () => {
  it('sets a tilted page level and joins its lines into paragraphs', () => {
    const tilt = (0.7 * Math.PI) / 180;
    const boxes = paragraph(300, PROSE).map((b) =>
      box(b.box[0][0], b.box[0][1] + (b.box[0][0] - LEFT) * 0, b.chars.map((c) => c.char).join(''), { tilt }),
    );
    const reading = readScan([{ page: 1, boxes: [box(LEFT + 9 * SIZE, 200, '某某工作动态', { tilt }), ...boxes] }]);
    expect(reading.text.split('\n').filter(Boolean)).toEqual(['某某工作动态', PROSE]);
    expect(reading.decisions).toContain('page 1 lay tilted 0.7°: its lines were read level');
    expect(reading.lineNames[reading.text.split('\n').indexOf(PROSE)]).toBe('page 1, line 2');
  });

  it('drops specks read as dots, keeps 7·20, reads a round mark between numerals as 〇 and widens ASCII marks', () => {
    const reading = readScan([
      {
        page: 2,
        boxes: [
          box(LEFT, 100, '郑州“7·20”暴雨中，·了解头村', { confidence: { 11: 0.6 } }),
          box(LEFT, 170, '第一●七高级中学(供稿)', { confidence: { 2: 0.34 } }),
          box(LEFT, 240, '各校、·教师', { confidence: { 3: 0.87 } }),
          ...paragraph(400, PROSE),
        ],
      },
    ]);
    const lines = reading.text.split('\n').filter(Boolean);
    expect(lines).toEqual(['郑州“7·20”暴雨中，了解头村', '第一〇七高级中学（供稿）', '各校、教师', PROSE]);
    expect(reading.decisions).toEqual(
      expect.arrayContaining([
        'page 2: dropped 2 specks read as ·',
        'page 2: set 2 ASCII marks beside Chinese full-width, as printed',
        'page 2: read 1 round marks between Chinese numerals as 〇',
      ]),
    );
  });

  it('restores the 。 a paragraph lost at its end, and says where a character or a mark may be missing', () => {
    const text = PROSE.slice(0, -1);
    const boxes = paragraph(300, text);
    // The engine missed a character inside the second line: a gap the width of one.
    const second = boxes[1]!;
    boxes[1] = box(
      LEFT,
      second.box[0][1],
      second.chars
        .map((c) => c.char)
        .join('')
        .slice(0, 27),
      { gapAfter: 10 },
    );
    const reading = readScan([{ page: 1, boxes }]);
    expect(reading.text.trim().endsWith('落实情况。')).toBe(true);
    expect(reading.decisions).toContain('page 1, line 3: restored 。 at the end of the paragraph (its last line stops short)');
    expect(reading.warnings.some((w) => w.startsWith('page 1, line 2: a character may be missing between'))).toBe(true);
  });

  it('restores no 。 where a word runs on into the next paragraph (a split the text was printed with), and heals it', () => {
    const before = '校园防汛，尽显担当。在7月27日下午的暴雨中，郑州市第一〇七高级中学校园周边内涝严重，积水倒灌校园。学校领导班';
    const after = '子带领党员干部及教师志愿者第一时间展开校园防汛工作，汇聚起校园防汛的强大力量。';
    const first = paragraph(300, before);
    const y = first.at(-1)!.box[0][1] + 140;
    const reading = readScan([{ page: 1, boxes: [...first, ...paragraph(y, after)] }]);
    expect(reading.text.split('\n').filter(Boolean)).toEqual([before, after]);
    expect(reading.warnings).toContain(
      'page 1, line 3: the paragraph stops inside the word 班子: left open to run on into the next, no 。 restored; check against the scan that it runs on',
    );
    expect(wordAcross('我市是全', '国九个')).toBe('全国');
    expect(wordAcross('7月26日上', '午，市教育局')).toBe('上午');
    expect(wordAcross('在下一步的工作中积极改进', '会后，楚惠东')).toBeUndefined();
    expect(wordAcross('共同守护孩子健康成长', '国防教育')).toBeUndefined();
  });

  it('says where a page looks set in two columns, and not for a line spread across a page in one', () => {
    const left = '为从严从细落实校外培训机构疫情';
    const right = '防控工作市教育局联合多部门督查';
    const rows = Array.from({ length: 10 }, (_, row) => [box(LEFT, 300 + row * 70, left), box(LEFT + 18 * SIZE, 300 + row * 70, right)]);
    const reading = readScan([{ page: 1, boxes: rows.flat() }]);
    expect(reading.warnings).toContain(
      'page 1: 10 of its 10 lines are two parts far apart, as in a page set in two columns; they were read across, left to right: check the order of its text against the scan',
    );
    // One column: the office on the left and the date on the right, then prose.
    const single = readScan([
      { page: 1, boxes: [box(LEFT, 200, '某某区教育局办公室'), box(LEFT + 20 * SIZE, 200, '2024年3月12日'), ...paragraph(300, PROSE)] },
    ]);
    expect(single.warnings.filter((warning) => warning.includes('two columns'))).toEqual([]);
  });

  it('names every line read below the confidence threshold, in the order of the scan', () => {
    const reading = readScan([
      { page: 1, boxes: [box(LEFT, 100, '第59期'), box(LEFT, 170, '大冶镇头村举行', { confidence: { 1: UNSURE_CONFIDENCE - 0.2 } })] },
      // The engine misreads a character now and then with a confidence in the nineties (午 read as 牛 at 93 %).
      {
        page: 2,
        boxes: [box(LEFT, 100, '重温入党誓词', { confidence: { 4: 0.5 } }), box(LEFT, 170, '3月1日下牛', { confidence: { 5: 0.93 } })],
      },
    ]);
    expect(reading.warnings).toEqual([
      'page 1, line 2: read with 75 % confidence at "冶": "大冶镇头村举行"; check it against the scan',
      'page 2, line 1: read with 50 % confidence at "誓": "重温入党誓词"; check it against the scan',
      'page 2, line 2: read with 93 % confidence at "牛": "3月1日下牛"; check it against the scan',
    ]);
    expect(reading.pages).toBe(2);
    expect(reading.characters).toBe(23);
  });

  it('reads 日 misread as H closing a date, and keeps a digit 0 read surely between Chinese numerals', () => {
    const reading = readScan([
      {
        page: 1,
        boxes: [
          box(LEFT, 100, '区教育局办公室2022年7月28H印发', { confidence: { 15: 0.7 } }),
          box(LEFT, 170, '高新区社会事业局编二0二四年四月二日'),
          box(LEFT, 240, '共有H型钢材28吨'),
        ],
      },
    ]);
    expect(reading.lines.map((line) => line.text)).toEqual([
      '区教育局办公室2022年7月28日印发',
      '高新区社会事业局编二0二四年四月二日',
      '共有H型钢材28吨',
    ]);
    expect(reading.decisions).toContain('page 1: read 1 mark closing a date (7月28H) as 日');
  });

  it('sees a recipient that reads as two names run together, and not one name with a unit in it', () => {
    expect(runTogether('局直属学校（单位）党组织市属各民办学校党组织')).toEqual(['局直属学校（单位）党组织', '市属各民办学校党组织']);
    expect(runTogether('区委办公室区政府办公室')).toEqual(['区委办公室', '区政府办公室']);
    for (const name of [
      '市教育局机关各党支部',
      '区委办公室',
      '市“能力作风建设年”活动领导小组办公室',
      '省教育厅基础教育处',
      '郑州市教育局各直属学校',
      '各县（市、区）教育局',
    ]) {
      expect(runTogether(name), name).toBeUndefined();
    }
  });

  it('drops a closing bracket read unsurely past a line-final stop, with none open in the line, and keeps printed ones', () => {
    const reading = readScan([
      {
        page: 1,
        boxes: [
          box(LEFT, 100, '发：局直属学校党组织、）', { confidence: { 11: 0.54 } }),
          box(LEFT, 170, '送：各县（市、区）', { confidence: { 8: 0.54 } }),
          box(LEFT, 240, '报：市委办公室、）'),
        ],
      },
    ]);
    expect(reading.text.split('\n').filter(Boolean)).toEqual(['发：局直属学校党组织、', '送：各县（市、区）', '报：市委办公室、）']);
    expect(reading.decisions).toContain('page 1: dropped 1 specks read as ）');
  });

  it('prints a gap between words of a heading as a space', () => {
    const reading = readScan([
      { page: 1, boxes: [box(LEFT + 5 * SIZE, 100, '内部刊物注意保存', { gapAfter: 3 }), ...paragraph(200, PROSE)] },
    ]);
    expect(reading.text.split('\n').filter(Boolean)[0]).toBe('内部刊物 注意保存');
  });

  it('skips a blank page and says so', () => {
    const reading = readScan([
      { page: 1, boxes: paragraph(100, PROSE) },
      { page: 2, boxes: [] },
    ]);
    expect(reading.decisions).toContain('page 2 holds no text: skipped');
    expect(reading.pages).toBe(1);
  });
});

describe('character accuracy', () => {
  it('aligns by the longest common subsequence, both ways, counting Han characters and digits only', () => {
    expect(commonSubsequence([...'垌头村举行'], [...'头村举行'])).toBe(4);
    const accuracy = characterAccuracy('大冶镇垌头村，2021年。', '大冶镇桐头村 2021年');
    expect(accuracy).toEqual({ recall: 10 / 11, precision: 10 / 11, truth: 11, read: 11 });
    expect(misreadLines('登封市大冶镇垌头村举行', [{ text: '登封市大冶镇' }, { text: '镇桐头村' }])).toEqual([{ text: '镇桐头村' }]);
  });
});

describe('a scan whose closing block lost a mark', () => {
  it('says so where a recipient reads as two names run together, and only for a scan', () => {
    const text = SEED_59.replace('局直属学校（单位）党组织、市属', '局直属学校（单位）党组织市属');
    const source = { text, images: [], original: { extension: '.pdf', data: new Uint8Array() } };
    const scanned = planImport({ ...source, scan: { engine: 'test', confidence: 0.99, pages: 5 } }, importTarget([], 'content'), {
      force: false,
    });
    expect(scanned.warnings).toContain(
      'unsure: the recipient "局直属学校（单位）党组织市属各民办学校党组织" of "发：" reads as two names run together ("局直属学校（单位）党组织" and "市属各民办学校党组织"): a 、 between them may be lost in the scan; check it',
    );
    expect(planImport(source, importTarget([], 'content'), { force: false }).warnings).toEqual([]);
  });
});
