import { XlError } from './excel-api';

export function errorCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && typeof (err as XlError).code === 'string' ? (err as XlError).code : undefined;
}

/** Excel on the web refuses requests and responses over 5 MB: the caller then splits the batch. */
export function isPayloadError(err: unknown): boolean {
  const code = errorCode(err);
  return code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded';
}

const MESSAGES: Record<string, string> = {
  AccessDenied: 'Excel ha negato la modifica: il foglio o la cartella di lavoro sono protetti.',
  InvalidOperationInCellEditMode: 'Una cella è in modifica: premi Invio o Esc in Excel e riprova.',
  ItemNotFound: 'Un foglio o una cella non esiste più: forse è stato rinominato o eliminato durante il controllo. Riprova.',
  GeneralException: 'Excel ha restituito un errore generico. Riprova; se si ripete, salva e riapri la cartella di lavoro.',
  ApiNotFound: 'Questa versione di Excel non offre una funzione necessaria. Aggiorna Excel.',
  RequestAborted: 'Excel ha interrotto la richiesta. Riprova.',
};

/** One Italian sentence for an error coming from Excel or from the add-in itself. */
export function italianError(err: unknown): string {
  const code = errorCode(err);
  if (code && MESSAGES[code]) return MESSAGES[code];
  if (isPayloadError(err)) return 'I dati da scambiare con Excel superano il limite di 5 MB anche a blocchi piccoli.';
  const detail = err instanceof Error ? err.message : typeof err === 'object' && err && 'message' in err ? String((err as XlError).message) : String(err);
  return `Errore imprevisto${code ? ` (${code})` : ''}: ${detail}`;
}
