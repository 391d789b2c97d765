// A news page written for these tests: navigation, a headline with byline and date,
// the article (with an advert, a newsletter box, an image credit and a subheading),
// then related links and a footer, as real pages have them.
export const PAGE_TITLE = 'Ferry Timetable Changes for the Winter';

export function newsPage(extraParagraphs = 0): string {
  const extra = Array.from({ length: extraParagraphs }, (_, i) => `<p>Extra paragraph ${i + 1} keeps the page long: the crossing was calm, the gulls were loud and the tea on board was, as always, too strong for most of the passengers.</p>`).join('\n');
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>${PAGE_TITLE} | The Harbour Gazette</title>
<meta property="og:site_name" content="The Harbour Gazette">
<meta property="og:title" content="${PAGE_TITLE}">
<meta property="article:published_time" content="2025-11-03T08:00:00Z">
<meta name="author" content="Tomasz Reilly">
</head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav>
<main>
<article>
<h1>${PAGE_TITLE}</h1>
<p class="byline">By <span class="author">Tomasz Reilly</span></p>
<p>The island ferry will sail less often from the first of December, the operator said on Monday, as it takes one of its two boats out of service for a long-delayed refit.</p>
<p>Morning crossings will leave at seven and nine, with the last boat home at half past five instead of eight. Season tickets bought before the change will be honoured until they run out.</p>
<p>Advertisement</p>
<figure><img src="ferry.jpg" alt="The ferry at the quay"><figcaption>Photo: Harbour Gazette archive</figcaption></figure>
<p>Islanders who work late on the mainland said the early last boat would leave them stranded. "We were told about this by a notice on the gangway," said Maeve Dunne, who runs the island shop.</p>
<h2>What the refit means</h2>
<p>The older of the two boats, which has carried passengers since the nineteen-nineties, will get new engines and a heated passenger deck. The operator expects it back in service by the spring, when the summer timetable starts again.</p>
<div class="newsletter"><p>Sign up for our newsletter</p></div>
<p>Until then, the council has asked the operator to add a late crossing on Fridays, and says it will pay for the extra fuel itself if the trial is well used.</p>
${extra}
</article>
</main>
<aside><h2>Related</h2><ul><li><a href="/a">Harbour master retires after forty years</a></li><li><a href="/b">New parking rules on the quay</a></li></ul></aside>
<footer><p>© 2025 The Harbour Gazette</p><a href="/privacy">Privacy policy</a></footer>
</body>
</html>`;
}

/** Sentences of the story, each of which must be heard. */
export const STORY_SENTENCES = [
  'The island ferry will sail less often from the first of December',
  'Season tickets bought before the change will be honoured until they run out.',
  'said Maeve Dunne, who runs the island shop.',
  'will get new engines and a heated passenger deck.',
  'says it will pay for the extra fuel itself if the trial is well used.',
];

/** Page furniture, none of which may be heard. */
export const FURNITURE = ['Advertisement', 'Sign up for our newsletter', 'Photo: Harbour Gazette', 'Harbour master retires', 'Privacy policy', 'Weather', '©'];
