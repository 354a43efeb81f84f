/** The CLI's one-line progress bar on stderr: redrawn in place on a terminal, one line per update otherwise. */
export function progress(done: number, total: number, startedAt: number, unit: string): void {
  const width = 30;
  const share = total === 0 ? 1 : done / total;
  const filled = Math.round(share * width);
  const secs = (Date.now() - startedAt) / 1000;
  const line = `[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${Math.floor(share * 100)}% ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} ${unit}, ${secs.toFixed(0)} s`;
  process.stderr.write(process.stderr.isTTY ? `\r${line}` : `${line}\n`);
}

/** Ends a bar drawn in place (a terminal) so the next output starts on its own line. */
export function endProgress(): void {
  if (process.stderr.isTTY) process.stderr.write('\n');
}
