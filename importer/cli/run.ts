/** Entry point of the `piao` command: no stack trace ever reaches the user. */
import { tuneHeap } from './heap';
import { main } from './main';

tuneHeap();

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`piao: errore imprevisto: ${err instanceof Error ? err.message : String(err)}\n`);
    if (process.env.PIAO_DEBUG) process.stderr.write(`${err instanceof Error ? err.stack : ''}\n`);
    process.exitCode = 70;
  },
);
