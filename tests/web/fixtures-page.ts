// A news page written for these tests: navigation, a headline with byline and date,
// the article (with an advert, a newsletter box, an image credit, photo captions, a
// related story and a subheading),
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
<figure><img src="deck.jpg" alt=""><figcaption>Passengers wait on the quay while the older boat is towed round to the yard.</figcaption></figure>
<h2>What the refit means</h2>
<p>The older of the two boats, which has carried passengers since the nineteen-nineties, will get new engines and a heated passenger deck. The operator expects it back in service by the spring, when the summer timetable starts again.</p>
<div class="wp-caption"><img src="engine.jpg" alt=""><p class="wp-caption-text">A fitter checks one of the new engines before it is craned aboard.</p></div>
<div class="newsletter"><p>Sign up for our newsletter</p></div>
<p>Until then, the council has asked the operator to add a late crossing on Fridays, and says it will pay for the extra fuel itself if the trial is well used.</p>
${extra}
<div class="related-stories"><p>Ten years of crossings: how the island's boats have changed since the old pier was rebuilt.</p></div>
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
export const FURNITURE = ['Passengers wait on the quay', 'A fitter checks one of the new engines', 'Ten years of crossings', 'Advertisement', 'Sign up for our newsletter', 'Photo: Harbour Gazette', 'Harbour master retires', 'Privacy policy', 'Weather', '©'];

// A gadget review written for these tests, laid out as blog platforms lay theirs out: the
// page's scripts, style sheet, comments and icons inline; a JSON-LD block naming the author;
// two product boxes whose feature lists share a line; a rail of teaser cards and a line of
// topic links inside the article; and, after the story, a feed of the site's other posts, each its own <article>.
export const REVIEW_TITLE = 'Two Pocket Torches Tried on a Winter Walk';

const otherPost = (n: number, text: string) => `<article class="post-card"><h2><a href="/p${n}">Other post ${n}</a></h2><p>${text}</p></article>`;
const card = (kicker: string, headline: string) => `<div class="rail-item"><a href="/x"><img src="t.jpg" alt=""></a><h3>${kicker}</h3><p>${headline}</p></div>`;

export function reviewPage(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${REVIEW_TITLE}</title>
<style>.rail-item { display: inline-block } body::after { content: "Style sheet text" }</style>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "${REVIEW_TITLE}", "author": {"@type": "Person", "name": "Ines Okafor"}}</script>
<script>window.trackerText = "Script text that is never shown </div> to anyone";</script>
</head>
<body>
<!-- Comment text left by the page's template -->
<div class="page">
<div class="content">
<article class="story">
<h1>${REVIEW_TITLE}</h1>
<p>We took two small torches out on a long walk along the frozen canal after dark, to see which one a walker would rather have in a coat pocket when the path lights fail.</p>
<svg viewBox="0 0 10 10"><text x="0" y="5">Icon text drawn in a picture</text></svg>
<h2>The brass torch</h2>
<ul><li>Fits in a coat pocket</li><li>Runs for six hours on one charge</li><li>Brass body that warms in the hand</li></ul>
<p>The brass torch threw a warm, narrow beam that picked out the towpath's edge clearly, though the batteries gave out an hour before the makers promised they would.</p>
<div class="rail">
${card('ON THE WATER', 'Canal boats return to the basin for the winter')}
${card('NIGHT SKY', 'Where to see the meteor shower this week')}
${card('MARKETS', 'Christmas stalls open early on the high street')}
${card('WEATHER', 'Freezing fog expected across the valley tonight')}
</div>
<h2>The plastic torch</h2>
<ul><li>Fits in a coat pocket</li><li>Charges from a phone cable</li><li>Bright enough to read a map by</li></ul>
<p>The plastic torch was brighter and lighter, and its wide beam lit the whole path and the bushes on either side, which made the walk feel a good deal less lonely.</p>
<p>In the end we would take the plastic one: it lasted the whole walk, charged from the same cable as a phone, and weighed so little that we forgot it was there at all.</p>
<p>Filed under: <a href="/t/torches">pocket torches</a>, <a href="/t/walking">winter walking</a>, <a href="/t/canals">canal paths</a>, <a href="/t/gear">outdoor gear</a></p>
</article>
<div class="more-posts">
${otherPost(1, 'A long paragraph from another post about mending a bicycle puncture by the roadside with nothing but a spoon, a patch and a great deal of patience on a wet afternoon.')}
${otherPost(2, 'A long paragraph from another post about choosing walking boots for muddy winter paths, and why the cheapest pair in the shop lasted us three whole seasons of hills.')}
${otherPost(3, 'A long paragraph from another post about the best flasks for keeping tea hot on a cold day out, tested on a windy beach for an entire grey Sunday in February.')}
</div>
</div>
</div>
</body>
</html>`;
}

/** Heard, each of them: the story, with both product lists whole (their shared line twice). */
export const REVIEW_STORY = [
  'We took two small torches out on a long walk',
  'Runs for six hours on one charge',
  'the batteries gave out an hour before the makers promised',
  'Bright enough to read a map by',
  'we forgot it was there at all.',
];

/** Not heard, any of them: the page's code, the teaser rail and the other posts. */
export const REVIEW_FURNITURE = ['Style sheet text', 'Script text', 'Comment text', 'Icon text', 'Filed under', 'winter walking', 'Canal boats return', 'meteor shower', 'ON THE WATER', 'Other post', 'bicycle puncture', 'walking boots', 'flasks'];

// A page whose story sits in a box named like a sidebar ("layout-with-sidebar"), which
// Readability's first attempt removes as an unlikely candidate; finding too little text, it
// restores the page and tries again with looser rules. Short teasers stand outside the box.
export const BOXED_TITLE = 'Lighthouse Keepers Return to the Northern Point';

export const BOXED_STORY = [
  'For the first time in thirty years, two keepers will live at the northern point through the winter',
  'The lamp has run itself since the station was automated',
  'the trust that owns the tower wants someone on hand when storms cut the power',
  'The keepers will log the weather every three hours',
  'Visitors may climb the tower on Saturdays once the keepers have settled in',
];

export function boxedStoryPage(): string {
  return `<!doctype html>
<html lang="en-GB">
<head><meta charset="utf-8"><title>${BOXED_TITLE}</title></head>
<body>
<div class="layout-with-sidebar">
<h1>${BOXED_TITLE}</h1>
<p>${BOXED_STORY[0]}, the trust that runs the station said on Tuesday, after a retired couple from the harbour town answered its advertisement.</p>
<p>${BOXED_STORY[1]}, with an engineer visiting once a month, but ${BOXED_STORY[2]} and the foghorn falls silent.</p>
<p>${BOXED_STORY[3]}, as keepers did before them, and send their readings to the coastguard by radio when the telephone line is down.</p>
<p>${BOXED_STORY[4]}, and a small room at the foot of the tower will show the old logbooks to anyone who asks.</p>
</div>
<div class="teasers"><p><a href="/a">Harbour wall repaired</a></p><p><a href="/b">Ferry timetable</a></p></div>
</body>
</html>`;
}
