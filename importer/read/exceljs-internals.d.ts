/**
 * The few exceljs internals the streaming reader shares with exceljs' full load, so that both read
 * a cell the same way: its date test and conversion, its XML decoding and its style table.
 */
declare module 'exceljs/lib/utils/utils' {
  const utils: {
    isDateFmt(fmt: string | undefined): boolean;
    excelToDate(v: number, date1904?: boolean): Date;
    xmlDecode(text: string): string;
  };
  export = utils;
}

declare module 'exceljs/lib/xlsx/xform/style/styles-xform' {
  class StylesXform {
    parseStream(stream: Iterable<unknown> | AsyncIterable<unknown>): Promise<unknown>;
    getStyleModel(id: number): { numFmt?: string } | null;
  }
  export = StylesXform;
}

/** What exceljs' `xlsx.write` does, step by step: importer/write/xlsx-bytes.ts renders the same parts into its own zip. */
declare module 'exceljs/lib/xlsx/xlsx' {
  interface ZipSink {
    append(data: string | Buffer | Uint8Array, options: { name: string; base64?: boolean }): void;
  }
  interface XlsxWriter {
    prepareModel(model: unknown, options: Record<string, unknown>): void;
    addContentTypes(zip: ZipSink, model: unknown): Promise<void>;
    addOfficeRels(zip: ZipSink, model: unknown): Promise<void>;
    addWorkbookRels(zip: ZipSink, model: unknown): Promise<void>;
    addWorksheets(zip: ZipSink, model: unknown): Promise<void>;
    addSharedStrings(zip: ZipSink, model: unknown): Promise<void>;
    addDrawings(zip: ZipSink, model: unknown): void | Promise<void>;
    addTables(zip: ZipSink, model: unknown): void | Promise<void>;
    addThemes(zip: ZipSink, model: unknown): Promise<void>;
    addStyles(zip: ZipSink, model: unknown): Promise<void>;
    addMedia(zip: ZipSink, model: unknown): Promise<void>;
    addApp(zip: ZipSink, model: unknown): Promise<void>;
    addCore(zip: ZipSink, model: unknown): Promise<void>;
    addWorkbook(zip: ZipSink, model: unknown): Promise<void>;
  }
}
