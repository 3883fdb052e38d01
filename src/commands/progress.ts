/**
 * Progress on long work: a bar with count, rate and ETA on a terminal, periodic plain lines
 * when output is piped, nothing with --quiet.
 */
import cliProgress from 'cli-progress';

export interface Progress {
  tick(label?: string): void;
  stop(): void;
}

/** A progress reporter for `total` items writing to stderr. */
export function createProgress(total: number, options: { quiet?: boolean; label?: string } = {}): Progress {
  if (options.quiet || total === 0) return { tick: () => undefined, stop: () => undefined };
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format: `${options.label ?? 'progress'} [{bar}] {value}/{total} | {rate}/s | ETA {eta_formatted} | {item}`,
        stream: process.stderr,
        hideCursor: true,
        etaBuffer: 50,
      },
      cliProgress.Presets.shades_classic,
    );
    const started = Date.now();
    let done = 0;
    bar.start(total, 0, { rate: '0.0', item: '' });
    return {
      tick: (item = '') => {
        done += 1;
        const rate = (done / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(1);
        bar.update(done, { rate, item: item.length > 40 ? `...${item.slice(-37)}` : item });
      },
      stop: () => bar.stop(),
    };
  }
  let done = 0;
  const started = Date.now();
  const every = Math.max(1, Math.ceil(total / 20));
  return {
    tick: () => {
      done += 1;
      if (done % every === 0 || done === total) {
        const secs = (Date.now() - started) / 1000;
        const rate = done / Math.max(0.001, secs);
        const eta = Math.round((total - done) / Math.max(rate, 0.001));
        process.stderr.write(`${options.label ?? 'progress'}: ${done}/${total} (${rate.toFixed(1)}/s, ETA ${eta}s)\n`);
      }
    },
    stop: () => undefined,
  };
}
