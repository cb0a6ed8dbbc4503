/**
 * Progress of a batch. On a terminal: one line redrawn in place (bar, dossier n of N, the file being
 * read, elapsed time and an estimate of the time left). Elsewhere (CI, logs): one plain line per
 * dossier done. A few lines of our own: a library would not do less.
 */
import { printable } from './printable';
export interface ProgressSink {
  write(text: string): void;
  isTTY?: boolean;
  columns?: number;
}

export interface Progress {
  file(dossier: string, file: string): void;
  done(dossier: string, line: string): void;
  finish(): void;
}

export function clock(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

/** The text of the bar line (pure, for tests). */
export function barLine(done: number, total: number, current: string, elapsedMs: number, width = 100): string {
  const size = 20;
  const filled = total ? Math.round((done / total) * size) : size;
  const bar = `${'█'.repeat(filled)}${'░'.repeat(size - filled)}`;
  const eta = done > 0 && done < total ? ` · ancora ~${clock((elapsedMs / done) * (total - done))}` : '';
  const line = `${bar} ${done}/${total} dossier · ${clock(elapsedMs)}${eta}${current ? ` · ${current}` : ''}`;
  return line.length > width ? `${line.slice(0, width - 1)}…` : line;
}

export function createProgress(total: number, sink: ProgressSink, now: () => number = Date.now): Progress {
  const start = now();
  let done = 0;
  let current = '';
  let last = 0;
  const tty = sink.isTTY === true;
  const draw = (force = false) => {
    if (!tty) return;
    const t = now();
    if (!force && t - last < 100) return;
    last = t;
    sink.write(`\r\x1b[2K${barLine(done, total, current, t - start, (sink.columns ?? 100) - 1)}`);
  };
  draw(true);
  return {
    file(dossier, file) {
      current = printable(`${dossier}: ${file}`);
      draw();
    },
    done(_dossier, line) {
      done++;
      if (tty) {
        sink.write(`\r\x1b[2K${printable(line)}\n`);
        draw(true);
      } else sink.write(`[${done}/${total}] ${printable(line)} (${clock(now() - start)})\n`);
    },
    finish() {
      if (tty) sink.write('\r\x1b[2K');
    },
  };
}
