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

/** The Office theme's colours the pane follows (Office.context.officeTheme). */
export interface OfficeThemeColours {
  bodyBackgroundColor?: string;
  bodyForegroundColor?: string;
  isDarkTheme?: boolean;
}

/** The Office theme, when Office tells it. */
export function officeTheme(): OfficeThemeColours | undefined {
  try {
    return typeof Office !== 'undefined' ? (Office.context?.officeTheme as OfficeThemeColours | undefined) : undefined;
  } catch {
    return undefined;
  }
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
 * runtime and in a plain function file; `event.completed()` is always called, even on failure
 * (Office queues the next click of the button until then).
 */
export function registerAction(name: string, handler: () => Promise<void>): void {
  if (typeof Office === 'undefined' || !Office.actions?.associate) return;
  const run = (event: Office.AddinCommands.Event) => {
    handler()
      .catch(() => undefined) // the command shows its own errors in the pane
      .finally(() => event.completed());
  };
  Office.actions.associate(name, run);
}

/**
 * Shows the task pane, so that a ribbon button's outcome is seen (Office.addin.showAsTaskpane,
 * SharedRuntime 1.1). Without a shared runtime (Excel 2019) there is no pane to show: the result
 * is in the grid, and in the pane the next time it is opened after a «Controlla» from it.
 */
export async function showTaskpane(): Promise<void> {
  try {
    if (!Office.context.requirements.isSetSupported('SharedRuntime', '1.1')) return;
    await Office.addin.showAsTaskpane();
  } catch {
    // not a shared runtime: nothing to show
  }
}
