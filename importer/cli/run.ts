/** Entry point of the `piao` command: no stack trace ever reaches the user, and no exit status but 0, 1, 2 and 3. */
import { tuneHeap } from './heap';
import { EXIT, main } from './main';
import { systemReason } from './system-errors';

tuneHeap();

function stop(err: unknown): void {
  process.stderr.write(`piao: l'importazione si è interrotta prima della fine: ${systemReason(err)}.\n`);
  if (process.env.PIAO_DEBUG) process.stderr.write(`${err instanceof Error ? err.stack : ''}\n`);
  process.exit(EXIT.unreadable);
}

// a reader that goes away (`piao import ... | head -1`) is no error of the import: stop writing to it
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') stop(err);
  });
}
// main() answers every error itself: these are the last guards, with the same words and status
process.on('uncaughtException', stop);

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
}, stop);
