import { TaggerSequence, TagScheme } from './perceptron';

/** The kinds of name the tagger tells apart; MISC (events, nationalities, works) is learnt so it is not taken for the others. */
export const NAME_TYPES = ['PER', 'LOC', 'ORG', 'MISC'] as const;
export type NameType = (typeof NAME_TYPES)[number];

/** BILOU tags: Begin, Inside, Last, Unit (a one-word name), Outside. */
export const NAME_LABELS: readonly string[] = ['O', ...NAME_TYPES.flatMap((t) => ['B', 'I', 'L', 'U'].map((p) => `${p}-${t}`))];

const OUTSIDE = 0;
const PARTS = NAME_LABELS.map((label) => label[0]);
const TYPES = NAME_LABELS.map((label) => label.slice(2));
const part = (label: number) => PARTS[label];
const typeOf = (label: number) => TYPES[label];
/** Which tag may follow which: inside a name only its own continuation, outside it anything but a continuation. */
const ALLOWED = NAME_LABELS.map((_, previous) =>
  NAME_LABELS.map((__, next) => {
    const open = part(previous) === 'B' || part(previous) === 'I';
    const continues = part(next) === 'I' || part(next) === 'L';
    return open ? continues && typeOf(previous) === typeOf(next) : !continues;
  }),
);

/** An article's tokens as the tagger reads them: their features, and what the tags chosen so far are read against. */
export interface WordSequence extends TaggerSequence {
  /** Each token's lower-case normal form and shape, which the history features pair with the tag before. */
  lowers: string[];
  shapes: string[];
  /** No name runs into the token from the one before: a sentence or a line starts, punctuation stands between (a comma, a bracket, a spaced dash), or the word before ends in a possessive ("Obama's China trip"). */
  nameBreaks: boolean[];
  /** The position of the last earlier capitalised token with the same word, or -1 (a surname after a full name is tagged as the full name was). */
  earlier: Int32Array;
  /** Tokens outside every name whatever their context: a number or symbol, markup or code ("Ab<img"), or a lower-case word that is no connector. */
  outside: boolean[];
}

/** How far back the tags of the same word are looked up. */
const HISTORY_DEPTH = 4;

// History feature strings, made once: by the tag before (START when a name cannot run on), and by word or shape.
const START = NAME_LABELS.length;
const TAG_NAMES = [...NAME_LABELS, '<s>'];
const T1 = TAG_NAMES.map((t) => `~t1=${t}`);
const T2 = TAG_NAMES.map((t2) => TAG_NAMES.map((t1) => `~t2=${t2}|${t1}`));
const H = NAME_LABELS.map((t) => `~h=${t}`);
const byPrefix = new Map<string, Map<string, Array<string | undefined>>>();
/** Words kept before the cache starts afresh, so memory stays bounded on any corpus. */
const WORD_LIMIT = 30_000;
/** "~t1w=B-PER|smith": the string for a tag and a word, made the first time that pair is needed. */
function withTag(prefix: string, tag: number, word: string): string {
  let byWord = byPrefix.get(prefix);
  if (!byWord) byPrefix.set(prefix, (byWord = new Map()));
  let strings = byWord.get(word);
  if (!strings) {
    if (byWord.size >= WORD_LIMIT) byWord.clear();
    byWord.set(word, (strings = []));
  }
  return (strings[tag] ??= `${prefix}${TAG_NAMES[tag]}|${word}`);
}

export const BILOU_SCHEME: TagScheme = {
  labels: NAME_LABELS,
  allowed(previous, next) {
    return ALLOWED[previous][next];
  },
  fixed(sequence, i) {
    return (sequence as WordSequence).outside[i] ? OUTSIDE : undefined;
  },
  previous(sequence, i, tags) {
    return i > 0 && !(sequence as WordSequence).nameBreaks[i] ? tags[i - 1] : OUTSIDE;
  },
  historyFeatures(sequence, i, tags, out) {
    const words = sequence as WordSequence;
    const first = words.nameBreaks[i];
    const t1 = i > 0 && !first ? tags[i - 1] : START;
    const t2 = i > 1 && !first && !words.nameBreaks[i - 1] ? tags[i - 2] : START;
    out.push(T1[t1], T2[t2][t1], withTag('~t1w=', t1, words.lowers[i]), withTag('~t1s=', t1, words.shapes[i]));
    // What the same word was tagged as earlier in the article: the latest tag of a name it was in
    // ("U-PER" alone, "B-ORG" at the start of a longer name), or never a name.
    let k = words.earlier[i];
    let seen = false;
    for (let depth = 0; k >= 0 && depth < HISTORY_DEPTH; depth++, k = words.earlier[k]) {
      seen = true;
      if (tags[k] !== OUTSIDE) {
        out.push(H[tags[k]]);
        return;
      }
    }
    if (seen) out.push('~h=O');
  },
};

/** Names as token ranges [first, last) with their type, read off BILOU tags (an unfinished name ends where its tags or its sentence stop). */
export function namesOf(tags: readonly number[], nameBreaks?: readonly boolean[]): Array<{ type: NameType; first: number; last: number }> {
  const names: Array<{ type: NameType; first: number; last: number }> = [];
  let open: { type: NameType; first: number } | null = null;
  tags.forEach((label, i) => {
    const p = part(label);
    if (open && (p === 'O' || p === 'B' || p === 'U' || typeOf(label) !== open.type || nameBreaks?.[i])) {
      names.push({ ...open, last: i });
      open = null;
    }
    if (p === 'U') names.push({ type: typeOf(label) as NameType, first: i, last: i + 1 });
    else if (p === 'B' || ((p === 'I' || p === 'L') && !open)) open = { type: typeOf(label) as NameType, first: i };
    if (p === 'L' && open) {
      names.push({ ...open, last: i + 1 });
      open = null;
    }
  });
  if (open) names.push({ ...(open as { type: NameType; first: number }), last: tags.length });
  return names;
}

/** BILOU tags for names given as token ranges. */
export function tagsOf(length: number, names: ReadonlyArray<{ type: NameType; first: number; last: number }>): number[] {
  const tags = new Array<number>(length).fill(OUTSIDE);
  const label = (p: string, type: NameType) => NAME_LABELS.indexOf(`${p}-${type}`);
  for (const { type, first, last } of names) {
    if (last - first === 1) tags[first] = label('U', type);
    else for (let k = first; k < last; k++) tags[k] = label(k === first ? 'B' : k === last - 1 ? 'L' : 'I', type);
  }
  return tags;
}
