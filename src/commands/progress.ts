/**
 * Progress on long work, written to stderr: a bar with percent, item count, rate and ETA on
 * a terminal; a plain line every few seconds when stderr is piped; nothing with --quiet.
 * Progress is measured in input bytes (so a large JSONL file moves the bar as it is read);
 * count and rate are in items.
 */
import cliProgress from 'cli-progress';

export interface Progress {
  /** Reports `bytes` more of the input done; `items` and `failed` are running totals. */
  advance(bytes: number, items: number, failed: number): void;
  stop(): void;
}

export interface ProgressOptions {
  quiet?: boolean;
  label?: string;
  /** Seconds between plain lines when stderr is not a terminal. */
  everySeconds?: number;
}

const silent: Progress = { advance: () => undefined, stop: () => undefined };

function formatSeconds(s: number): string {
  if (!Number.isFinite(s)) return '?';
  const t = Math.round(s);
  return t >= 3600 ? `${Math.floor(t / 3600)}h${String(Math.floor((t % 3600) / 60)).padStart(2, '0')}m` : t >= 60 ? `${Math.floor(t / 60)}m${String(t % 60).padStart(2, '0')}s` : `${t}s`;
}

/** Rate and ETA from the bytes and items done so far. */
function figures(started: number, done: number, total: number, items: number): { rate: string; eta: string; percent: number } {
  const secs = Math.max(0.001, (Date.now() - started) / 1000);
  const percent = total > 0 ? Math.min(100, (100 * done) / total) : 0;
  const eta = done > 0 && total > 0 ? (secs * (total - done)) / done : Number.NaN;
  return { rate: (items / secs).toFixed(1), eta: formatSeconds(eta), percent };
}

/** A progress reporter for work of `totalBytes` input bytes. */
export function createProgress(totalBytes: number, options: ProgressOptions = {}): Progress {
  if (options.quiet) return silent;
  const label = options.label ?? 'progress';
  const total = Math.max(1, totalBytes);
  const started = Date.now();
  let done = 0;
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format: `${label} [{bar}] {percentage}% | {items} items | {rate}/s | ETA {remaining} | {failed} failed`,
        stream: process.stderr,
        hideCursor: true,
        fps: 5,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0, { items: 0, rate: '0.0', remaining: '?', failed: 0 });
    return {
      advance(bytes, items, failed) {
        done = Math.min(total, done + bytes);
        const f = figures(started, done, total, items);
        bar.update(done, { items, rate: f.rate, remaining: f.eta, failed });
      },
      stop: () => bar.stop(),
    };
  }
  const every = (options.everySeconds ?? 5) * 1000;
  let last = started;
  let lastItems = 0;
  let lastFailed = 0;
  const line = (): void => {
    const f = figures(started, done, total, lastItems);
    process.stderr.write(`${label}: ${f.percent.toFixed(0)}% ${lastItems} items (${f.rate}/s, ETA ${f.eta}), ${lastFailed} failed\n`);
  };
  return {
    advance(bytes, items, failed) {
      done = Math.min(total, done + bytes);
      lastItems = items;
      lastFailed = failed;
      if (Date.now() - last >= every) {
        last = Date.now();
        line();
      }
    },
    stop: () => {
      if (lastItems > 0 && Date.now() - started >= every) line();
    },
  };
}
