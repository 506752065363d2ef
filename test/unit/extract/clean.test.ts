// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { cleanArticle, stripPresentation } from '../../../src/core/extract/clean';

function article(html: string): Element {
  return new DOMParser().parseFromString(`<div id="root">${html}</div>`, 'text/html').getElementById('root') as Element;
}

const STORY = `
  <p class="byline">By Ana Ruiz</p>
  <p>The council voted on Tuesday to keep the library open on Sundays, after a year of protests by readers and staff.</p>
  <div class="newsletter-box"><p>Sign up for our newsletter</p></div>
  <p>Funding will come from the parking budget, the council said, and the hours will be reviewed next spring.</p>
  <ul class="related"><li><a href="/a">Related: other news</a></li><li><a href="/b">More news</a></li></ul>
  <p><a href="#" class="toggle">Show more</a></p>`;

describe('cleanArticle', () => {
  it('removes furniture, and restore() puts every removed element back where it was', () => {
    const root = article(STORY);
    const original = article(STORY);
    stripPresentation(original);
    const result = cleanArticle(root, { title: 'Library stays open on Sundays', authors: ['Ana Ruiz'], descriptions: [] });
    expect(result.removed).toBeGreaterThan(0);
    expect(root.textContent).not.toContain('Sign up for our newsletter');
    expect(root.textContent).toContain('The council voted on Tuesday');
    result.restore();
    stripPresentation(root);
    expect(root.innerHTML).toBe(original.innerHTML);
  });
});

describe('cleanArticle: what trails the story', () => {
  const BODY = `
    <p>The council voted on Tuesday to keep the library open on Sundays, after a year of protests by readers and staff.</p>
    <p>Funding will come from the parking budget, the council said, and the hours will be reviewed next spring.</p>`;
  const clean = (tail: string): string => {
    const root = article(`${BODY}${tail}`);
    cleanArticle(root, { title: 'Library stays open on Sundays', authors: [], descriptions: [] });
    return root.textContent ?? '';
  };

  it("removes the site's rules for comments under the story, and keeps a last line about comments that moderates nothing", () => {
    expect(clean('<p>ATENÇÃO: Comentários com textos ininteligíveis ou que faltem com respeito ao usuário não serão aprovados pelo moderador.</p>')).not.toContain('ATENÇÃO');
    expect(clean('<p>Comments are moderated and may take a day to appear.</p>')).not.toContain('Comments are');
    expect(clean('<p>The mayor made only moderate comments about the plan, and the board approved it on Friday.</p>')).toContain('moderate comments');
  });

  it('removes an author bio and a lone name, in Latin scripts with accents', () => {
    expect(clean('<p>Zoë O’Brien is a staff reporter for The Herald, based in Cork.</p>')).not.toContain('O’Brien');
    expect(clean('<p>Ana María Ruiz writes about cities and transport for Élan Magazine.</p>')).not.toContain('Ruiz');
    expect(clean('<p>Jürgen Müller</p>')).not.toContain('Müller');
    expect(clean('<p>Smith &amp; Jones</p>')).not.toContain('Jones');
  });

  it('removes a figure left with its caption alone, and keeps figures of a quote, a table or a picture', () => {
    const alone = '<figure><div class="placeholder"></div><figcaption><span>Rep. Ann Lee speaks at the Capitol.</span><span>Photo: Tom Roe / AP file</span></figcaption></figure>';
    expect(clean(alone)).not.toContain('Rep. Ann Lee');
    const quote = '<figure><blockquote><p>We will keep the doors open on Sundays.</p></blockquote><figcaption>The mayor, in March</figcaption></figure>';
    expect(clean(quote)).toContain('The mayor, in March');
    expect(clean('<figure><img src="/a.jpg" alt=""><figcaption>Readers at the desk</figcaption></figure>')).toContain('Readers at the desk');
    expect(clean('<figure class="pullquote">“We will keep the bridge open on Sundays.”<figcaption>Mayor Jane Doe</figcaption></figure>')).toContain('We will keep the bridge open');
    const inCaption = article(`${BODY}<figure><figcaption><img src="/w.jpg" alt="Walkers on the bridge">Walkers on the bridge</figcaption></figure>`);
    cleanArticle(inCaption, { title: 'Library stays open on Sundays', authors: [], descriptions: [] });
    expect(inCaption.querySelector('img')).not.toBeNull();
  });

  it("keeps a list's last step that reads like an offer to sign up", () => {
    const steps = '<p>To get the bundle:</p><ul><li>Sign up for a streaming account <a href="https://shop.example/a">for $11.99 a month</a></li><li>If you already have an account, visit <a href="https://shop.example/account">your account page</a> to upgrade</li><li>Sign up for the bundle <a href="https://shop.example/b">using the same email</a> as your account</li></ul>';
    expect(clean(steps)).toContain('using the same email');
  });

  it('removes a closing offer of the magazine by post, and keeps a closing sentence about deliveries', () => {
    expect(clean('<p>Get <a href="https://shop.example/mcm">Motor Cycle Monthly</a> delivered through your letterbox every month. 12 issues for £11.99. <a href="https://shop.example/mcm">Click here</a> for more information.</p>')).not.toContain('letterbox');
    expect(clean('<p>Books will be delivered to readers at home every week while the branch is closed, the council said.</p>')).toContain('delivered to readers');
    expect(clean('<p>The pantry has delivered food to families every week since March. Want to help? Donations can be dropped off at the church on Main Street.</p>')).toContain('The pantry');
  });

  it('removes related links set above the note of where the story first ran, and keeps the note', () => {
    const out = clean('<ul><li><a href="/stars">15 Amazing Images of Stars</a></li><li><a href="/milky-way">11 Fascinating Facts About Our Milky Way</a></li></ul><p><em>Originally published on </em><a href="/story">Live Science</a><em>.</em></p>');
    expect(out).not.toContain('Amazing Images');
    expect(out).toContain('Originally published on Live Science.');
    // The story's video, set last before the note, is the story's.
    const video = clean('<p><a href="https://www.youtube.com/watch?v=abcdefgh1">youtube.com</a></p><p>This article was originally published by Futurism. Read the original article.</p>');
    expect(video).toContain('youtube.com');
  });

  it("removes the pictures that link to other stories under a closing 'You may also like', and keeps the story's own last pictures", () => {
    const teasers = '<h3>You may also like:</h3><div><a href="https://news.example/2016/07/pickled-sprouts/"><img src="/a.jpg" alt="Pickled Brussels Sprouts"></a><a href="https://news.example/2016/09/apple-pie/"><img src="/b.jpg" alt="Mini Dutch Apple Pie"></a></div>';
    const root = article(`${BODY}${teasers}`);
    cleanArticle(root, { title: 'Library stays open on Sundays', authors: [], descriptions: [] });
    expect(root.querySelectorAll('img')).toHaveLength(0);
    // With no furniture above them, the last pictures are the story's, linked or not.
    const own = article(`${BODY}<p><a href="https://news.example/gallery/library"><img src="/c.jpg" alt="Readers on a Sunday"></a></p><figure><img src="/d.jpg" alt="The reading room"></figure>`);
    cleanArticle(own, { title: 'Library stays open on Sundays', authors: [], descriptions: [] });
    expect(own.querySelectorAll('img')).toHaveLength(2);
    // "Photo by" the author is a credit of a story's picture.
    const credited = article(`${BODY}<figure><img src="/c.jpg" alt="Photo by Ana Ruiz"></figure>`);
    cleanArticle(credited, { title: 'Library stays open on Sundays', authors: ['Ana Ruiz'], descriptions: [] });
    expect(credited.querySelectorAll('img')).toHaveLength(1);
    // Under a heading of the story's own, linked photos are the story's.
    const photos = article(`${BODY}<h2>Photos: the reopening</h2><figure><a href="/photos/bridge/1"><img src="/g1.jpg" alt="Crowds walk across the bridge"></a></figure>`);
    cleanArticle(photos, { title: 'Library stays open on Sundays', authors: [], descriptions: [] });
    expect(photos.querySelectorAll('img')).toHaveLength(1);
  });

  it("keeps the story's last line of a repeated shape (each quote's source), and takes the author's card under it, portrait and all", () => {
    const quote = (text: string, source: string) => `<p>${text}</p><p><strong>[</strong><a href="https://${source.toLowerCase()}.example/review"><strong>${source}</strong></a><strong>]</strong></p>`;
    const roundup = article(
      `${quote('Game streaming is finally viable, and the service is leading the charge, if at a stroll for now.', 'Engadget')}` +
        `${quote('There is no reason anyone should buy into the service right now, partly because of its pricing scheme.', 'Verge')}` +
        `${quote('If you are on the fence about investing in an unproven service, you are not alone in that.', 'Wired')}` +
        '<div class="author-details"><a href="https://social.example/dallas"><img src="/avatar.jpg" alt="Dallas Robinson"></a><div class="bio">Dallas Robinson is a freelance writer living in Minneapolis</div></div>',
    );
    cleanArticle(roundup, { title: 'The early reviews are here', authors: ['Dallas Robinson'], descriptions: [] });
    expect(roundup.textContent).toContain('[Wired]');
    expect(roundup.textContent).not.toContain('freelance writer');
    expect(roundup.querySelector('img')).toBeNull();
    // Teasers of one shape follow each other, not the story's prose: they go.
    const teasers = [1, 2, 3].map((n) => `<p><a href="/video/${n}">Why the council got it wrong, part ${n}</a> (Video)</p>`).join('');
    expect(clean(`<p>Contact the newsroom at news@example.com.</p>${teasers}`)).not.toContain('(Video)');
    // A picture of the author in the story, captioned, or one whose alt says more than the name, stays.
    const own = article(`${BODY}<figure><img src="/bike.jpg" alt="Ana Ruiz on the new e-bike"><figcaption>I rode the e-bike up Harbour Hill.</figcaption></figure><p><img src="/ana.jpg" alt="Ana Ruiz at the bridge"></p>`);
    cleanArticle(own, { title: 'Library stays open on Sundays', authors: ['Ana Ruiz'], descriptions: [] });
    expect(own.querySelectorAll('img')).toHaveLength(2);
    // "Photo by" the author is a credit of a story's picture.
    const credited = article(`${BODY}<figure><img src="/c.jpg" alt="Photo by Ana Ruiz"></figure>`);
    cleanArticle(credited, { title: 'Library stays open on Sundays', authors: ['Ana Ruiz'], descriptions: [] });
    expect(credited.querySelectorAll('img')).toHaveLength(1);
    // One line of that shape before it is no pattern: a closing link line still goes.
    expect(clean('<p>[<a href="/a">Archive</a>]</p><p>[<a href="/c">Index</a>]</p>')).toBe(clean(''));
  });

  it("removes a programme's sign-off banner after the story, and keeps a wide photo, a captioned strip and a strip with no words", () => {
    const pictures = (tail: string): number => {
      const root = article(`${BODY}${tail}`);
      cleanArticle(root, { title: 'Library stays open on Sundays', authors: [], descriptions: [] });
      return root.querySelectorAll('img').length;
    };
    expect(pictures('<figure><span><img src="/footer.png" alt="Newsbeat" width="4067" height="1250"></span></figure><p><i>Follow Newsbeat on </i><a href="https://social.example/nb">Instagram</a></p>')).toBe(0);
    expect(pictures('<figure><img src="/pano.jpg" alt="The library at dawn from the bridge" width="3000" height="900"></figure>')).toBe(1);
    expect(pictures('<figure><img src="/pano.jpg" alt="Harbour" width="3000" height="900"><figcaption>The harbour at dawn</figcaption></figure>')).toBe(1);
    // A review's row of stars says what it shows to the eye only.
    expect(pictures('<p><img src="/four-stars.png" alt="" width="312" height="70"></p>')).toBe(1);
    // In the story's middle, a strip is the story's.
    expect(pictures(`<figure><img src="/logo.png" alt="Newsbeat" width="4067" height="1250"></figure>${BODY}`)).toBe(1);
  });

  it("removes a silent banner for another site after the story, and keeps the story's last picture linking to its own file or page", () => {
    const at = (html: string): Element => {
      const root = article(`${BODY}${html}`);
      root.ownerDocument.head.append(Object.assign(root.ownerDocument.createElement('base'), { href: 'https://www.news.example/2019/11/library-sundays/' }));
      cleanArticle(root, { title: 'Library stays open on Sundays', authors: [], descriptions: [] });
      return root;
    };
    expect(at('<div><p><a href="https://social.example/newsexample/"><img src="/banner-fb-468x60.gif"></a></p></div>').querySelectorAll('img')).toHaveLength(0);
    // Its own site, with or without "www.": the story's last picture, linked to a page or its full size.
    expect(at('<p><a href="https://news.example/gallery/reading-room/"><img src="/room.jpg"></a></p>').querySelectorAll('img')).toHaveLength(1);
    expect(at('<p><a href="https://cdn.example/room-full.jpg"><img src="/room.jpg"></a></p>').querySelectorAll('img')).toHaveLength(1);
    // One that says what it shows is the story's.
    expect(at('<p><a href="https://social.example/p/123"><img src="/readers.jpg" alt="Readers queue on Sunday morning"></a></p>').querySelectorAll('img')).toHaveLength(1);
  });

  it('removes a strip of thumbnails with no alt that link to other pages, and keeps pictures that say what they show', () => {
    const thumb = (n: number) => `<p><a href="https://news.example/pictures/gifts/${n}/"><span><img src="/t${n}.jpg" alt=""></span></a></p>`;
    // The story's own address, as a page's clone has it.
    const at = (root: Element): Element => {
      root.ownerDocument.head.append(Object.assign(root.ownerDocument.createElement('base'), { href: 'https://news.example/2019/11/library-sundays/' }));
      return root;
    };
    const strip = at(article(`${BODY}${[1, 2, 3, 4].map(thumb).join('')}`));
    cleanArticle(strip, { title: 'Library stays open on Sundays', authors: [], descriptions: [] });
    expect(strip.querySelectorAll('img')).toHaveLength(0);
    // Two are no strip.
    const two = at(article(`${BODY}${[1, 2].map(thumb).join('')}`));
    cleanArticle(two, { title: 'Library stays open on Sundays', authors: [], descriptions: [] });
    expect(two.querySelectorAll('img')).toHaveLength(2);
    // The story's own gallery: introduced by a line of the story, or linking to pages under the story's address.
    const introduced = at(article(`${BODY}<p>Photos from Saturday's reading marathon:</p>${[1, 2, 3, 4].map(thumb).join('')}`));
    cleanArticle(introduced, { title: 'Library stays open on Sundays', authors: [], descriptions: [] });
    expect(introduced.querySelectorAll('img')).toHaveLength(4);
    const attachments = at(article(`${BODY}${[1, 2, 3, 4].map((n) => thumb(n).replace(/href="[^"]*"/, `href="https://news.example/2019/11/library-sundays/marathon-${n}/"`)).join('')}`));
    cleanArticle(attachments, { title: 'Library stays open on Sundays', authors: [], descriptions: [] });
    expect(attachments.querySelectorAll('img')).toHaveLength(4);
    const described = at(article(`${BODY}${[1, 2, 3].map((n) => thumb(n).replace('alt=""', `alt="Readers in the reading room, picture ${n}"`)).join('')}`));
    cleanArticle(described, { title: 'Library stays open on Sundays', authors: [], descriptions: [] });
    expect(described.querySelectorAll('img')).toHaveLength(3);
  });

  it('keeps a closing sentence of the story that begins with a name', () => {
    expect(clean('<p>Mayor Jane Doe said the library would stay open for as long as readers came to it.</p>')).toContain('Mayor Jane Doe said');
    expect(clean('<p>The mayor said 2,000 people had signed the petition.</p>')).toContain('2,000 people');
  });
});

describe('cleanArticle: what opens the body', () => {
  it("removes a section's badge (a small picture linking elsewhere) before the story, and keeps the story's lead photo", () => {
    const tail = '<p>The council voted on Tuesday to keep the library open on Sundays, after a year of protests by readers and staff.</p><p>Funding will come from the parking budget, the council said, and the hours will be reviewed next spring.</p>';
    const root = article(`<p><a href="https://news.example/c/awards/"><img src="/badge.png" alt="ConsiderThis" width="150" height="170"></a></p>${tail}`);
    cleanArticle(root, { title: 'Library stays open on Sundays', authors: [], descriptions: [] });
    expect(root.querySelector('img')).toBeNull();
    const lead = article(`<p><a href="https://news.example/gallery/library"><img src="/readers.jpg" alt="Readers on a Sunday" width="800" height="500"></a></p>${tail}`);
    cleanArticle(lead, { title: 'Library stays open on Sundays', authors: [], descriptions: [] });
    expect(lead.querySelector('img')).not.toBeNull();
  });
});

describe('cleanArticle: promotions inside the story', () => {
  const clean = (middle: string): string => {
    const root = article(`
      <p>The council voted on Tuesday to keep the library open on Sundays, after a year of protests by readers and staff.</p>
      ${middle}
      <p>Funding will come from the parking budget, the council said, and the hours will be reviewed next spring.</p>`);
    cleanArticle(root, { title: 'Library stays open on Sundays', authors: [], descriptions: [] });
    return root.innerHTML;
  };

  it('removes a call to subscribe to the publication by name, and a picture that advertises a subscription', () => {
    expect(clean('<p><a href="/subscribe">Subscribe</a> to HERALD and stay on top of your city with more of our <a href="/local">local</a> reporting.</p>')).not.toContain('Subscribe');
    const ad = '<figure><a href="https://shop.example/magazine"><img src="/cover.png" alt=""></a><figcaption>Need more books? Subscribe to our sister title "Reading Room" for the latest news!</figcaption></figure>';
    expect(clean(ad)).not.toContain('cover.png');
  });

  it('removes the teaser links under a "Don\'t miss" label, also when several run together in one paragraph', () => {
    const teasers =
      '<p><strong>DON\'T MISS</strong></p><p><a href="/news/1">Council leader furious at budget cuts to the libraries as protests grow</a> [<strong>INSIGHT]|<br></strong>' +
      '<a href="/news/2">Ferry strike: what the new timetable means for the island commuters</a> [VIDEO]<br><a href="/news/3">Mayor answers readers on the parking budget</a> [REACTION]</p>';
    const out = clean(teasers);
    expect(out).not.toContain('furious');
    expect(out).not.toContain('Ferry strike');
    expect(out).toContain('Funding will come from the parking budget');
  });

  it('removes a picture that links to a shop through an affiliate programme', () => {
    const ad = '<figure><a href="https://shop.example/magazine-subscription/?utm_source=herald&utm_medium=affiliates"><img src="/cover.png" alt="Holiday issue"></a><figcaption>(Image credit: Reading Room)</figcaption></figure>';
    expect(clean(ad)).not.toContain('cover.png');
    // A story photo that links to a story about affiliates is the story's.
    const story = '<figure><a href="https://tv.example.com/news/nbc-affiliates-drop-late-show"><img src="/tower.jpg" alt=""></a><figcaption>The station tower.</figcaption></figure>';
    expect(clean(story)).toContain('tower.jpg');
  });

  it("keeps the story's own pictures, and sentences that report on subscriptions", () => {
    const photo = '<figure><a href="/photos/library.jpg"><img src="/library.jpg" alt=""></a><figcaption>Readers queue at the library door on a Sunday.</figcaption></figure>';
    expect(clean(photo)).toContain('library.jpg');
    const report = '<p>Subscribers to the library’s e-book service rose by a third last year, the council said.</p>';
    expect(clean(report)).toContain('Subscribers to the library');
    const advice = "<p>Subscribe to Netflix's cheapest plan and you pay $7 a month with advertisements, the company said.</p>";
    expect(clean(advice)).toContain('Subscribe to Netflix');
    const quoted = '<p>Subscribe to the premium tier and the newsletter lands in your inbox a day early, the company said.</p>';
    expect(clean(quoted)).toContain('Subscribe to the premium tier');
    // A story photo whose link opens the picture itself, with a caption about a sign-up drive.
    const drive = '<figure><a href="/photos/desk.jpg"><img src="/desk.jpg" alt=""></a><figcaption>Sign up for our newsletter, says the banner over the library desk.</figcaption></figure>';
    expect(clean(drive)).toContain('desk.jpg');
  });
});
