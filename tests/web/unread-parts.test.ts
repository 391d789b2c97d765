import { describe, expect, it } from 'vitest';
import { withoutUnreadParts } from '../../src/web/extract.js';

describe('withoutUnreadParts (what is cut from a page before it is parsed)', () => {
  it('cuts scripts, style sheets, comments, inline SVG and <noscript> fallbacks, and keeps the text around them', () => {
    const page = '<p>Before</p><script>var s = "<p>inside</p></div>";</script><STYLE media="x">p{}</STYLE><!-- a <b>note</b> --><svg width="1"><text>drawn</text></svg><noscript><img src="a.jpg"><p>Turn on scripts</p></noscript><p>After</p>';
    expect(withoutUnreadParts(page)).toBe('<p>Before</p><p>After</p>');
  });

  it('keeps JSON-LD scripts, where the headline, byline and date are found', () => {
    const ld = '<script type="application/ld+json">{"author": {"name": "A. Writer"}}</script>';
    expect(withoutUnreadParts(`<head>${ld}<script>track()</script></head>`)).toBe(`<head>${ld}</head>`);
  });

  it('reads as the HTML tokenizer does: a script ends at its first closing tag, an unclosed comment runs to the end', () => {
    expect(withoutUnreadParts('<script>a("</script>")</script><p>x</p>')).toBe('")</script><p>x</p>');
    expect(withoutUnreadParts('<p>kept</p><!-- never closed <p>gone</p>')).toBe('<p>kept</p>');
  });

  it('leaves elements whose names only begin like a cut one', () => {
    expect(withoutUnreadParts('<scripted-note>Read me</scripted-note>')).toBe('<scripted-note>Read me</scripted-note>');
  });
});
