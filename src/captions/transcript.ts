// The transcript WCAG 1.2.1 asks for: the whole text as written, one heading per
// chapter, and a link to where each chapter starts in the audio. The links are
// media-fragment URLs (book.mp3#t=12.345) that work without script; a small
// script makes them seek the player on the page instead of leaving it.
import { readableClock } from '../util/clock.js';
import type { BookDocument, Chapter, TimedChapter } from '../types.js';

export interface TranscriptOptions {
  audioFileName: string;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}


export function fragmentSeconds(ms: number): string {
  return (Math.max(0, Math.round(ms)) / 1000).toFixed(3);
}

function paragraphsOf(chapter: Chapter): string[] {
  return chapter.paragraphs.map((p) => p.sentences.map((s) => s.text).join(' ')).filter((text) => text !== '');
}

function chapterStart(chapters: readonly TimedChapter[], index: number): number {
  const timed = chapters.find((c) => c.index === index);
  if (!timed) throw new Error(`chapter ${index + 1} is not on the audio timeline`);
  return timed.startMs;
}

const SEEK_SCRIPT = `
document.addEventListener('click', function (event) {
  var link = event.target.closest ? event.target.closest('a[data-start]') : null;
  var audio = document.getElementById('book-audio');
  if (!link || !audio || !audio.canPlayType) return;
  event.preventDefault();
  audio.currentTime = Number(link.getAttribute('data-start'));
  var playing = audio.play();
  if (playing && playing.catch) playing.catch(function () {});
  audio.focus();
});`;

const STYLE = `
body { font: 1.125rem/1.6 system-ui, sans-serif; max-width: 42rem; margin: 0 auto; padding: 1rem; }
audio { width: 100%; }
.chapter-start { font-size: 1rem; }`;

export function transcriptHtml(book: BookDocument, chapters: readonly TimedChapter[], options: TranscriptOptions): string {
  const { meta } = book;
  const audio = escapeHtml(encodeURI(options.audioFileName));
  const sections = book.chapters.map((chapter) => {
    const startMs = chapterStart(chapters, chapter.index);
    const id = `chapter-${chapter.index + 1}`;
    const title = escapeHtml(chapter.title);
    const seconds = fragmentSeconds(startMs);
    const link = `<a href="${audio}#t=${seconds}" data-start="${seconds}" aria-label="Listen from ${readableClock(startMs)}: ${title}">Listen from ${readableClock(startMs)}</a>`;
    const paragraphs = paragraphsOf(chapter).map((text) => `<p>${escapeHtml(text)}</p>`);
    return [`<section aria-labelledby="${id}">`, `<h2 id="${id}">${title}</h2>`, `<p class="chapter-start">${link}</p>`, ...paragraphs, '</section>'].join('\n');
  });
  const byline = meta.author ? `\n<p>by ${escapeHtml(meta.author)}</p>` : '';
  return `<!DOCTYPE html>
<html lang="${escapeHtml(meta.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(meta.title)}: transcript</title>
<style>${STYLE}
</style>
</head>
<body>
<header>
<h1>${escapeHtml(meta.title)}</h1>${byline}
<audio id="book-audio" aria-label="Audiobook" controls preload="metadata" src="${audio}"><a href="${audio}">Download the audiobook</a></audio>
</header>
<main>
${sections.join('\n')}
</main>
<script>${SEEK_SCRIPT}
</script>
</body>
</html>
`;
}

export function transcriptText(book: BookDocument, chapters: readonly TimedChapter[]): string {
  const { meta } = book;
  // What is heard, as text: the headline is said (as the first chapter's title), the
  // byline is not, so it stays in the tags, the manifest and transcript.html's header.
  const parts = [meta.title];
  for (const chapter of book.chapters) {
    // An article's first chapter is named after its headline, already written above.
    const heading = chapter.index === 0 && chapter.title === meta.title ? [] : [`${chapter.title}`];
    parts.push('', ...heading, `(from ${readableClock(chapterStart(chapters, chapter.index))})`, '', paragraphsOf(chapter).join('\n\n'));
  }
  return parts.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}
