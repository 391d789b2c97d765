// A story of any length, made of plain narrative sentences, for the benchmark and
// for tests that need a long book.
const SENTENCES = [
  'The ferry left the harbor at seven, a little late, with the tide already turning.',
  'Nobody on the pier remembered who had painted the bollards blue, only that they had always been blue.',
  'She counted the gulls on the breakwater and lost count somewhere past forty.',
  'On the second of May the wind came round to the east and stayed there for a week.',
  '"We could wait," he said, "but the weather won\'t."',
  'The lamp room smelled of brass polish, paraffin and the cold.',
  'By noon the fog had lifted, and the far shore showed itself — grey, then green, then gold.',
  'It cost them $12.50 to cross, which was more than they had planned.',
];

export function generateStory(words: number, chapters: number): string {
  const lines = ['# A Generated Crossing', ''];
  let count = 0;
  let i = 0;
  for (let c = 1; c <= chapters; c++) {
    lines.push(`## Chapter ${c}`, '');
    const target = (words * c) / chapters;
    while (count < target) {
      const paragraph: string[] = [];
      for (let s = 0; s < 4 && count < target; s++) {
        const sentence = SENTENCES[i++ % SENTENCES.length]!;
        paragraph.push(sentence);
        count += sentence.split(/\s+/).length;
      }
      lines.push(paragraph.join(' '), '');
    }
  }
  return lines.join('\n');
}
