/**
 * The limits the readers enforce, so that no file (a zip bomb, a sheet of a billion cells, an XML
 * bomb) can exhaust memory or time. Every one is documented in the README ("Limiti e prestazioni");
 * a file over a limit is refused with an Italian sentence that names the file and the limit.
 */
export const LIMITS = {
  /** Size of one source file on disk. */
  maxFileBytes: 512 * 1024 * 1024,
  /** xlsx: sum of the uncompressed sizes of the parts, read from the zip's central directory before inflating anything. */
  maxUncompressedBytes: 1024 * 1024 * 1024,
  /** xlsx: uncompressed size of one part (a sheet, the shared strings). */
  maxEntryBytes: 512 * 1024 * 1024,
  /** xlsx: uncompressed / compressed size of the whole archive, checked when it inflates to more than `ratioFloorBytes`. */
  maxCompressionRatio: 200,
  ratioFloorBytes: 16 * 1024 * 1024,
  /** xlsx: parts in the archive. */
  maxEntries: 10_000,
  /** xlsx: bytes of XML read before the root element of a part (where a DOCTYPE would be). */
  maxXmlPrologBytes: 64 * 1024,
  /** Cells holding something, in all the sheets of one file (empty cells, even formatted, cost nothing). */
  maxCellsPerFile: 16_000_000,
  /**
   * Cells holding something in all the files of one dossier, which the engine holds in memory
   * together (about 100 bytes a cell): a file that would go beyond is refused, the others are read.
   */
  maxCellsPerDossier: 20_000_000,
  /** Columns per sheet (Excel's own limit: XFD). */
  maxColumns: 16_384,
  /** Rows per sheet of a workbook (Excel's own limit). */
  maxRows: 1_048_576,
  /** Cells covered by merged ranges, counted row by row within the used area of a sheet. */
  maxMergedRowSpans: 4_000_000,
  /**
   * The full exceljs load (`workbook: 'full'`, the reference reader of the tests; annotated copies
   * edit the package instead) holds the whole workbook model in memory,
   * about 17 times the XML it reads: it gets at most this much XML, this many merged ranges and
   * this many merged cells (exceljs creates every covered cell and compares every pair of merges).
   */
  maxFullLoadBytes: 128 * 1024 * 1024,
  maxFullLoadMerges: 10_000,
  maxFullLoadMergedCells: 2_000_000,
  /** Rows (<row> elements, empty formatted ones too) exceljs materialises in a full load: one object each. */
  maxFullLoadRows: 400_000,
  /**
   * An annotated copy built from the grids read (a CSV, or a workbook whose package cannot be edited) is
   * an exceljs workbook too, about 1.5 KB a cell until written: at most this many cells (and at
   * most maxFullLoadRows rows). Over it the copy is left out with a line saying why; piao.json,
   * PIAO.xlsx and report.html hold the findings all the same.
   */
  maxCopyCells: 2_000_000,
  /** Problems of one file listed one by one (the rest are counted in one line). */
  maxProblemsPerFile: 20,
} as const;

/** 1048576 -> "1.048.576", 536870912 bytes -> "512 MB": figures as an Italian reader writes them. */
export function itNumber(n: number): string {
  return n.toLocaleString('it-IT');
}

export function itBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${itNumber(Math.round((bytes / 1024 ** 3) * 10) / 10)} GB`;
  if (bytes >= 1024 * 1024) return `${itNumber(Math.round((bytes / 1024 ** 2) * 10) / 10)} MB`;
  if (bytes >= 1024) return `${itNumber(Math.round(bytes / 1024))} KB`;
  return `${itNumber(bytes)} byte`;
}

/**
 * How many cells a read may add, and the sentence that says which limit it hit: the file's own,
 * or what is left of its dossier's.
 */
export interface CellBudget {
  max: number;
  exceeded(): string;
}

export function cellBudget(dossierCellsLeft?: number): CellBudget {
  if (dossierCellsLeft !== undefined && dossierCellsLeft < LIMITS.maxCellsPerFile) {
    return {
      max: Math.max(0, dossierCellsLeft),
      exceeded: () => `porterebbe il dossier oltre ${itNumber(LIMITS.maxCellsPerDossier)} di celle piene (limite di piao per dossier): importa i file in più dossier.`,
    };
  }
  return { max: LIMITS.maxCellsPerFile, exceeded: () => `ha più di ${itNumber(LIMITS.maxCellsPerFile)} di celle piene (limite di piao per file): dividilo in più file.` };
}
