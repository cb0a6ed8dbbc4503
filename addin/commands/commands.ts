/**
 * The ribbon buttons "Controlla" and "Pulisci segnalazioni" (ExecuteFunction). They run the
 * same commands as the task pane's buttons and open the pane, which shows what they did (shared
 * runtime, SharedRuntime 1.1); "Apri pannello" is a ShowTaskpane action in the manifest.
 *
 * They are associated as soon as the page's script runs, before Office is ready and before the
 * pane is drawn: a button associated later can be pressed into a runtime that has no handler for
 * it yet, and that first click does nothing (OfficeDev/office-js#5176, #3378, #2744; Microsoft's
 * samples call Office.actions.associate at the top level of the function file). The handlers wait
 * for the pane's controller, which exists once Office is ready.
 */
import { registerAction, showTaskpane } from '../office/host';
import type { PaneController } from '../taskpane/controller';

/** Function names, as the manifest's <FunctionName> elements spell them. */
export const RIBBON_FUNCTIONS = { check: 'piaoControlla', clear: 'piaoPulisci' } as const;

export function registerRibbonCommands(controller: Promise<PaneController>): void {
  registerAction(RIBBON_FUNCTIONS.check, async () => {
    const pane = await controller;
    await showTaskpane();
    await pane.check();
  });
  registerAction(RIBBON_FUNCTIONS.clear, async () => {
    const pane = await controller;
    await showTaskpane();
    await pane.clear();
  });
}
