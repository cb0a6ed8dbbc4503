/**
 * How the add-in sends its batches to Excel. Every batch waits while the user is editing a cell
 * (`Excel.RunOptions.delayForCellEdit`): without it a batch that reaches Excel during a cell edit
 * fails (the option's default is false, see the RunOptions reference in @types/office-js and
 * Microsoft's "Delay execution while cell is being edited"). The live re-check runs shortly after
 * each edit, so often while the next cell is being typed: it must wait, not fail.
 */
import { AddinHost, XlRequestContext, XlRunOptions } from './excel-api';

export const RUN_OPTIONS: XlRunOptions = { delayForCellEdit: true };

/** `Excel.run` with the add-in's options. */
export function runExcel<T>(host: AddinHost, batch: (context: XlRequestContext) => Promise<T>): Promise<T> {
  return host.run(RUN_OPTIONS, batch);
}

/** `Excel.run` in the request context of an earlier run (an event handler's, to remove it). */
export function runExcelIn<T>(host: AddinHost, context: unknown, batch: (context: XlRequestContext) => Promise<T>): Promise<T> {
  return host.run({ ...RUN_OPTIONS, previousObjects: context }, batch);
}
