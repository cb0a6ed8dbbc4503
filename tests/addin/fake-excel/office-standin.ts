/**
 * An office.js stand-in for the browser test: defines the `Office` and `Excel` globals the add-in
 * uses, driving the strict in-memory Excel. The workbook comes from `window.__PIAO_FAKE_WORKBOOK__`
 * (set by the test before the page loads); `window.__piaoFake` lets the test look inside and press
 * the ribbon buttons.
 */
import type { XlRunOptions } from '../../../addin/office/excel-api';
import { FakeContext } from './context';
import { FakeExcel } from './excel';
import { FakeSheetData, FakeWorkbookData } from './workbook';

interface StandinWindow {
  __PIAO_FAKE_WORKBOOK__: FakeWorkbookData;
  __PIAO_FAKE_API__?: string;
  /** The xlsx files insertWorksheetsFromBase64 may receive, already opened by the test (base64 -> sheets). */
  __PIAO_FAKE_XLSX__?: Record<string, FakeSheetData[]>;
  /** Office.context.officeTheme (the pane follows it). */
  __PIAO_FAKE_THEME__?: { bodyBackgroundColor: string; bodyForegroundColor: string; controlBackgroundColor: string; controlForegroundColor: string; isDarkTheme?: boolean };
  /** false for an Excel without the shared runtime (SharedRuntime 1.1). */
  __PIAO_FAKE_SHARED_RUNTIME__?: boolean;
  /** Ribbon buttons the user pressed while the add-in was loading (see onReady below). */
  __PIAO_PRESS_AT_START__?: string[];
  __piaoFake: unknown;
  Office: unknown;
  Excel: unknown;
  CustomFunctions: unknown;
}

const w = window as unknown as StandinWindow;
const excel = FakeExcel.fromData(w.__PIAO_FAKE_WORKBOOK__, {
  apiVersion: w.__PIAO_FAKE_API__ ?? '1.18',
  decodeXlsx: (base64) => {
    const sheets = w.__PIAO_FAKE_XLSX__?.[base64];
    if (!sheets) throw new Error('file xlsx sconosciuto al simulatore');
    return structuredClone(sheets);
  },
});
const actions = new Map<string, (event: { completed(): void }) => void>();
const completed: string[] = [];
const dropped: string[] = [];
let shown = 0;
const sharedRuntime = w.__PIAO_FAKE_SHARED_RUNTIME__ !== false;

/**
 * A ribbon button pressed before the add-in was loaded: its click loads the page, and Excel runs
 * the action once Office.js has initialised; an action not yet associated then is lost, "the first
 * time you try to click a command button in Excel, the associated command does not run"
 * (OfficeDev/office-js#5176; #3378, #2744).
 */
function dispatchPressesAtStart(): void {
  for (const name of w.__PIAO_PRESS_AT_START__ ?? []) {
    const handler = actions.get(name);
    if (handler) handler({ completed: () => void completed.push(name) });
    else dropped.push(name);
  }
  w.__PIAO_PRESS_AT_START__ = [];
}
const functions = new Map<string, (...args: unknown[]) => unknown>();

/** The custom functions runtime's error: Excel shows `code` in the cell and `message` on hover. */
class FunctionError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}
w.CustomFunctions = {
  Error: FunctionError,
  ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', divisionByZero: '#DIV/0!', invalidNumber: '#NUM!', nullReference: '#NULL!', invalidName: '#NAME?', invalidReference: '#REF!' },
  associate: (id: string, f: (...args: unknown[]) => unknown) => functions.set(id, f),
};

w.Office = {
  HostType: { Excel: 'Excel' },
  onReady: (callback?: (info: { host: string; platform: string }) => void) => {
    const info = { host: 'Excel', platform: 'OfficeOnline' };
    dispatchPressesAtStart();
    callback?.(info);
    return Promise.resolve(info);
  },
  context: {
    requirements: {
      isSetSupported: (name: string, version: string) => (name === 'SharedRuntime' ? sharedRuntime && Number(version) <= 1.1 : excel.isSetSupported(name, String(version))),
    },
    document: { url: excel.workbook.url },
    officeTheme: w.__PIAO_FAKE_THEME__,
  },
  actions: { associate: (name: string, handler: (event: { completed(): void }) => void) => actions.set(name, handler) },
  addin: {
    showAsTaskpane: () => {
      if (!sharedRuntime) return Promise.reject(new Error('Office.addin richiede il runtime condiviso'));
      shown++;
      return Promise.resolve();
    },
  },
};
type Batch = Parameters<FakeExcel['run']>[0];
/** Excel.run(batch), or Excel.run(object.context, batch) to reuse an earlier run's context (event handlers). */
w.Excel = {
  run: (first: Batch | unknown, second?: Batch) => {
    if (!second) return excel.run(first as Batch);
    if (first instanceof FakeContext) return excel.run(second, { previousObjects: first });
    return excel.run(second, first as XlRunOptions);
  },
};
w.__piaoFake = {
  excel,
  /** Presses a ribbon button (ExecuteFunction): resolves when the handler calls event.completed(). */
  press: (name: string) =>
    new Promise<void>((resolve, reject) => {
      const handler = actions.get(name);
      if (!handler) reject(new Error(`nessuna funzione associata a ${name}`));
      else handler({ completed: () => resolve() });
    }),
  actions: () => [...actions.keys()],
  /** Ribbon actions run at start and completed, and those lost because nothing was associated yet. */
  startPresses: () => ({ completed: [...completed], dropped: [...dropped] }),
  /** How many times the pane was asked to show itself (Office.addin.showAsTaskpane). */
  shown: () => shown,
  /** Calls a custom function by its id, as a formula =PIAO.<ID>(...) would; an error comes back as { code, message }. */
  callFunction: (id: string, ...args: unknown[]) => {
    const f = functions.get(id);
    if (!f) throw new Error(`nessuna funzione personalizzata ${id}`);
    const v = f(...args);
    return v instanceof FunctionError ? { code: v.code, message: v.message } : v;
  },
  functions: () => [...functions.keys()],
};
