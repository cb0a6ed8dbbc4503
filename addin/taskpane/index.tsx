/** The task pane page: also the function file of the ribbon buttons (shared runtime). */
import { createRoot } from 'react-dom/client';
import { registerRibbonCommands } from '../commands/commands';
import { officeHost, officeReady } from '../office/host';
import { bundledTemplates } from '../templates/bundled';
import { App } from './App';
import { PaneController } from './controller';
import { ThemedPane } from './theme';

function render(node: React.ReactNode): void {
  const root = document.getElementById('root');
  if (!root) return;
  createRoot(root).render(<ThemedPane>{node}</ThemedPane>);
}

// the ribbon buttons first, before anything waits: a click may be what loaded this page
let ready!: (controller: PaneController) => void;
registerRibbonCommands(new Promise<PaneController>((resolve) => (ready = resolve)));

officeReady().then(({ inExcel }) => {
  if (!inExcel) {
    render(<p style={{ padding: 12 }}>Questo riquadro funziona dentro Excel: aggiungi il componente aggiuntivo PIAO (vedi il README) e aprilo dal gruppo «PIAO» della scheda Home.</p>);
    return;
  }
  const controller = new PaneController(officeHost(), { templates: bundledTemplates(window.location.href) });
  ready(controller);
  render(<App controller={controller} />);
});
