import { describe, expect, it } from 'vitest';
import { inspectImage, planCaptions, type PlanOptions } from '../../../src/core/captions';
import { captionFixtures, elementBefore, expectedFor, hiddenText, loadPage, one } from './load';

const modes: Array<[string, () => Window | null]> = [
  ['computed style', () => window],
  ['no window (inline styles, attributes, classes)', () => null],
];

describe.each(captionFixtures)('%s', (name) => {
  const expected = expectedFor(name);

  it.each(modes)('plan matches expected.json with %s', (_mode, view) => {
    const article = loadPage(name, expected.article);
    const opts: PlanOptions = { showAltText: true, expandCaptions: true, view: view() };
    const plan = planCaptions(article, opts);

    const wanted = expected.images.filter((e) => e.actions.length).map((e) => one(e.image));
    expect(plan.map((p) => p.image), 'images with actions').toEqual(wanted);

    for (const exp of expected.images) {
      const img = one(exp.image) as HTMLImageElement;
      const entry = plan.find((p) => p.image === img) ?? inspectImage(img, article, opts);
      const label = `${name} ${exp.image}`;
      expect([...(plan.find((p) => p.image === img)?.actions ?? [])].sort(), label).toEqual([...exp.actions].sort());
      if (exp.caption !== undefined) expect(entry.caption, `${label} caption`).toBe(exp.caption && one(exp.caption));
      if (exp.credit !== undefined) expect(entry.credit, `${label} credit`).toBe(exp.credit && one(exp.credit));
      for (const sel of exp.expanded ?? []) {
        expect(entry.unclamp.map((u) => u.element), `${label} expands ${sel}`).toContain(one(sel));
      }
      if (exp.concealed) expect(entry.conceal, `${label} conceal`).toEqual(exp.concealed.map(one));
      if (exp.hiddenText !== undefined) expect(hiddenText(entry), `${label} hidden`).toBe(exp.hiddenText);
      if (exp.describedBy) expect(entry.describedBy, `${label} describedBy`).toEqual(exp.describedBy.map(one));
      if (exp.revealedAfter) {
        expect(entry.insertAt, `${label} insertAt`).not.toBeNull();
        expect(elementBefore(entry.insertAt!.parent, entry.insertAt!.before)).toBe(one(exp.revealedAfter));
      }
    }
  });

  it('is a plausible small article with only local resources', () => {
    const article = loadPage(name, expected.article);
    expect(article.querySelector('h1')).not.toBeNull();
    const paragraphs = Array.from(article.querySelectorAll('p')).filter((p) => (p.textContent ?? '').length > 150);
    expect(paragraphs.length).toBeGreaterThanOrEqual(3);
    expect(paragraphs.reduce((n, p) => n + (p.textContent ?? '').length, 0)).toBeGreaterThanOrEqual(1000);
    for (const el of Array.from(document.querySelectorAll('[src], [srcset], [data-src], [data-srcset], link[href]'))) {
      for (const attr of ['src', 'srcset', 'data-src', 'data-srcset', 'href']) {
        expect(el.getAttribute(attr) ?? '', `${name} ${attr}`).not.toMatch(/^(?:https?:)?\/\//);
      }
    }
  });

  it('plans nothing with both preferences off', () => {
    const article = loadPage(name, expected.article);
    expect(planCaptions(article, { showAltText: false, expandCaptions: false, view: window })).toEqual([]);
  });

  it('plans no reveal-alt with show-alt-text off, and only reveal-alt with captions off', () => {
    const article = loadPage(name, expected.article);
    const noAlt = planCaptions(article, { showAltText: false, expandCaptions: true, view: window });
    expect(noAlt.flatMap((e) => e.actions)).not.toContain('reveal-alt');
    const onlyAlt = planCaptions(article, { showAltText: true, expandCaptions: false, view: window });
    expect(onlyAlt.flatMap((e) => e.actions).every((a) => a === 'reveal-alt')).toBe(true);
  });
});

it('has at least ten caption fixtures', () => {
  expect(captionFixtures.length).toBeGreaterThanOrEqual(10);
});

it('does not expand a visually hidden label meant for screen readers', () => {
  const article = loadPage('captions-demo-alt-repeated');
  const label = document.createElement('span');
  // The usual sr-only utility (Tailwind, Bootstrap).
  label.setAttribute('style', 'position: absolute; clip: rect(0, 0, 0, 0); overflow: hidden; width: 1px; height: 1px');
  label.textContent = 'Credit';
  one('#lead-figure figcaption').append(label);
  const plan = planCaptions(article, { showAltText: true, expandCaptions: true, view: window });
  expect(plan[0]?.actions).not.toContain('expand');
});

it('does not show text a site hides next to an avatar-sized picture: a name or a bio, not a caption', () => {
  const article = loadPage('captions-truncated-twin');
  const opts: PlanOptions = { showAltText: true, expandCaptions: true, view: window };
  expect(planCaptions(article, opts)[0]?.actions).toContain('expand');
  const img = one('#roadster');
  img.setAttribute('width', '40');
  img.setAttribute('height', '40');
  // Not called a caption: only where it sits makes it one.
  one('.caption').className = 'about';
  expect(planCaptions(article, opts).flatMap((e) => e.actions)).not.toContain('expand');
});

it("hides the full copy's own 'less' switch, but not a link or a switch that opens something else", () => {
  const article = loadPage('captions-truncated-twin');
  const full = one('.caption-full');
  full.insertAdjacentHTML('beforeend', '<a href="/gallery/roadster">See more</a><button aria-expanded="false">Photo credit</button>');
  const entry = planCaptions(article, { showAltText: true, expandCaptions: true, view: window })[0]!;
  expect(entry.conceal).toContain(one('.caption-full .more-caption'));
  expect(entry.conceal).not.toContain(one('.caption-full a[href]'));
  expect(entry.conceal).not.toContain(one('.caption-full button'));
});

it('never takes a block that holds a heading for a caption: the headline set over the picture is not its description', () => {
  const article = loadPage('captions-sibling-credit');
  const pic = one('.pic__text');
  pic.innerHTML = '<h1>Yacht torn from its moorings in the night</h1>';
  pic.className = 'pic__title';
  const entries = planCaptions(article, { showAltText: true, expandCaptions: true, view: window });
  expect(entries.some((e) => e.caption === pic || (e.describedBy ?? []).some((d) => d === pic || d.contains(pic)))).toBe(false);
});

it("shows an alt text's escaped characters as the characters they stand for", () => {
  const article = loadPage('captions-lazy-image');
  one('#mill').setAttribute('alt', 'The mill race in spring &mdash; full after a week of rain');
  const entry = planCaptions(article, { showAltText: true, expandCaptions: true, view: window }).find((e) => e.image.id === 'mill');
  expect(entry?.actions).toContain('reveal-alt');
  expect(entry?.alt).toBe('The mill race in spring — full after a week of rain');
  // Read before it is judged: an escaped credit is still a credit, not a caption to show.
  one('#mill').setAttribute('alt', '&copy; Getty Images');
  const credit = planCaptions(article, { showAltText: true, expandCaptions: true, view: window }).find((e) => e.image.id === 'mill');
  expect(credit?.actions ?? []).not.toContain('reveal-alt');
});

it('shows the alt of a picture whose caption is a credit alone, before the credit', () => {
  const article = loadPage('captions-lazy-image');
  const credit = article.ownerDocument.createElement('figcaption');
  credit.innerHTML = '<span class="caption__credit">Photograph: Tim Robberts/Getty Images</span>';
  one('#mill-figure').append(credit);
  const entry = planCaptions(article, { showAltText: true, expandCaptions: true, view: window }).find((e) => e.image.id === 'mill');
  expect(entry?.captionText).toBe('');
  expect(entry?.actions).toContain('reveal-alt');
  expect(entry?.insertAt?.before).toBe(entry?.credit);
});

it("does not show an alt text that is the story's headline again", () => {
  const article = loadPage('captions-lazy-image');
  const headline = one('h1').textContent ?? '';
  one('#mill').setAttribute('alt', headline);
  const entry = planCaptions(article, { showAltText: true, expandCaptions: true, view: window }).find((e) => e.image.id === 'mill');
  expect(entry?.actions ?? []).not.toContain('reveal-alt');
});

it('does not show an alt that is the headline with a few keywords added, and shows one that tells more', () => {
  const article = loadPage('captions-lazy-image');
  const opts: PlanOptions = { showAltText: true, expandCaptions: true, view: window };
  const shown = (alt: string): boolean => {
    one('#mill').setAttribute('alt', alt);
    return (planCaptions(article, opts).find((e) => e.image.id === 'mill')?.actions ?? []).includes('reveal-alt');
  };
  one('h1').textContent = 'Meal Prep for A Little More Obsessed';
  expect(shown('Meal Prep for 80 Day Obsession, A Little More Obsessed')).toBe(false);
  expect(shown('Containers of rice, chicken and greens for the week lined up on a kitchen counter, ready for Meal Prep')).toBe(true);
  one('h1').textContent = 'Firefighters battle wildfire near Athens as thousands flee their homes';
  expect(shown('Firefighters battle wildfire near Athens as thousands flee their homes in Varnavas, north of the capital')).toBe(true);
});

it("does not show an alt that is the picture's file name with its dashes made spaces, and shows one that only shares words with it", () => {
  const article = loadPage('captions-lazy-image');
  const opts: PlanOptions = { showAltText: true, expandCaptions: true, view: window };
  const mill = one('#mill');
  const shown = (alt: string, file: string): boolean => {
    mill.setAttribute('alt', alt);
    mill.setAttribute('data-src', file);
    return (planCaptions(article, opts).find((e) => e.image.id === 'mill')?.actions ?? []).includes('reveal-alt');
  };
  expect(shown('Amsterdam Light Festival 2018 2019 Portam Civitatis Peter Snijder', '/uploads/Amsterdam-Light-Festival-2018-2019-Portam-Civitatis-Peter-Snijder-768x593.jpg')).toBe(false);
  expect(shown('The restored watermill on the Elver brook in the spring flood', '/uploads/restored-watermill-elver-brook.jpg')).toBe(true);
});

it('does not show an alt set on several different pictures (a post title, hashtags), and shows one set on copies of one picture', () => {
  const article = loadPage('captions-lazy-image');
  const opts: PlanOptions = { showAltText: true, expandCaptions: true, view: window };
  const alt = 'Give the Gift of Homemade Pear Jam #ad #canning #jam #holidays';
  const mill = one('#mill');
  mill.setAttribute('alt', alt);
  const other = document.createElement('img');
  other.setAttribute('alt', alt);
  other.setAttribute('width', '800');
  other.setAttribute('height', '500');
  mill.closest('figure')!.after(other);
  const revealed = (): boolean => (planCaptions(article, opts).find((e) => e.image.id === 'mill')?.actions ?? []).includes('reveal-alt');
  other.setAttribute('src', 'mill-800x500.svg');
  expect(revealed()).toBe(true);
  other.setAttribute('src', 'jars-on-shelf.svg');
  expect(revealed()).toBe(false);
});

it("hears a picture named by aria-label once when a figcaption set after its figure repeats it, and ties a different one to it", () => {
  const article = loadPage('captions-lazy-image');
  const opts: PlanOptions = { showAltText: true, expandCaptions: true, view: window };
  const box = document.createElement('div');
  box.innerHTML =
    '<figure><img id="traders" src="traders.svg" width="800" height="500" aria-label="FILE PHOTO: Traders work on the floor of the exchange. REUTERS/Brendan McDermid"></figure>' +
    '<figcaption><span>FILE PHOTO: Traders work on the floor of the exchange. REUTERS/Brendan McDermid</span></figcaption>';
  one('#mill-figure').after(box);
  const entry = (): ReturnType<typeof inspectImage> | undefined => planCaptions(article, opts).find((e) => e.image.id === 'traders');
  expect(entry()?.caption).toBe(box.querySelector('figcaption'));
  expect(entry()?.actions).toContain('dedupe');
  box.querySelector('figcaption span')!.textContent = 'Traders at the close on Monday, when the index fell two per cent';
  expect(entry()?.actions).toContain('describe');
  expect(entry()?.actions).not.toContain('dedupe');
});

it("finds a figcaption set after the box that holds the figure alone (a hero's), and hears once its part that repeats the alt", () => {
  const article = loadPage('captions-lazy-image');
  const opts: PlanOptions = { showAltText: true, expandCaptions: true, view: window };
  const box = document.createElement('div');
  box.innerHTML =
    '<div class="hero"><figure><picture><img id="house" src="house.svg" width="800" height="500" alt="Image: The house in which the composer was born, in Salzburg"></picture></figure></div>' +
    '<figcaption><span id="where">The house where the composer was born, in Salzburg.</span><span>Ann Lee / Reuters file</span></figcaption>';
  one('#mill-figure').after(box);
  const entry = (): ReturnType<typeof inspectImage> | undefined => planCaptions(article, opts).find((e) => e.image.id === 'house');
  expect(entry()?.caption).toBe(box.querySelector('figcaption'));
  expect(entry()?.hide).toEqual([box.querySelector('#where')]);
  // A box with words of its own beside the figure: the figcaption after it is not the figure's.
  box.querySelector('.hero')!.append(Object.assign(document.createElement('p'), { textContent: 'Tickets go on sale on Monday.' }));
  expect(entry()?.caption ?? null).not.toBe(box.querySelector('figcaption'));
});

it('hears once the part of a caption that repeats the alt, beside a credit with no label to tell it by', () => {
  const article = loadPage('captions-lazy-image');
  const opts: PlanOptions = { showAltText: true, expandCaptions: true, view: window };
  const box = document.createElement('div');
  box.innerHTML =
    '<figure><img id="voters" src="voters.svg" width="800" height="500" alt="Voters queue outside the town hall on Tuesday.">' +
    '<figcaption><span id="said">Voters queue outside the town hall on Tuesday.</span><span> <span>Doug Mills/The Daily Post</span></span></figcaption></figure>';
  one('#mill-figure').after(box);
  const entry = (): ReturnType<typeof inspectImage> | undefined => planCaptions(article, opts).find((e) => e.image.id === 'voters');
  expect(entry()?.actions).toContain('dedupe');
  expect(entry()?.hide).toEqual([box.querySelector('#said')]);
  // A part that says something else is heard: the figcaption tells more than the alt.
  box.querySelector('#said')!.textContent = 'Lines were short by noon, officials said.';
  expect(entry()?.actions).not.toContain('dedupe');
  expect(entry()?.hide).toEqual([]);
});

describe("a caption's neighbours that are not its switches", () => {
  const opts: PlanOptions = { showAltText: true, expandCaptions: true, view: window };

  it('a "Read more" link to another story next to a caption is neither evidence of a collapse nor hidden', () => {
    const article = loadPage('captions-demo-alt-repeated');
    const before = planCaptions(article, opts)[0]?.actions;
    const link = document.createElement('a');
    link.href = '/world/another-story';
    link.textContent = 'Read more';
    one('#lead-figure figcaption').after(link);
    const entry = planCaptions(article, opts)[0];
    expect(entry?.actions).toEqual(before);
    expect(entry?.conceal).not.toContain(link);
  });

  it('a Share button with its own menu next to a caption: the menu is not opened, the button not hidden', () => {
    const article = loadPage('captions-demo-alt-repeated');
    const button = document.createElement('button');
    button.setAttribute('aria-expanded', 'false');
    button.setAttribute('aria-controls', 'share-menu');
    button.textContent = 'Share';
    const menu = document.createElement('ul');
    menu.id = 'share-menu';
    menu.hidden = true;
    menu.innerHTML = '<li><a href="/share/mail">Email</a></li>';
    one('#lead-figure figcaption').after(button, menu);
    const entry = planCaptions(article, opts)[0];
    expect(entry?.actions).not.toContain('expand');
    expect(entry?.unclamp.map((u) => u.element)).not.toContain(menu);
    expect(entry?.conceal).not.toContain(button);
  });
});
