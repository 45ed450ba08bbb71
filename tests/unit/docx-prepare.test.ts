import { AlignmentType, Document, LevelFormat, Packer, Paragraph } from 'docx';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { numberInFormat, prepareDocx } from '../../src/lib/import/docx-prepare.ts';
import { chineseNumeral } from '../../src/lib/numerals.ts';

/** A .docx whose paragraphs are numbered by Word from the given levels: each item [level, text]. */
async function numberedDocument(
  levels: { format: (typeof LevelFormat)[keyof typeof LevelFormat]; text: string }[],
  items: [number, string][],
) {
  const document = new Document({
    numbering: {
      config: [
        {
          reference: 'list',
          levels: levels.map((level, index) => ({ level: index, format: level.format, text: level.text, alignment: AlignmentType.LEFT })),
        },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph('会议提出要求：'),
          ...items.map(([level, text]) => new Paragraph({ text, numbering: { reference: 'list', level } })),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

const paragraphs = async (data: Uint8Array) =>
  (await mammoth.extractRawText({ buffer: Buffer.from(data) })).value.split('\n').filter(Boolean);

describe('Word documents made ready to be read as Word prints them', () => {
  it('counts in Chinese as Word does', () => {
    expect([1, 10, 12, 20, 21, 100, 105, 110].map(chineseNumeral)).toEqual([
      '一',
      '十',
      '十二',
      '二十',
      '二十一',
      '一百',
      '一百零五',
      '一百一十',
    ]);
    expect(
      ['decimal', 'chineseCounting', 'ideographTraditional', 'decimalEnclosedCircle', 'decimalFullWidth', 'lowerLetter', 'upperRoman'].map(
        (format) => numberInFormat(3, format),
      ),
    ).toEqual(['3', '三', '丙', '③', '３', 'c', 'III']);
  });

  it('writes the numbers Word draws into the paragraphs, each level counted and restarted under the one above', async () => {
    const data = await numberedDocument(
      [
        { format: LevelFormat.CHINESE_COUNTING, text: '%1、' },
        { format: LevelFormat.CHINESE_COUNTING, text: '（%2）' },
        { format: LevelFormat.DECIMAL, text: '%3．' },
      ],
      [
        [0, '提高站位'],
        [1, '压实责任'],
        [2, '逐级落实'],
        [2, '按日报告'],
        [1, '严格管理'],
        [0, '做好服务'],
        [1, '保障到位'],
      ],
    );
    // Read as it is, the numbers are lost: mammoth keeps only that the paragraphs are a list.
    expect(await paragraphs(data)).toContain('提高站位');
    const prepared = await prepareDocx(data);
    expect(prepared.numbersDrawn).toBe(7);
    expect(await paragraphs(prepared.data)).toEqual([
      '会议提出要求：',
      '一、提高站位',
      '（一）压实责任',
      '1．逐级落实',
      '2．按日报告',
      '（二）严格管理',
      '二、做好服务',
      '（一）保障到位',
    ]);
  });

  it('draws circled numbers, leaves a document without numbering as it is', async () => {
    const circled = await prepareDocx(
      await numberedDocument(
        [{ format: LevelFormat.DECIMAL_ENCLOSED_CIRCLE, text: '%1' }],
        [
          [0, '甲'],
          [0, '乙'],
        ],
      ),
    );
    expect((await paragraphs(circled.data)).slice(1)).toEqual(['①甲', '②乙']);
    const plain = new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('正文')] }] })));
    expect(await prepareDocx(plain)).toEqual({ data: plain, numbersDrawn: 0, boxesCopied: 0, headerLines: [] });
  });
});
