/**
 * The part of the Excel JavaScript API the add-in uses, and nothing more. The adapter is written
 * against these interfaces; `Excel.RequestContext` satisfies them (checked at compile time at the
 * end of this file), and so does the strict in-memory Excel the tests run it against.
 */

export type LoadOption = string | string[];

export interface XlClientResult<T> {
  readonly value: T;
}

export interface XlRequestContext {
  readonly workbook: XlWorkbook;
  sync(): Promise<void>;
}

export interface XlWorkbook {
  readonly worksheets: XlWorksheetCollection;
  /** ExcelApi 1.7: workbook structure protection (no sheet can be added, deleted or renamed). */
  readonly protection: XlWorkbookProtection;
  /** ExcelApi 1.5 */
  readonly customXmlParts: XlCustomXmlPartCollection;
  /** ExcelApi 1.13: copies the sheets of an xlsx file (base64) into this workbook; the ids of the new sheets. */
  insertWorksheetsFromBase64(base64File: string, options?: XlInsertWorksheetOptions): XlClientResult<string[]>;
}

export interface XlInsertWorksheetOptions {
  sheetNamesToInsert?: string[];
  positionType?: 'None' | 'Before' | 'After' | 'Beginning' | 'End';
  relativeTo?: string;
}

export interface XlWorksheetCollection {
  readonly items: XlWorksheet[];
  load(option?: LoadOption): unknown;
  getActiveWorksheet(): XlWorksheet;
  getItem(key: string): XlWorksheet;
  /** ExcelApi 1.4 */
  getItemOrNullObject(key: string): XlWorksheet;
  /** A new sheet at the end of the workbook. */
  add(name?: string): XlWorksheet;
}

export interface XlWorkbookProtection {
  readonly protected: boolean;
  load(option?: LoadOption): unknown;
}

/** What a protected sheet still lets anyone do (ExcelApi 1.2); the add-in reads the two it needs. */
export interface XlWorksheetProtectionOptions {
  /** Formatting cells (fills) is allowed. */
  allowFormatCells?: boolean;
  /** Editing objects is allowed. */
  allowEditObjects?: boolean;
}

export interface XlWorksheetProtection {
  readonly protected: boolean;
  /** ExcelApi 1.2 */
  readonly options: XlWorksheetProtectionOptions;
  load(option?: LoadOption): unknown;
}

export interface XlWorksheet {
  readonly name: string;
  readonly id: string;
  readonly visibility: string;
  readonly isNullObject: boolean;
  readonly protection: XlWorksheetProtection;
  /** ExcelApi 1.18 */
  readonly notes: XlNoteCollection;
  /** ExcelApi 1.10 */
  readonly comments: XlCommentCollection;
  /** ExcelApi 1.1 */
  readonly tables: XlTableCollection;
  /** ExcelApi 1.7 */
  readonly freezePanes: XlWorksheetFreezePanes;
  /** ExcelApi 1.7 */
  readonly onChanged: XlEventHandlers<XlWorksheetChangedEventArgs>;
  load(option?: LoadOption): unknown;
  getRange(address?: string): XlRange;
  /** ExcelApi 1.4 */
  getUsedRangeOrNullObject(valuesOnly?: boolean): XlRange;
  activate(): void;
  delete(): void;
}

export interface XlWorksheetFreezePanes {
  freezeRows(count?: number): void;
}

export interface XlTable {
  readonly id: string;
  name: string;
  style: string;
  load(option?: LoadOption): unknown;
}

export interface XlTableCollection {
  readonly items: XlTable[];
  load(option?: LoadOption): unknown;
  add(address: XlRange | string, hasHeaders: boolean): XlTable;
}

/** ExcelApi 1.9: a single cell's value before and after the change. */
export interface XlChangedEventDetail {
  readonly valueBefore: unknown;
  readonly valueAfter: unknown;
  readonly valueTypeBefore: string;
  readonly valueTypeAfter: string;
}

/** What Excel tells a worksheet's onChanged handler (the part the add-in reads). */
export interface XlWorksheetChangedEventArgs {
  readonly worksheetId: string;
  /** The changed range on that sheet, "B3" or "B3:D9" (no sheet name). */
  readonly address: string;
  readonly changeType: string;
  /** ExcelApi 1.7: "Local" for this user, "Remote" for a co-author. */
  readonly source: string;
  /** ExcelApi 1.9, and only when one cell changed. */
  readonly details?: XlChangedEventDetail;
  /** ExcelApi 1.14: "ThisLocalAddin" when this add-in's own writes caused the event. */
  readonly triggerSource?: string;
}

export interface XlEventHandlerResult {
  /** The request context the handler was added in: removing it runs in that context. */
  readonly context: unknown;
  remove(): void;
}

export interface XlEventHandlers<T> {
  add(handler: (args: T) => Promise<unknown>): XlEventHandlerResult;
}

export interface XlRangeFill {
  color: string;
  /** ExcelApi 1.9 (all but color) */
  pattern: string;
  patternColor: string;
  tintAndShade: number;
  patternTintAndShade: number;
  clear(): void;
  load(option?: LoadOption): unknown;
}

export interface XlRangeFont {
  bold: boolean;
  italic: boolean;
  size: number;
  color: string;
}

export interface XlRangeFormat {
  readonly fill: XlRangeFill;
  /** ExcelApi 1.1 */
  readonly font: XlRangeFont;
  /** ExcelApi 1.2: in points. */
  columnWidth: number;
  /** ExcelApi 1.2 */
  wrapText: boolean;
}

export interface XlRange {
  readonly address: string;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as Office.js types them
  values: any[][];
  readonly valueTypes: string[][];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as Office.js types them
  numberFormat: any[][];
  readonly isNullObject: boolean;
  readonly format: XlRangeFormat;
  load(option?: LoadOption): unknown;
  /** ExcelApi 1.13 */
  getMergedAreasOrNullObject(): XlRangeAreas;
  /** ExcelApi 1.2: merges the range into one cell (only the top-left value is kept). */
  merge(across?: boolean): void;
  select(): void;
}

export interface XlRangeAreas {
  /** ExcelApi 1.9: "Foglio1!A1:B2, Foglio1!D4:D9" */
  readonly address: string;
  readonly isNullObject: boolean;
  load(option?: LoadOption): unknown;
}

export interface XlNote {
  content: string;
  readonly isNullObject: boolean;
  load(option?: LoadOption): unknown;
  delete(): void;
}

export interface XlNoteCollection {
  add(cellAddress: XlRange | string, content: string): XlNote;
  getItem(key: string): XlNote;
  getItemOrNullObject(key: string): XlNote;
}

export interface XlComment {
  readonly id: string;
  content: string;
  load(option?: LoadOption): unknown;
  getLocation(): XlRange;
  delete(): void;
}

export interface XlCommentCollection {
  readonly items: XlComment[];
  load(option?: LoadOption): unknown;
  add(cellAddress: XlRange | string, content: string): XlComment;
  getItemByCell(cellAddress: XlRange | string): XlComment;
}

export interface XlCustomXmlPart {
  readonly id: string;
  /** ExcelApi 1.5 */
  readonly namespaceUri: string;
  load(option?: LoadOption): unknown;
  getXml(): XlClientResult<string>;
  setXml(xml: string): void;
  delete(): void;
}

export interface XlCustomXmlPartScopedCollection {
  readonly items: XlCustomXmlPart[];
  load(option?: LoadOption): unknown;
}

export interface XlCustomXmlPartCollection {
  readonly items: XlCustomXmlPart[];
  load(option?: LoadOption): unknown;
  add(xml: string): XlCustomXmlPart;
  getByNamespace(namespaceUri: string): XlCustomXmlPartScopedCollection;
  getItem(id: string): XlCustomXmlPart;
}

/** The options of `Excel.run(options, batch)` the add-in uses (Excel.RunOptions). */
export interface XlRunOptions {
  /**
   * Wait while the user is editing a cell instead of failing. Without it (the default is false), a
   * batch that reaches Excel during a cell edit fails with InvalidOperationInCellEditMode.
   */
  delayForCellEdit?: boolean;
  /** The request context of an earlier run (an event handler's), to run in again. */
  previousObjects?: unknown;
}

/** Runs a batch of API calls in one request context, as `Excel.run(options, batch)` does. */
export type ExcelRun = <T>(options: XlRunOptions, batch: (context: XlRequestContext) => Promise<T>) => Promise<T>;

/** What the adapter needs from the Office host besides the workbook. */
export interface AddinHost {
  run: ExcelRun;
  isSetSupported(name: string, minVersion: string): boolean;
  /** The workbook's URL or path, when the host tells it. */
  documentUrl(): string | undefined;
}

/** An error as Office.js throws it (OfficeExtension.Error): `code` is one of Excel.ErrorCodes. */
export interface XlError {
  code?: string;
  message?: string;
}

// Compile-time proof that the real API satisfies the subset above (no runtime code).
type Assert<T extends true> = T;
export type RealContextFits = Assert<Excel.RequestContext extends XlRequestContext ? true : false>;
