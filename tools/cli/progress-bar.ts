/** `[#########...........]  45% 45,000/100,000` — pure, so it is tested without a terminal. */
export function progressBar(done: number, total: number, width = 30): string {
  const ratio = total > 0 ? Math.min(1, done / total) : 0;
  const filled = Math.round(ratio * width);
  const percent = `${Math.floor(ratio * 100)}%`.padStart(4);
  const count = `${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')}`;
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${percent} ${count}`;
}
