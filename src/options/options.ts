/** The options page: the popup's preferences form, in a full tab, and the keyboard shortcuts. */
import '../ui/form.css';
import { startPrefsPage, t } from '../ui/prefs-page';
import { createShortcutsSection } from './shortcuts';

const main = document.getElementById('prefs') as HTMLElement;
void startPrefsPage(main).then(() => {
  main.append(createShortcutsSection(t));
  document.body.dataset.ready = 'true';
});
