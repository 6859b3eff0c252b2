// "did you mean …" for a mistyped option, key or section: the closest known name by edit
// distance, when it is close enough to be a typo rather than a different word.

function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The known name closest to `name` (case-insensitive), or null when none is a likely typo. */
export function closest(name: string, known: Iterable<string>): string | null {
  const wanted = name.toLowerCase();
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = distance(wanted, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== null && bestDistance > 0 && bestDistance <= Math.max(2, Math.floor(wanted.length / 3)) ? best : null;
}

/** `; did you mean X?` or an empty string. */
export function didYouMean(name: string, known: Iterable<string>, format = (s: string) => s): string {
  const match = closest(name, known);
  return match === null ? '' : `; did you mean ${format(match)}?`;
}
