/**
 * The ribbon buttons "Controlla" and "Pulisci segnalazioni" (ExecuteFunction). They run the
 * same commands as the task pane's buttons; "Apri pannello" is a ShowTaskpane action in the manifest.
 */
import { registerAction, showTaskpane } from '../office/host';
import { PaneController } from '../taskpane/controller';

/** Function names, as the manifest's <FunctionName> elements spell them. */
export const RIBBON_FUNCTIONS = { check: 'piaoControlla', clear: 'piaoPulisci' } as const;

export function registerRibbonCommands(controller: PaneController): void {
  registerAction(RIBBON_FUNCTIONS.check, async () => {
    await showTaskpane();
    await controller.check();
  });
  registerAction(RIBBON_FUNCTIONS.clear, async () => {
    await controller.clear();
  });
}
