import { CliIo } from './io';

/** Progress of a command waiting on AWS, on stderr. */
export interface Progress {
  /** A new step (e.g. the next page); on a terminal the line redraws with the elapsed time. */
  step(text: string): void;
  /** Clears the spinner line (a terminal); nothing otherwise. */
  done(): void;
}

const FRAMES = ['|', '/', '-', '\\'];

/**
 * On a terminal a spinner redraws one line in place every 200 ms with the elapsed seconds,
 * so a slow request visibly waits; otherwise (CI, a pipe) each step is one line.
 */
export function progress(io: CliIo, label: string, now: () => number = Date.now): Progress {
  if (!io.errIsTty) {
    return { step: (text) => io.errRaw(`${label}: ${text}\n`), done: () => {} };
  }
  const started = now();
  let text = '';
  let frame = 0;
  let timer: NodeJS.Timeout | undefined;
  const draw = () => {
    const seconds = ((now() - started) / 1000).toFixed(1);
    io.errRaw(`\r${`${FRAMES[frame++ % FRAMES.length]} ${label}: ${text} (${seconds} s)`.padEnd(100).slice(0, 100)}`);
  };
  return {
    step: (t) => {
      text = t;
      draw();
      if (!timer) {
        timer = setInterval(draw, 200);
        timer.unref();
      }
    },
    done: () => {
      if (!timer) return;
      clearInterval(timer);
      timer = undefined;
      io.errRaw(`\r${' '.repeat(100)}\r`);
    },
  };
}
