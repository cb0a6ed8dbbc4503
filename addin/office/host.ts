/**
 * The glue to the real Office.js globals (Office, Excel): everything else talks to the AddinHost
 * interface, which the tests provide with the in-memory Excel.
 */
import { AddinHost } from './excel-api';

/** Resolves when Office.js is ready; `inExcel` is false when the page is opened outside Excel. */
export async function officeReady(): Promise<{ inExcel: boolean }> {
  if (typeof Office === 'undefined') return { inExcel: false };
  const info = await Office.onReady();
  return { inExcel: info.host === Office.HostType.Excel };
}

export function officeHost(): AddinHost {
  return {
    run: (options, batch) => Excel.run(options as Excel.RunOptions, (context) => batch(context)),
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
    documentUrl: () => Office.context.document?.url || undefined,
  };
}

/**
 * Binds a ribbon button (ExecuteFunction) to a handler. Office.actions.associate works in a shared
 * runtime and in a plain function file; `event.completed()` is always called, even on failure.
 */
export function registerAction(name: string, handler: () => Promise<void>): void {
  const run = (event: Office.AddinCommands.Event) => {
    handler().finally(() => event.completed());
  };
  if (Office.actions?.associate) Office.actions.associate(name, run);
}

/** Shows the task pane (shared runtime only; elsewhere the button's result is in the grid). */
export async function showTaskpane(): Promise<void> {
  try {
    await Office.addin?.showAsTaskpane();
  } catch {
    // not a shared runtime: nothing to show
  }
}
