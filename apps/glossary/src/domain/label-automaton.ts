/**
 * Aho–Corasick over every term label, for finding mentions in free text in one pass: build is
 * linear in the total label length, a search linear in the text length plus the mentions found.
 * Pure TypeScript, no framework: the service rebuilds it when terms change.
 */

export interface Label {
  /** The text to find (a name, alias or hidden label). */
  text: string;
  slug: string;
  /** Lower wins when two terms share a label (name 0, alias 1, hidden label 2). */
  priority: number;
}

export interface Mention {
  slug: string;
  start: number;
  end: number;
  matched: string;
}

/**
 * Case folding that never changes a string's length, so offsets in the folded text are offsets
 * in the original (`'İ'.toLowerCase()` is two code units: such characters are left alone).
 */
export function foldCase(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let folded = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    const lower = char.toLowerCase();
    folded += lower.length === 1 ? lower : char;
  }
  return folded;
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}_]/u;
/** ASCII answers from a table: the Unicode regex is only for the rest. */
const ASCII_WORD = Uint8Array.from({ length: 128 }, (_, code) =>
  WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 0,
);

function isWordChar(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return false;
  const code = text.charCodeAt(index);
  return code < 128 ? ASCII_WORD[code] === 1 : WORD_CHAR.test(text[index]);
}

export class LabelAutomaton {
  /**
   * Transitions. Most trie states have one child: that one is kept in two typed arrays (char,
   * target) and read without hashing; states with more children have a small map by char code.
   */
  private readonly onlyChar: Uint16Array;
  private readonly onlyNext: Int32Array;
  private readonly manyNext: (Map<number, number> | undefined)[];
  private readonly fail: Int32Array;
  /** Per state: index into `labels` of the best label ending here, or -1. */
  private readonly output: Int32Array;
  /** Per state: the nearest state down the failure chain that has an output, or 0. */
  private readonly outputLink: Int32Array;
  private readonly depth: Int32Array;
  private readonly labels: Label[];

  readonly labelCount: number;

  constructor(labels: readonly Label[]) {
    // While building: every edge in one map keyed `state * 65536 + charCode`.
    const edges = new Map<number, number>();
    this.labels = [];
    const states: number[] = [0];
    let stateCount = 1;
    const output: number[] = [-1];
    const depth: number[] = [0];
    for (const label of labels) {
      const text = foldCase(label.text.trim());
      if (text.length === 0) continue;
      let state = 0;
      for (let i = 0; i < text.length; i++) {
        const edge = state * 65536 + text.charCodeAt(i);
        let target = edges.get(edge);
        if (target === undefined) {
          target = stateCount++;
          edges.set(edge, target);
          states.push(target);
          output.push(-1);
          depth.push(i + 1);
        }
        state = target;
      }
      const current = output[state];
      if (current === -1 || this.isBetter(label, this.labels[current])) {
        output[state] = this.labels.length;
      }
      this.labels.push(label);
    }
    this.labelCount = this.labels.length;
    this.output = Int32Array.from(output);
    this.depth = Int32Array.from(depth);
    this.onlyChar = new Uint16Array(stateCount);
    this.onlyNext = new Int32Array(stateCount).fill(-1);
    this.manyNext = new Array<Map<number, number> | undefined>(stateCount);
    for (const [edge, target] of edges) {
      const from = Math.floor(edge / 65536);
      const char = edge % 65536;
      const many = this.manyNext[from];
      if (many) many.set(char, target);
      else if (this.onlyNext[from] === -1) {
        this.onlyChar[from] = char;
        this.onlyNext[from] = target;
      } else {
        this.manyNext[from] = new Map([
          [this.onlyChar[from], this.onlyNext[from]],
          [char, target],
        ]);
        this.onlyNext[from] = -1;
      }
    }
    this.fail = new Int32Array(stateCount);
    this.outputLink = new Int32Array(stateCount);
    this.linkFailures();
  }

  private goto(state: number, char: number): number | undefined {
    const only = this.onlyNext[state];
    if (only !== -1) return this.onlyChar[state] === char ? only : undefined;
    return this.manyNext[state]?.get(char);
  }

  private children(state: number): [number, number][] {
    const only = this.onlyNext[state];
    if (only !== -1) return [[this.onlyChar[state], only]];
    return [...(this.manyNext[state] ?? [])];
  }

  private isBetter(candidate: Label, current: Label): boolean {
    return (
      candidate.priority < current.priority ||
      (candidate.priority === current.priority && candidate.slug < current.slug)
    );
  }

  /** Breadth-first over the trie: each state's failure is its longest proper suffix in the trie. */
  private linkFailures(): void {
    const queue = this.children(0).map(([, child]) => child);
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head];
      const failure = this.fail[state];
      this.outputLink[state] = this.output[failure] !== -1 ? failure : this.outputLink[failure];
      for (const [char, child] of this.children(state)) {
        let candidate = failure;
        let target = this.goto(candidate, char);
        while (target === undefined && candidate !== 0) {
          candidate = this.fail[candidate];
          target = this.goto(candidate, char);
        }
        this.fail[child] = target !== undefined && target !== child ? target : 0;
        queue.push(child);
      }
    }
  }

  /**
   * Every mention of a label in `text`, case-insensitive and on word boundaries. Where mentions
   * overlap the longest wins (then the leftmost); the result is in text order.
   */
  find(text: string): Mention[] {
    const folded = foldCase(text);
    // Candidates bucketed by length, each bucket in order of start: a longest-first pass over
    // the buckets needs no comparison sort.
    const byLength = new Map<number, number[]>();
    let state = 0;
    for (let i = 0; i < folded.length; i++) {
      const char = folded.charCodeAt(i);
      let target = this.goto(state, char);
      while (target === undefined && state !== 0) {
        state = this.fail[state];
        target = this.goto(state, char);
      }
      state = target ?? 0;
      const end = i + 1;
      if (isWordChar(folded, end)) continue;
      for (
        let hit = this.output[state] !== -1 ? state : this.outputLink[state];
        hit !== 0;
        hit = this.outputLink[hit]
      ) {
        const length = this.depth[hit];
        const start = end - length;
        if (isWordChar(folded, start - 1)) continue;
        let bucket = byLength.get(length);
        if (!bucket) byLength.set(length, (bucket = []));
        bucket.push(start, this.output[hit]);
      }
    }
    return this.selectLongest(text, byLength);
  }

  private selectLongest(text: string, byLength: Map<number, number[]>): Mention[] {
    const taken = new Uint8Array(text.length);
    const chosen: Mention[] = [];
    const lengths = [...byLength.keys()].sort((a, b) => b - a);
    for (const length of lengths) {
      const bucket = byLength.get(length)!;
      for (let i = 0; i < bucket.length; i += 2) {
        const start = bucket[i];
        const end = start + length;
        // A candidate costs at most its length (a label is ≤ 200 characters): linear in the
        // number of candidates, which is at most that many per position of the text.
        if (taken[start] || taken[end - 1] || this.coversTaken(taken, start, end)) continue;
        taken.fill(1, start, end);
        chosen.push({
          slug: this.labels[bucket[i + 1]].slug,
          start,
          end,
          matched: text.slice(start, end),
        });
      }
    }
    return chosen.sort((a, b) => a.start - b.start);
  }

  private coversTaken(taken: Uint8Array, start: number, end: number): boolean {
    for (let i = start; i < end; i++) if (taken[i]) return true;
    return false;
  }
}
