import { LIMITS, itBytes, itNumber } from './limits';
import { ReadError } from './read-error';
import { notAWorkbook, oleNotAWorkbook } from './document-kind';
import { isEncryptedOoxml, sniff } from './sniff';
import { inspectXmlProlog, isXmlPart } from './xml-guard';
import { ZipEntry, ZipFormatError, entryHead, listZipEntries } from './zip';

/**
 * An xlsx archive checked before anything parses it: what the file really is, the zip's central
 * directory against the limits (a zip bomb is refused without inflating it), and every XML part's
 * prolog (a DOCTYPE, the door to entity bombs and XXE, is refused). Both readers open files here.
 */
export interface XlsxPackage {
  file: string;
  bytes: Uint8Array;
  entries: Map<string, ZipEntry>;
  /** XML parts that are empty or hold no root element: a sheet among them is damaged. */
  damaged: Set<string>;
}

/** Rejects what is not an xlsx with a sentence the user can act on. */
export function assertXlsxBytes(bytes: Uint8Array, file: string): void {
  const nature = sniff(bytes);
  const lower = file.toLowerCase();
  if (nature === 'empty') throw new ReadError(file, 'il file è vuoto (0 byte).');
  if (nature === 'ole') {
    if (isEncryptedOoxml(bytes)) {
      throw new ReadError(file, 'la cartella di lavoro è protetta da password: toglila in Excel (File > Informazioni > Proteggi cartella di lavoro) e salva di nuovo.');
    }
    throw new ReadError(file, oleNotAWorkbook(bytes, file) ?? 'è un file Excel 97-2003 (.xls): aprilo in Excel o LibreOffice e salvalo come .xlsx.');
  }
  if (nature === 'text') {
    // most often a CSV that was given the name of a workbook: it is read as what it is once named so
    const ext = /\.xls[xm]$/.test(lower) ? lower.slice(-5) : '';
    throw new ReadError(file, `non è una cartella di lavoro Excel valida (sembra un file di testo${ext ? ` rinominato ${ext}` : ''}): se è un CSV, rinominalo in .csv e importalo di nuovo.`);
  }
  if (nature !== 'zip') throw new ReadError(file, `non è una cartella di lavoro Excel valida (sembra un file di altro tipo${lower.endsWith('.xlsx') ? ' rinominato .xlsx' : ''}).`);
}

const BOMB = 'potrebbe essere una «zip bomb»: non lo leggo';

/** The Italian sentence for an archive that cannot be used. */
export function zipReadError(err: ZipFormatError, file: string): ReadError {
  switch (err.kind) {
    case 'not-zip':
      return new ReadError(file, 'non è una cartella di lavoro Excel valida (l’archivio interno non si riconosce).');
    case 'truncated':
      return new ReadError(file, 'il file è incompleto (troncato, forse una copia o un download interrotto): salvalo di nuovo dall’originale.');
    case 'encrypted':
      return new ReadError(file, 'la cartella di lavoro è cifrata: togli la password in Excel e salva di nuovo.');
    case 'unsupported':
      return new ReadError(file, 'l’archivio usa un metodo di compressione che Excel non usa: aprilo e salvalo di nuovo come .xlsx.');
    case 'too-large':
      return new ReadError(file, `una parte dell’archivio si espande oltre la dimensione dichiarata: ${BOMB}.`);
    case 'bad-name':
      return new ReadError(file, `l’archivio contiene un percorso non valido («${err.message.slice(0, 80)}»): il file è stato manipolato, non lo leggo.`);
    default:
      return new ReadError(file, 'il file è danneggiato (archivio xlsx non leggibile): aprilo in Excel e salvalo di nuovo.');
  }
}

function checkSizes(entries: ZipEntry[], file: string, fileBytes: number): void {
  let total = 0;
  for (const e of entries) {
    if (e.uncompressedSize > LIMITS.maxEntryBytes) {
      throw new ReadError(file, `la parte ${e.name} si espanderebbe a ${itBytes(e.uncompressedSize)} (limite ${itBytes(LIMITS.maxEntryBytes)}): ${BOMB}.`);
    }
    total += e.uncompressedSize;
  }
  if (total > LIMITS.maxUncompressedBytes) {
    throw new ReadError(file, `si espanderebbe a ${itBytes(total)} (limite ${itBytes(LIMITS.maxUncompressedBytes)}): ${BOMB}.`);
  }
  const ratio = total / Math.max(1, fileBytes);
  if (total > LIMITS.ratioFloorBytes && ratio > LIMITS.maxCompressionRatio) {
    throw new ReadError(file, `ha un rapporto di compressione anomalo (${itNumber(Math.round(ratio))}:1, limite ${LIMITS.maxCompressionRatio}:1): ${BOMB}.`);
  }
}

/**
 * Opens an xlsx for reading: checks what the file is, its central directory against the limits
 * and the prolog of every XML part. Nothing is inflated beyond a few KB per part.
 */
export function openXlsxPackage(bytes: Uint8Array, file: string): XlsxPackage {
  assertXlsxBytes(bytes, file);
  try {
    const list = listZipEntries(bytes, LIMITS.maxEntries);
    checkSizes(list, file, bytes.byteLength);
    const entries = new Map(list.map((e) => [e.name, e]));
    // a Word document, a presentation, an OpenDocument file given the name of a workbook
    const other = notAWorkbook(bytes, entries, file);
    if (other) throw new ReadError(file, other);
    const damaged = new Set<string>();
    for (const e of list) {
      if (!isXmlPart(e.name)) continue;
      const head = entryHead(bytes, e, LIMITS.maxXmlPrologBytes);
      const verdict = inspectXmlProlog(head, head.length >= e.uncompressedSize);
      if (verdict === 'doctype') {
        throw new ReadError(file, `la parte ${e.name} contiene una dichiarazione DOCTYPE o ENTITY, che un file Excel non ha mai: potrebbe essere un attacco (XML bomb o XXE), non lo leggo.`);
      }
      if (verdict === 'prolog-too-long') {
        throw new ReadError(file, `la parte ${e.name} non inizia come un XML di Excel (oltre ${itBytes(LIMITS.maxXmlPrologBytes)} prima del contenuto): il file è stato manipolato, non lo leggo.`);
      }
      if (verdict === 'no-root') damaged.add(e.name);
    }
    return { file, bytes, entries, damaged };
  } catch (err) {
    if (err instanceof ZipFormatError) throw zipReadError(err, file);
    throw err;
  }
}
