/**
 * This site's switches, stored in prefs.sites under the page's hostname.
 * Each checkbox shows what applies here (the site's override, or the
 * global preference), and a change stores an override for this site only.
 */
import { settingsForSite, type EffectiveSiteSettings, type Prefs, type PrefsStore } from '../core/prefs/index';
import { h } from './dom';
import type { GetMessage } from './i18n';

const SWITCHES: readonly (keyof EffectiveSiteSettings)[] = ['skipLink', 'captions', 'alwaysReader', 'disabled'];

export interface SiteSwitches {
  element: HTMLElement;
  show(prefs: Prefs): void;
}

export function createSiteSwitches(store: PrefsStore, hostname: string, t: GetMessage): SiteSwitches {
  const boxes = new Map<keyof EffectiveSiteSettings, HTMLInputElement>();
  const fieldset = h('fieldset', { class: 'group site' }, h('legend', {}, t('siteHeading', hostname)));
  for (const name of SWITCHES) {
    const id = `site-${name}`;
    const box = h('input', { type: 'checkbox', id, name, 'aria-describedby': `${id}-hint` });
    box.addEventListener('change', () => {
      void store.save({ sites: { [hostname]: { [name]: box.checked } } }).catch(() => show(store.current()));
    });
    boxes.set(name, box);
    fieldset.append(
      h('div', { class: 'field field-check' }, box, h('label', { for: id }, t(`site_${name}_label`)), h('p', { class: 'hint', id: `${id}-hint` }, t(`site_${name}_hint`))),
    );
  }
  function show(prefs: Prefs): void {
    const settings = settingsForSite(prefs, hostname);
    for (const [name, box] of boxes) box.checked = settings[name];
    // With Lectern off here, the other switches do nothing: say so by disabling them.
    for (const [name, box] of boxes) if (name !== 'disabled') box.disabled = settings.disabled;
  }
  show(store.current());
  return { element: fieldset, show };
}
