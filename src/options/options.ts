/** The options page: the popup's preferences form, in a full tab. */
import '../ui/form.css';
import { startPrefsPage } from '../ui/prefs-page';

void startPrefsPage(document.getElementById('prefs') as HTMLElement).then(() => {
  document.body.dataset.ready = 'true';
});
