// extract.ts's stand-in for Readability's visibility test answers as Readability's own does (it is read as true or false)
// on linkedom's elements, whatever the inline style, hidden and aria-hidden say.
import { Readability } from '@mozilla/readability';
import { describe, expect, it } from 'vitest';
import { probablyVisible } from '../../src/web/extract.js';
import { parseHtml, type DomElement } from '../../src/util/dom.js';

const STYLES = [
  '',
  'display:none',
  'display: none;',
  ' display : none ; color: red',
  'DISPLAY:none',
  'display:none !important',
  'display:block; display:none',
  'display:none; display:block',
  'display:none;display:',
  'display:none:later',
  'visibility:hidden',
  'color:red;visibility : hidden',
  'visibility: collapse',
  'background:url(a;b); display:none',
  ';;display;none',
];
const ATTRIBUTES = ['', 'hidden', 'aria-hidden="true"', 'aria-hidden="false"', 'aria-hidden="true" class="fallback-image x"', 'aria-hidden="true" class="other"'];

describe('probablyVisible (Readability’s visibility test without a style object per element)', () => {
  it('answers as Readability does for every style and hiding attribute', () => {
    const cells = STYLES.flatMap((style) => ATTRIBUTES.map((attributes) => `<div ${style ? `style="${style}"` : ''} ${attributes}>x</div>`));
    const doc = parseHtml(`<html><body>${cells.join('')}<svg><g style="display:none"></g></svg></body></html>`);
    const readabilitys = (Readability.prototype as unknown as { _isProbablyVisible: (node: unknown) => boolean })._isProbablyVisible;
    expect(typeof readabilitys).toBe('function');
    const elements = Array.from(doc.querySelectorAll('div, g')) as DomElement[];
    expect(elements).toHaveLength(cells.length + 1);
    const answers = elements.map((el) => [el.getAttribute('style'), probablyVisible(el)]);
    expect(answers).toEqual(elements.map((el) => [el.getAttribute('style'), Boolean(readabilitys.call({}, el))]));
    // Both kinds of answer are in the table, so a test that always says one thing would fail.
    expect(new Set(answers.map(([, visible]) => visible))).toEqual(new Set([true, false]));
  });
});
