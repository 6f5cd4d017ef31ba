/** Seconds before the next attempt after `attempts` failed ones: 2, 4, 8, … capped. */
export function retryDelaySeconds(attempts: number, capSeconds: number): number {
  return Math.min(2 ** Math.max(1, attempts), capSeconds);
}
