import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanupScript, formatDroppedLines } from '../../src/cleanup/index.js';
import { measureLines } from '../../src/cleanup/features.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const sentencesOf = (text: string) => text.split('\n').filter((l) => /[.!?"”]$/.test(l.trim()) && l.trim().split(' ').length > 6);

describe('a story followed by a section label, teasers, cut-off blurbs and end-of-list lines', () => {
  const text = fixture('story-then-teasers.txt');
  const result = cleanupScript(text, 'orchard.txt');
  const kept = result.lines.map((l) => l.text).join('\n');

  it('loses none of the story: every story sentence and its subheading stay', () => {
    for (const sentence of sentencesOf(text).filter((s) => !s.endsWith('…'))) expect(kept).toContain(sentence);
    expect(kept).toContain('Pruning season');
  });

  it('keeps none of the furniture, whatever its wording', () => {
    for (const furniture of ['Sponsored', 'Neighbourhood', 'Bridge repairs', 'Drivers heading', 'Council delays', 'Councillors said', 'Library extends', 'End of content', 'No more pages', 'Share on Mastodon', 'November 2, 2025']) {
      expect(kept).not.toContain(furniture);
    }
  });

  it('takes the headline as the title and the byline as the author', () => {
    expect(result.title).toEqual({ line: 1, text: 'Town Orchard Saved by Volunteers' });
    expect(result.author).toBe('Priya Nandakumar');
  });

  it('lists every dropped line with its reason for --dry-run', () => {
    const listing = formatDroppedLines(result.dropped);
    expect(result.dropped.length).toBeGreaterThanOrEqual(10);
    for (const d of result.dropped) expect(listing).toContain(`[${d.rule}]  ${d.text.trim()}`);
    expect(result.lines.length + result.dropped.length).toBe(text.split('\n').length);
  });
});

describe('an article with furniture in the middle', () => {
  const result = cleanupScript(fixture('furniture-end-and-middle.txt'), 'night-ferry.txt');

  it('drops a labelled teaser and an advert between paragraphs and keeps the paragraphs around them', () => {
    expect(result.dropped).toContainEqual({ line: 7, text: 'Read more: Island bakery wins county prize', rule: 'teaser-label' });
    expect(result.dropped.map((d) => d.text)).toContain('ADVERTISEMENT');
    expect(result.lines.filter((l) => l.text !== '').map((l) => l.line)).toEqual([5, 9, 13]);
  });

  it('removes footnote markers from kept lines', () => {
    expect(result.inlineRemovals).toContainEqual({ line: 9, text: '[2]', rule: 'footnote-marker' });
  });
});

describe('teasers inside the story, in words no list knows', () => {
  it('drops a section label, a teaser headline and its cut-off blurb between paragraphs', () => {
    const paragraphs = [
      'The council voted on Thursday to buy the old chapel on Quarry Road and turn it into a small concert hall, after two years of fundraising by the village choir.',
      'Work on the roof will begin in April. The choir hopes to give its first concert there before the end of the summer, if the weather holds and the builders keep to their plan.',
    ];
    const text = [paragraphs[0], '', 'Elsewhere in the valley', '', 'Harbour master hangs up his cap after forty winters', 'He saw the port through storms, strikes and one very…', '', paragraphs[1]].join('\n');
    const result = cleanupScript(text, 'chapel.txt');
    expect(result.lines.map((l) => l.text).filter(Boolean)).toEqual(paragraphs);
    expect(result.dropped.map((d) => [d.line, d.rule])).toEqual([
      [3, 'teaser-headline'],
      [5, 'teaser-headline'],
      [6, 'teaser-blurb'],
    ]);
  });
});

describe('a story that only looks like furniture', () => {
  it('keeps every line: UI words inside prose, headings, trailing "…" and "The End"', () => {
    const text = fixture('furniture-ish-story.txt');
    const result = cleanupScript(text, 'fences.txt');
    expect(result.dropped).toEqual([]);
    expect(result.lines.map((l) => l.text).join('\n')).toBe(text);
  });
});

describe('comments under a story', () => {
  it('ends the story where the comment template starts', () => {
    const story = [
      'The harbour board met on Tuesday evening and agreed, after a long and sometimes heated debate, to rebuild the north breakwater before next winter.',
      'Engineers told the board that the old stones had shifted by almost a metre in the February storms, and that a second winter like it could open a gap wide enough to flood the fish market.',
      'The work will be paid for from the reserve fund, which the board has been building up for a decade for exactly this purpose.',
    ];
    const comments = Array.from({ length: 6 }, (_, i) => [`reader${i + 1} says:`, `November ${i + 3}, 2025 at ${i + 1}:1${i} pm`, `I walked past the breakwater last week and it really does look worse than it did, comment number ${i + 1}.`]).flat();
    const result = cleanupScript([...story, 'Leave a comment', ...comments].join('\n\n'), 'harbour.txt');
    const kept = result.lines.map((l) => l.text).filter(Boolean);
    expect(kept).toEqual(story);
  });
});

describe('never refuses', () => {
  it('keeps a short text that is all headline-like lines rather than dropping it all', () => {
    const result = cleanupScript('Morning\nEvening\nNight', 'poem.txt');
    expect(result.lines.map((l) => l.text)).toEqual(['Morning', 'Evening', 'Night']);
  });

  it('does not stop on a page that is mostly furniture; the story is what is left', () => {
    const menu = Array.from({ length: 40 }, (_, i) => `Section ${i + 1}`);
    const story = 'The lighthouse on the point was lit again on Friday night for the first time since the war, and half the village walked out along the cliff path to watch the beam come round.';
    const result = cleanupScript([...menu, '', story, '', ...menu].join('\n'), 'mostly-menu.txt');
    expect(result.lines.map((l) => l.text).filter(Boolean)).toEqual([story]);
  });
});

describe('inline clutter', () => {
  it('cuts a bare URL to its site name and keeps Markdown links', () => {
    const result = cleanupScript('Details are at https://www.example.org/path?q=1. See [the map](https://example.org/map).', 'a.md');
    expect(result.lines[0]!.text).toBe('Details are at example.org. See [the map](https://example.org/map).');
  });

  it('leaves Markdown headings alone', () => {
    const result = cleanupScript('# One\n\n## Chapter\n\nText of the chapter, long enough to read as a sentence of prose.', 'book.md', { markdown: true });
    expect(result.dropped).toEqual([]);
  });
});

describe('a photo credit between paragraphs', () => {
  const text = [
    'Orchard growers count the cost of a late frost',
    '',
    'Growers across the valley woke on Sunday to find blossom browned by a frost that came three weeks late.',
    '',
    '"We lost most of the early pears in a single night," said one grower, who expects a third less fruit.',
    '',
    'Photograph: Lena Okafor',
    '',
    'Forecasters said warmer air was due by the end of the week, but another cold night could not be ruled out.',
  ].join('\n');
  const result = cleanupScript(text, 'frost.txt');

  it('is dropped as a credit, not kept as a subheading', () => {
    expect(result.dropped.find((d) => d.text === 'Photograph: Lena Okafor')?.rule).toBe('image-credit');
    expect(result.lines.map((l) => l.text)).toContain('Forecasters said warmer air was due by the end of the week, but another cold night could not be ruled out.');
  });
});

const keptText = (text: string) => cleanupScript(text, 'page.txt').lines.map((l) => l.text).filter(Boolean);

describe('a page of items, each under the same row of buttons', () => {
  // The row is no interface phrase any list knows; it is furniture because the page prints it over every item.
  const row = 'Forward   Pin   Download';
  const story = [
    'The keeper of the north light kept a logbook for thirty years, writing down every ship that passed the point and every storm that shook the lamp room windows.',
    'When the light was automated, the logbook went to the village museum, where visitors can now turn its pages and read the weather of a whole working life.',
    'The museum hopes to print the logbook next year, with notes from the keeper’s daughter on the ships she still remembers.',
  ];
  const item = (topic: string) => [
    `Bread rises slowly in a cold kitchen, and ${topic} bakers learn to wait for the dough instead of hurrying it with warm water and sugar.`,
    `A good loaf needs flour, salt, water, yeast and time; the ${topic} recipe adds a spoon of honey and a long night in the larder.`,
    `Slice it only when it has cooled, or the crumb turns gummy and the crust loses the crackle that ${topic} bakers prize.`,
  ];
  const text = ['Keeping the light', '', row, '', ...story.flatMap((s) => [s, '']), 'Museums, Coastal life', '', ...['country', 'city', 'mountain', 'island'].flatMap((t) => [row, '', ...item(t).flatMap((s) => [s, ''])])].join('\n');

  it('keeps the first item, the story, and none of the items after it', () => {
    expect(keptText(text)).toEqual(story);
  });
});

describe('teaser cards after a story: headline, name, date and a one-paragraph blurb, again and again', () => {
  const story = [
    'The harbour board met on Tuesday evening and agreed to rebuild the north breakwater before next winter, after engineers warned that the old stones had shifted in the February storms.',
    'The board’s engineers said a second winter like the last could open a gap wide enough to flood the fish market, and the board chose the more expensive of two designs.',
    'Work will begin in April and should be finished by October, the board said, paid for from a reserve fund built up over a decade for exactly this purpose.',
    'Fishing crews will have to use the south quay while the work goes on, which the board admitted would mean early mornings and queues at the ice plant.',
  ];
  // Other stories from the same paper: they share a few of the story's words (harbour, board, winter), as related stories do.
  const cards = [
    ['Ferry timetable changes for the winter', 'Ana Ruiz', 'Tuesday November 18, 2025', 'The island ferry will leave the harbour four times a day this winter instead of six, the operator told the board, blaming fuel costs and a shortage of crew. Islanders say the last crossing now leaves too early for anyone who works a late shift on the mainland, and want it moved back an hour.'],
    ['School choir sings at the cathedral', 'Tom Baird', 'Monday November 17, 2025', 'Forty children from the harbour school sang carols in the cathedral on Sunday, raising money for a new piano and a trip to the national finals in April. Their teacher said the children had practised every lunchtime since September, and that the cathedral’s echo had been the hardest part.'],
    ['New bakery opens on the high street', 'Ana Ruiz', 'Monday November 17, 2025', 'A family from the valley has opened a bakery in the old bank building by the harbour, selling rye bread, seed cakes and a pie from a grandmother’s recipe. The queue on the first morning went round the corner, and the ovens were empty by eleven, so the family plans to start baking an hour earlier.'],
    ['Cyclists ask for a path along the coast road', 'Jo Park', 'Sunday November 16, 2025', 'Riders have written to the council asking for a marked path on the coast road, where they say lorries pass too close on the bends above the fish market. The council says a path would cost more than it can spend this year, but it will count the riders on the road in spring.'],
  ];
  const text = [...story, 'News', 'Harbour', 'Council', 'More from the Gazette', ...cards.flat()].join('\n\n');

  it('keeps the story and none of the cards', () => {
    expect(keptText(text)).toEqual(story);
  });
});

describe('a gallery between the lead and the rest of the story', () => {
  const lead = [
    'A fisherman who hauled up an old ship’s bell off the point on Saturday has handed it to the harbour museum.',
    'The bell, green with age, carries the name of a schooner lost in a storm off the point more than a century ago.',
  ];
  const rest = [
    'Museum staff said the schooner sank with all hands in the winter of 1893, and that the bell is the first part of the wreck ever found.',
    'Divers will search the seabed off the point next summer, when the water is calm enough, to see whether more of the schooner lies there.',
    'The fisherman said he had almost thrown the bell back, thinking it was a lump of rock, until his son scraped away the weed and saw the letters.',
    'The museum will show the bell from next month, beside a painting of the schooner that has hung in the harbour office since the storm.',
  ];
  const text = ['Old ship’s bell found off the point', '12 March 2026', ...lead, '1 / 4', 'The bell on the quay. Photo: Sam Ortiz', '2 / 4', 'The fisherman and his son. Photo: Sam Ortiz', ...rest].join('\n\n');

  it('keeps the lead above the gallery: it shares the story’s words', () => {
    expect(keptText(text)).toEqual([...lead, ...rest]);
  });
});

describe('sentences that end with an emoji', () => {
  it('read as sentences, so an informal story keeps its lines', () => {
    const [line] = measureLines(['We danced until the band packed up and the lights came on 🙂']);
    expect(line!.sentenceEnd).toBe(true);
  });
});

describe('headline and byline', () => {
  const story = [
    'The harbour board met on Tuesday evening and agreed to rebuild the north breakwater before next winter, after engineers warned that the old stones had shifted.',
    'Work will begin in April and should be finished by October, the board said, paid for from a reserve fund built up over a decade for exactly this purpose.',
  ];

  it('takes a capitalised byline as the author and the line above it as the headline, not the buttons below it', () => {
    const result = cleanupScript(['Harbour board votes to rebuild the breakwater', 'By Dana Whit', 'March 12, 2026', 'Print this story', ...story].join('\n\n'), 'page.txt');
    expect(result.title?.text).toBe('Harbour board votes to rebuild the breakwater');
    expect(result.author).toBe('Dana Whit');
    expect(result.dropped.find((d) => d.text === 'By Dana Whit')?.rule).toBe('byline');
    expect(result.lines.map((l) => l.text).filter(Boolean)).toEqual(story);
  });

  it('reads "Posted by … on …" as a byline', () => {
    const result = cleanupScript(['Harbour board votes to rebuild the breakwater', 'Posted by Dana Whit on March 12, 2026, 9:05 AM', ...story].join('\n\n'), 'page.txt');
    expect(result.author).toBe('Dana Whit');
    expect(result.title?.text).toBe('Harbour board votes to rebuild the breakwater');
  });

  it('keeps a sentence that starts with "By" and a capital', () => {
    const line = 'By Monday the council had voted to close the road.';
    expect(keptText([...story.slice(0, 1), line, ...story.slice(1)].join('\n\n'))).toContain(line);
  });

  it('finds no headline in a caption with its credit or a row of buttons', () => {
    const caption = cleanupScript(['Share   Tweet   Submit', 'The old breakwater at low tide.Reuters', ...story].join('\n\n'), 'page.txt');
    expect(caption.title).toBeUndefined();
  });
});

describe("the author's biography under a story", () => {
  const story = [
    'The harbour board met on Tuesday evening and agreed to rebuild the north breakwater before next winter, after engineers warned that the old stones had shifted in the storms.',
    'The engineers said a second winter like the last could open a gap wide enough to flood the fish market, and the board chose the stronger of two designs for the harbour.',
    'Work will begin in April and should be finished by October, the board said, paid for from a reserve fund built up over a decade for exactly this purpose.',
    'Fishing crews will use the south quay while the work goes on, which the board admitted would mean early mornings and queues at the harbour ice plant.',
  ];
  const bio = 'Dana Whit covers the harbour, the fishing fleet and the board for the Gazette, and has written about the town’s coast for ten years.';
  const form = 'Your email address will not be published, and we only use it to let you know when someone replies to your comment about the harbour.';

  it('ends the story before the biography under a name line, and drops the comment form after it', () => {
    const result = cleanupScript([...story, 'Share', 'Dana Whit', bio, 'Leave a Reply', 'Name *', 'Email *', form].join('\n\n'), 'page.txt');
    expect(result.lines.map((l) => l.text).filter(Boolean)).toEqual(story);
    expect(result.dropped.find((d) => d.text === bio)?.rule).toBe('author-bio');
  });

  it('keeps a section that opens with the name of its subheading when it is not a person under a name line', () => {
    const section = ['Breakwater stones', 'Breakwater stones are cut from the quarry above the town and carried down on the old railway, as they were a century ago.'];
    const text = [...story.slice(0, 3), ...section, ...story.slice(3)].join('\n\n');
    expect(keptText(text)).toEqual([...story.slice(0, 3), ...section, ...story.slice(3)]);
  });

  it('keeps a section whose first sentence opens with a capitalised function word under its subheading', () => {
    const section = ['The Storm', 'The wind broke the kitchen window at a quarter past two in the morning, and the board met again at dawn.'];
    const text = [...story.slice(0, 3), ...section, story[3]].join('\n\n');
    expect(keptText(text)).toEqual([...story.slice(0, 3), ...section, story[3]]);
  });

  it('is never looked for in a Markdown script, whose headings may name a person', () => {
    const text = ['# The Harbour', '## Dana Whit', ...story, '## Dana Whit', bio].join('\n\n');
    expect(cleanupScript(text, 'harbour.md', { markdown: true }).dropped).toEqual([]);
  });
});

describe('a caption the page prints on every picture of a gallery', () => {
  it('is dropped each time, even though it reads as a sentence', () => {
    const story = [
      'The harbour board met on Tuesday evening and agreed to rebuild the north breakwater before next winter, after engineers warned that the old stones had shifted in the storms.',
      'The engineers said a second winter like the last could open a gap wide enough to flood the fish market, and the board chose the stronger of two designs.',
      'Work will begin in April and should be finished by October, the board said, paid for from a reserve fund built up over a decade for exactly this purpose.',
    ];
    const caption = 'Waves break over the north breakwater during the February storm, seen from the lighthouse on the point at high tide.';
    const text = [story[0], caption, caption, story[1], caption, story[2]].join('\n\n');
    const result = cleanupScript(text, 'page.txt');
    expect(result.lines.map((l) => l.text).filter(Boolean)).toEqual(story);
    expect(result.dropped.filter((d) => d.text === caption).map((d) => d.rule)).toEqual(['repeated-line', 'repeated-line', 'repeated-line']);
  });
});

describe('a refrain written on purpose', () => {
  it('keeps a line a Markdown script says three times', () => {
    const refrain = 'And the lamp burned on over the water, as it had every night of his life.';
    const verse = (n: number) => `The keeper climbed the tower ${['once', 'twice', 'again', 'at dusk', 'at midnight', 'in the storm', 'at dawn', 'one last time'][n - 1]} that winter, counting the steps as his father had taught him.`;
    const text = ['# The Keeper', '## One', verse(1), verse(2), refrain, verse(3), verse(4), refrain, verse(5), verse(6), refrain, verse(7), verse(8)].join('\n\n');
    const result = cleanupScript(text, 'keeper.md', { markdown: true });
    expect(result.dropped).toEqual([]);
  });

  it('keeps a refrain a plain-text story says three times, never twice in a row', () => {
    const refrain = 'And the lamp burned on over the water, as it had every night of his life.';
    const verse = (n: number) => `The keeper climbed the tower ${['once', 'twice', 'again', 'at dusk', 'at midnight', 'in the storm', 'at dawn', 'one last time'][n - 1]} that winter, counting the steps as his father had taught him.`;
    const lines = [verse(1), verse(2), refrain, verse(3), verse(4), refrain, verse(5), verse(6), refrain, verse(7), verse(8)];
    expect(keptText(lines.join('\n\n'))).toEqual(lines);
  });
});

describe('a long caption with its credit at the end', () => {
  it('is dropped as a credit, however long, and a sentence about credit is kept', () => {
    const story = [
      'The harbour board met on Tuesday evening and agreed to rebuild the north breakwater before next winter, after engineers warned that the old stones had shifted in the storms.',
      'The engineers said a second winter like the last could open a gap wide enough to flood the fish market, and the board chose the stronger of two designs.',
      'The board will borrow nothing: the fund pays for it all, and the treasurer said the board had earned the credit: every penny was saved in advance.',
    ];
    const caption = 'The new breakwater as the engineers drew it: (1) the rock armour on the seaward face, (2) the concrete crown wall, (3) the walkway for the anglers, (4) the light at the end, which will be moved from the old breakwater once the work is done, and (5) the steps down to the south quay. Credit: Harbour Board';
    const result = cleanupScript([story[0], caption, story[1], story[2]].join('\n\n'), 'page.txt');
    expect(result.dropped.find((d) => d.text === caption)?.rule).toBe('image-credit');
    expect(result.lines.map((l) => l.text).filter(Boolean)).toEqual(story);
  });
});

describe('a list under a lead-in whose items abbreviate some months', () => {
  it('keeps every item, "Sept. 4" as well as "June 9"', () => {
    const story = [
      'The town band will tour the coast next summer for the first time in twenty years, playing the harbour towns where it began.',
      'The band’s leader said the tour would end at home, on the quay, with the same march the band played on its first night.',
      'These are the dates of the tour:',
    ];
    const dates = ['June 9 -- Harbour Hall, Portwell', 'June 21 -- Pier Pavilion, Eastcliff', 'July 4 -- Market Square, Saltby', 'Aug. 2 -- Lifeboat Station, Northam', 'Aug. 16 -- Castle Green, Westhaven', 'Sept. 4 -- The Quay, Portwell'];
    const after = 'Tickets go on sale in March at the harbour office and the library, and children under twelve will be let in free at every show.';
    expect(keptText([...story, ...dates, after, 'Share', 'Tweet'].join('\n\n'))).toEqual([...story, ...dates, after]);
  });
});

describe('a three-word lead-in', () => {
  it('keeps the list under "The tour dates:" as the README says', () => {
    const story = [
      'The town band will tour the coast next summer for the first time in twenty years, playing the harbour towns where it began.',
      'The band’s leader said the tour would end at home, on the quay, with the same march the band played on its first night.',
    ];
    const list = ['The tour dates:', 'June 9 -- Harbour Hall, Portwell', 'June 21 -- Pier Pavilion, Eastcliff', 'July 4 -- Market Square, Saltby', 'July 18 -- The Quay, Portwell'];
    const after = 'Tickets go on sale in March at the harbour office and the library, and children under twelve will be let in free at every show.';
    expect(keptText([...story, ...list, after].join('\n\n'))).toEqual([...story, ...list, after]);
  });
});

describe('a picture above the story', () => {
  const story = [
    'The harbour board met on Tuesday evening and agreed to rebuild the north breakwater before next winter, after engineers warned that the old stones had shifted in the storms.',
    'The engineers said a second winter like the last could open a gap wide enough to flood the fish market, and the board chose the stronger of two designs.',
    'Work will begin in April and should be finished by October, the board said, paid for from a reserve fund built up over a decade for exactly this purpose.',
  ];
  const caption = 'Waves break over the north breakwater during the February storms that shifted the old stones, as engineers and the harbour board watched from the fish market before deciding to rebuild it.';

  it('drops its caption when the bare credit stands under it', () => {
    const result = cleanupScript([caption, 'Image: Sam Ortiz', 'Share', ...story].join('\n\n'), 'page.txt');
    expect(result.dropped.find((d) => d.text === caption)?.rule).toBe('photo-caption');
    expect(result.lines.map((l) => l.text).filter(Boolean)).toEqual(story);
  });

  it('keeps the lead when the next picture, caption and credit together, comes after it', () => {
    const pictured = 'The board’s chair on the old breakwater (Credit: Sam Ortiz)';
    expect(keptText([story[0], pictured, story[1], story[2]].join('\n\n'))).toEqual(story);
  });
});

describe('bylines with more than a name', () => {
  const story = [
    'The harbour board met on Tuesday evening and agreed to rebuild the north breakwater before next winter, after engineers warned that the old stones had shifted.',
    'Work will begin in April and should be finished by October, the board said, paid for from a reserve fund built up over a decade for exactly this purpose.',
  ];
  it.each([
    ['By Dana Whit dana@example.org (555) 010-2030', 'Dana Whit'],
    ['by 港湾新聞社 ／ 2025.03.12', '港湾新聞社'],
    ['By Dana Whit — March 12', 'Dana Whit'],
  ])('%s gives the author %s', (byline, author) => {
    const result = cleanupScript(['Harbour board votes to rebuild the breakwater', byline, ...story].join('\n\n'), 'page.txt');
    expect(result.author).toBe(author);
    expect(result.lines.map((l) => l.text).filter(Boolean)).toEqual(story);
  });
});

describe('a short post with a long thread of replies under it', () => {
  const post = [
    'Once a quarter we open a thread where readers can ask us anything about the harbour survey, the breakwater plans or the museum.',
    'You can also write to us, and we will try to answer every question within a week.',
  ];
  // Each reply is longer than the post and talks about the same things, so neither length nor topic tells it apart.
  const replies = [
    ['Mara Quint on March 4, 2025 at 9:12 am said:', 'Has the harbour survey looked at how the breakwater plans would change the currents near the museum, and whether the old stones could be reused for the new wall instead of being shipped away at great cost?'],
    ['Survey Team on March 5, 2025 at 2:40 pm said:', 'Hi Mara,', 'The harbour survey did model the currents, and the breakwater plans keep the museum side calm; we expect to reuse most of the old stones, and the full answer is in the survey report we published last spring.'],
    ['Tobias Fenn on March 9, 2025 at 11:05 pm said:', 'I would like to know why the survey ranked the breakwater above the museum roof, since the museum roof leaks every winter and the breakwater has held for a century without any help from anyone.'],
  ].flat();

  it('keeps the post and none of the replies', () => {
    expect(keptText(['Open thread: March', 'March 1, 2025 | by the Survey Team', ...post, 'Comments', ...replies, 'Comments are closed.'].join('\n\n'))).toEqual(post);
  });

  it('keeps a live report whose entries open with a date and time, with no name above them', () => {
    const entries = [
      'March 4, 2025 9:12 am',
      'The first barge of stone for the new breakwater arrived at the harbour this morning, watched by a small crowd on the quay.',
      'March 4, 2025 11:30 am',
      'Divers began checking the footings of the old breakwater, where the storms shifted the stones by almost a metre.',
      'March 4, 2025 2:05 pm',
      'The harbour board said the breakwater work was on time, and that the quay would reopen to visitors on Friday.',
    ];
    const intro = 'The harbour board starts rebuilding the north breakwater today, and we report from the quay as the work goes on.';
    const kept = keptText(['Breakwater work begins: live', intro, ...entries].join('\n\n'));
    for (const line of [intro, ...entries.filter((_, i) => i % 2 === 1)]) expect(kept).toContain(line);
  });
});

describe('a digression in the middle of a story', () => {
  const lead = [
    'The harbour board voted on Tuesday to rebuild the north breakwater before winter, after engineers warned that the old stones had shifted in the February storms.',
    'The breakwater protects the fish market and the moorings, and the board said the rebuilding would be paid for from its reserve fund.',
  ];
  // A quotation in its own words: few of the story's topic words, between parts of the story.
  const quote = [
    'Asked about it later, the chair recalled her grandmother: "She always told us that patience, courage and a little luck decide most things in life, and I still believe her."',
    '"Some people laughed at that advice when I was young, yet every decision I regret came from ignoring it," she added, smiling.',
  ];
  const rest = [
    'Engineers told the harbour board that the breakwater stones had shifted by almost a metre, and that a second winter of storms could open a gap and flood the fish market.',
    'The board will ask contractors for bids on the breakwater next month, and the rebuilding should begin in April, once the storms have passed and the moorings are cleared.',
    'Fishermen at the market welcomed the vote on the breakwater, saying the moorings had become dangerous in the storms, and that the board had waited too long.',
    'The reserve fund, built up by the board over a decade, holds enough for the breakwater and for new moorings beside the fish market, the treasurer said.',
  ];

  it('keeps the digression and the lead beyond it, which share the story’s words', () => {
    expect(keptText([...lead, 'In her own words', 'Listen to the interview', ...quote, 'What happens next', 'The board’s plans', ...rest].join('\n\n'))).toEqual([...lead, ...quote, ...rest]);
  });
});

describe('a reply header that ends with a colon', () => {
  it('introduces no list of the story’s: two short replies under the story are dropped', () => {
    const story = [
      'The harbour board voted on Tuesday to rebuild the north breakwater before winter, after engineers warned that the old stones had shifted in the February storms.',
      'Work will begin in April and should be finished by October, the board said, paid for from a reserve fund built up over a decade for exactly this purpose.',
    ];
    const replies = ['Mara Quint on March 4, 2025 at 9:12 am said:', 'About time too.', 'Tobias Fenn on March 5, 2025 at 1:40 pm said:', 'Good news for the market.'];
    expect(keptText([...story, ...replies].join('\n\n'))).toEqual(story);
  });
});

describe('reply headers', () => {
  it('need a clock time as well as a full date; a numeric date is not a time', () => {
    const lines = ['Jo Park on May 3, 2021 at 4:47 pm said:', 'May 3, 2021 at 16:47', '2021.05.03 ~ Doors open', 'Jo Park on May 3, 2021 said:'];
    expect(measureLines(lines).map((f) => f.datedHeader)).toEqual([true, true, false, false]);
  });
});
