// When the language server dies, it is started again after a pause that doubles with each
// crash in a short window, so a server that dies at start-up does not spin the machine; after
// too many crashes in that window the client stops trying and tells the user once. Plain
// logic, no `vscode`: unit-tested on its own.

/** Crashes counted together: older ones are forgotten. */
export const CRASH_WINDOW_MS = 3 * 60_000;
/** The crash that makes the client give up: this many within the window. */
export const CRASHES_BEFORE_GIVING_UP = 5;
const FIRST_PAUSE_MS = 250;
const LONGEST_PAUSE_MS = 8_000;

export type RestartDecision = { restartAfterMs: number } | 'give-up';

export class RestartPolicy {
  private crashes: number[] = [];

  /** Records a crash at `now` (ms) and says what to do about it. */
  crashed(now: number): RestartDecision {
    this.crashes = this.crashes.filter((time) => now - time < CRASH_WINDOW_MS);
    this.crashes.push(now);
    const count = this.crashes.length;
    if (count >= CRASHES_BEFORE_GIVING_UP) return 'give-up';
    // The first crash restarts at once: one crash is usually a one-off (killed, out of memory).
    return { restartAfterMs: count === 1 ? 0 : Math.min(FIRST_PAUSE_MS * 2 ** (count - 2), LONGEST_PAUSE_MS) };
  }

  /** A restart the user asked for starts from a clean slate. */
  reset(): void {
    this.crashes = [];
  }
}
