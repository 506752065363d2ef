/** The toolbar popup: the current page first, then the reading preferences. */
import '../ui/form.css';
import { startPrefsPage } from '../ui/prefs-page';
import { createTabPanel } from './tab-panel';

async function main(): Promise<void> {
  const root = document.getElementById('main') as HTMLElement;
  const prefsRoot = document.getElementById('prefs') as HTMLElement;
  const { store } = await startPrefsPage(prefsRoot);
  root.insertBefore(await createTabPanel(store), prefsRoot);
  document.body.dataset.ready = 'true';
}

void main();
