import { describe, expect, it } from 'vitest';
import { storyAddress } from '../../../src/content/story-address';

const at = (href: string): string => storyAddress(new URL(href));

describe('storyAddress', () => {
  it('leaves out a fragment that names a place on the page', () => {
    expect(at('https://news.example/world/story?id=4#comments')).toBe('https://news.example/world/story?id=4');
    expect(at('https://news.example/live#post-12')).toBe('https://news.example/live');
    expect(at('https://news.example/story#')).toBe('https://news.example/story');
  });

  it('keeps a fragment route, which is a story of its own', () => {
    expect(at('https://app.example/#/world/story-2')).toBe('https://app.example/#/world/story-2');
    expect(at('https://app.example/#!/story-3')).toBe('https://app.example/#!/story-3');
  });

  it('is the address itself when there is no fragment', () => {
    expect(at('https://news.example/story')).toBe('https://news.example/story');
  });
});
