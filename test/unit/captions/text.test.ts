import { expect, it } from 'vitest';
import { decodeReferences, isMeaningfulAlt, looksLikeCredit, repeatsAlt } from '../../../src/core/captions';

it.each([
  [null, false], ['', false], ['   ', false], ['IMG_1234.jpg', false], ['DSC0001', false], ['dsc_0042.JPG', false],
  ['image', false], ['Photo', false], ['picture', false], ['img', false], ['hero', false], ['12345', false],
  ['2019-05-03', false], ['photo of', false], ['Getty Images', false], ['Photo: AP', false],
  ['banner-final-v2.png', false], ['Screenshot 2024-01-02 at 10.11.12', false],
  ['A man walks his dog', true], ['Jalaluddin Haqqani', true], ['Ferry at dawn', true],
  ['main article image', false], ['print header logo', false], ['Featured Image', false],
  ['Amsterdam Light Festival 2018 2019 Light a Wish_OGE Group', false],
  ['A ferry, at dawn (2019)', true],
  ['Image: The house in which the composer was born, in Salzburg', true],
])('isMeaningfulAlt(%j) is %s', (alt, meaningful) => {
  expect(isMeaningfulAlt(alt)).toBe(meaningful);
});

it.each([
  ['Photo: AP', true], ['© Getty Images', true], ['Credit: Jane Roe', true], ['AP Photo/John Doe', true],
  ['Getty Images', true], ['Photograph by Ana Ruiz', true], ['Reuters', true], ['(c) Harbour Times', true],
  ['Courtesy of the artist', true], ['Image: NASA', true], ['Credit...Anna Moneymaker/The New York Times', true], ['Credit… Ann Lee', true], ['Photos… from the scene', false],
  ['A photo of the harbour', false], ['The AP reported', false],
  ['Photography class starts Monday at the school', false],
  // A label before a sentence that describes: the alt of a picture, not its credit.
  ['Image: The house in which Adolf Hitler was born in Braunau am Inn, Austria', false],
  ['Photo: Jane Doe for The New York Times via Getty Images', true],
])('looksLikeCredit(%j) is %s', (text, credit) => {
  expect(looksLikeCredit(text)).toBe(credit);
});

it.each([
  ['A man walks his dog.', 'a man walks his dog', true],
  ['A man walks his dog in the park', 'A man walks his dog in the park at dawn', true],
  [
    'A man walks his dog in the park, while his son looks on from a bench near the fountain',
    'A man walks his dog',
    false,
  ],
  ['Crowds gather for the parade', 'A man walks his dog', false],
  ['Haqqani', 'A 2001 file photo of Jalaluddin Haqqani pointing to a map', false],
])('repeatsAlt(%j, %j) is %s', (caption, alt, repeats) => {
  expect(repeatsAlt(caption, alt)).toBe(repeats);
});

it.each([
  ['Fans celebrate &mdash; and wait', 'Fans celebrate — and wait'],
  ['Tom &amp;amp; Jerry', 'Tom &amp; Jerry'],
  ['It&#8217;s here &#x2014; at last', 'It’s here — at last'],
  ['Unknown &foo; and &#0; stay', 'Unknown &foo; and &#0; stay'],
  ['It&#146;s old &#150; and &#151; as browsers read it', 'It’s old – and — as browsers read it'],
  ['Controls &#1; &#127; &#129; are left', 'Controls &#1; &#127; &#129; are left'],
  ['Plain text', 'Plain text'],
])('decodeReferences(%j) is %j', (alt, shown) => {
  expect(decodeReferences(alt)).toBe(shown);
});
