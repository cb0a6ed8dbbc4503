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
