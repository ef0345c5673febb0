/**
 * Counts work in progress (indexing, analyses, pending debounce timers) so that tests and
 * commands can wait until the extension has caught up with every change.
 */
export class Activity {
  private count = 0;
  private waiting: Array<() => void> = [];
  private checkScheduled = false;

  get busy(): boolean {
    return this.count > 0;
  }

  /** Marks one piece of work as started; call the returned function (once or more) when it ends. */
  begin(): () => void {
    this.count++;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.count--;
      if (this.count === 0) this.scheduleCheck();
    };
  }

  /** Resolves once nothing is in progress. */
  whenIdle(): Promise<void> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.scheduleCheck();
    });
  }

  // Work often ends just before the work it causes begins (an analysis result schedules a change
  // event): waiting one macrotask lets that follow-up register before idleness is declared.
  private scheduleCheck(): void {
    if (this.checkScheduled) return;
    this.checkScheduled = true;
    setTimeout(() => {
      this.checkScheduled = false;
      if (this.count > 0) return;
      const resolved = this.waiting;
      this.waiting = [];
      for (const resolve of resolved) resolve();
    }, 0);
  }
}
