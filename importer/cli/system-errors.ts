/**
 * What the operating system's refusals mean, in Italian: no English errno text («EACCES:
 * permission denied, mkdir ...») ever reaches an officer.
 */
const REASONS: Record<string, string> = {
  EACCES: 'mancano i permessi di scrittura',
  EPERM: 'il sistema non lo consente (permessi)',
  EROFS: 'è su un disco o una cartella di sola lettura',
  ENOSPC: 'il disco è pieno',
  EDQUOT: 'la quota di spazio disco è esaurita',
  ENAMETOOLONG: 'il percorso o un nome è troppo lungo',
  ENOTDIR: 'una parte del percorso è un file, non una cartella',
  EISDIR: 'è una cartella',
  EEXIST: 'esiste già',
  ENOENT: 'una parte del percorso non esiste o non si può creare',
  ELOOP: 'il percorso contiene collegamenti simbolici che si richiamano in cerchio',
  EMFILE: 'troppi file aperti',
  ENFILE: 'troppi file aperti nel sistema',
  EIO: 'errore di lettura o scrittura del disco',
  EBUSY: 'il file o la cartella è in uso',
  ETXTBSY: 'il file è in uso',
  EXDEV: 'il percorso attraversa dischi diversi',
  ENOMEM: 'la memoria non basta',
};

/** «mancano i permessi di scrittura» for EACCES; a generic sentence with the code for the rest. */
export function systemReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code && REASONS[code]) return REASONS[code];
  if (code) return `il sistema ha rifiutato l'operazione (codice ${code})`;
  if (err instanceof RangeError && /memory|allocation|Array buffer/i.test(err.message)) return REASONS.ENOMEM;
  return 'errore interno del programma';
}

/** True for errors that come from the operating system (they carry an errno code). */
export function isSystemError(err: unknown): err is NodeJS.ErrnoException {
  return typeof (err as NodeJS.ErrnoException | undefined)?.code === 'string' && typeof (err as NodeJS.ErrnoException).syscall === 'string';
}
