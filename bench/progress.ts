/**
 * A one-line progress bar on stderr (redrawn in place on a terminal; a line
 * every 10% otherwise, so a CI log stays short).
 */
export class Progress {
  private count = 0;
  private lastShown = -1;
  private readonly started = performance.now();
  private readonly tty = process.stderr.isTTY === true;

  constructor(
    private readonly label: string,
    private readonly total: number,
  ) {
    this.draw();
  }

  add(n: number): void {
    this.count += n;
    this.draw();
  }

  done(): void {
    this.count = this.total;
    this.draw(true);
    if (this.tty) process.stderr.write('\n');
  }

  private draw(final = false): void {
    const fraction = this.total ? Math.min(1, this.count / this.total) : 1;
    const step = Math.floor(fraction * 10);
    if (!this.tty && !final && step === this.lastShown) return;
    if (!this.tty && final && this.lastShown === 10) return;
    this.lastShown = step;
    const width = 30;
    const filled = Math.round(fraction * width);
    const seconds = (performance.now() - this.started) / 1000;
    const rate = seconds > 0 ? Math.round(this.count / seconds) : 0;
    const line =
      `  ${this.label.padEnd(14)} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ` +
      `${this.count.toLocaleString('en-GB')}/${this.total.toLocaleString('en-GB')} items, ${rate.toLocaleString('en-GB')}/s, ${seconds.toFixed(1)} s`;
    process.stderr.write(this.tty ? `\r${line}` : `${line}\n`);
  }
}
