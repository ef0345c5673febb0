import { createHash } from 'crypto';
import { findNodeAtLocation, getNodeValue, Node, parseTree, ParseError, printParseErrorCode } from 'jsonc-parser';
import { joinInitials, KbRole, loadBundledKnowledgeBase, normalizeNameForm, Official, parseOfficial, parseRole } from './knowledgeBase';

/** The `schema` a knowledge file may state; a file without one is read as this. */
export const KNOWLEDGE_SCHEMA = 'attache-knowledge/1';

/** Where a workspace keeps its corrections, relative to its folder, unless a setting says otherwise. */
export const DEFAULT_KNOWLEDGE_FILE = '.attache/knowledge.json';

/** A person the reader adds, or an official of the bundled knowledge base the reader adds to (same id). */
export interface PersonCorrection {
  /** A lowercase slug; made from the name when left out. */
  id: string;
  name: string;
  aliases: string[];
  familyNameFirst: boolean;
  roles: KbRole[];
}

/** "King Philippe is not Édouard Philippe": the name is never linked to that official, or only not when the article gives it that title. */
export interface UnlinkCorrection {
  name: string;
  official: string;
  title?: string;
}

/** What a reader has told Attaché that its engine and data got wrong. */
export interface Corrections {
  people: PersonCorrection[];
  /** Names that are never a person; compared as knowledge-base names are (case, accents, dots ignored). */
  notPeople: string[];
  notPlaces: string[];
  /** Groups of names that are one person. */
  samePerson: string[][];
  unlink: UnlinkCorrection[];
}

export const NO_CORRECTIONS: Corrections = Object.freeze({ people: [], notPeople: [], notPlaces: [], samePerson: [], unlink: [] });

/** A part of a knowledge file that is not applied, and where it is. */
export interface CorrectionProblem {
  message: string;
  /** UTF-16 offset and length of the offending part in the file's text. */
  offset: number;
  length: number;
  /** A syntax error is an error; an entry of the wrong shape, left out, a warning. */
  severity: 'error' | 'warning';
}

/** The lists a knowledge file holds, in the order a new file gives them. */
export const KNOWLEDGE_LISTS: ReadonlyArray<keyof Corrections> = ['people', 'notPeople', 'notPlaces', 'samePerson', 'unlink'];

const FIELDS = new Set(['$schema', 'schema', ...KNOWLEDGE_LISTS]);

/** What a new knowledge file starts as: every list, empty. */
export const NEW_KNOWLEDGE_FILE = `{\n  "schema": "${KNOWLEDGE_SCHEMA}",\n${KNOWLEDGE_LISTS.map((list) => `  "${list}": []`).join(',\n')}\n}\n`;

/**
 * The corrections a knowledge file holds, and what in it is wrong. Whatever is malformed (a syntax
 * error, an entry of the wrong shape) is reported where it is and left out; everything else applies.
 */
export function parseKnowledgeFile(text: string): { corrections: Corrections; problems: CorrectionProblem[] } {
  const problems: CorrectionProblem[] = [];
  const corrections: Corrections = { people: [], notPeople: [], notPlaces: [], samePerson: [], unlink: [] };
  // A file just made, with nothing in it yet, corrects nothing and is not wrong.
  if (text.trim() === '') return { corrections, problems };
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  for (const error of errors) problems.push({ message: `JSON syntax: ${describeParseError(error)}`, offset: error.offset, length: Math.max(1, error.length), severity: 'error' });
  if (!root) return { corrections, problems };
  if (root.type !== 'object') {
    problems.push(at(root, 'The knowledge file should be a JSON object with "people", "notPeople", "notPlaces", "samePerson" and "unlink".'));
    return { corrections, problems };
  }
  for (const property of root.children ?? []) {
    const key = property.children?.[0];
    if (key && !FIELDS.has(String(key.value))) problems.push(at(key, `Unknown field ${JSON.stringify(key.value)}: it is ignored. Expected one of ${[...FIELDS].slice(1).join(', ')}.`));
  }
  const schema = findNodeAtLocation(root, ['schema']);
  if (schema && schema.value !== KNOWLEDGE_SCHEMA) problems.push(at(schema, `"schema" should be "${KNOWLEDGE_SCHEMA}".`));

  for (const [index, node] of listAt(root, 'people', problems)) {
    const person = readPerson(node, `people[${index}]`, problems);
    if (person) corrections.people.push(person);
  }
  for (const field of ['notPeople', 'notPlaces'] as const) {
    for (const [index, node] of listAt(root, field, problems)) {
      const name = nameAt(node, `${field}[${index}]`, problems);
      if (name !== undefined) corrections[field].push(name);
    }
  }
  for (const [index, node] of listAt(root, 'samePerson', problems)) {
    const names = node.type === 'array' ? (node.children ?? []).map((child, k) => nameAt(child, `samePerson[${index}][${k}]`, problems)) : [];
    if (node.type !== 'array' || names.length < 2) {
      problems.push(at(node, `samePerson[${index}] should be a list of two or more names of one person, as ["Wang Yi", "Wang"]; it is ignored.`));
      continue;
    }
    const kept = names.filter((n): n is string => n !== undefined);
    if (kept.length >= 2) corrections.samePerson.push(kept);
  }
  for (const [index, node] of listAt(root, 'unlink', problems)) {
    const unlink = readUnlink(node, `unlink[${index}]`, problems);
    if (unlink) corrections.unlink.push(unlink);
  }
  return { corrections, problems };
}

function describeParseError(error: ParseError): string {
  const code = printParseErrorCode(error.error);
  // "CloseBraceExpected" -> "close brace expected"
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function at(node: Node, message: string): CorrectionProblem {
  return { message, offset: node.offset, length: node.length, severity: 'warning' };
}

/** The entries of a top-level list, each with its index; a field that is not a list is reported and read as empty. */
function listAt(root: Node, field: keyof Corrections, problems: CorrectionProblem[]): Array<[number, Node]> {
  const node = findNodeAtLocation(root, [field]);
  if (!node) return [];
  if (node.type !== 'array') {
    problems.push(at(node, `"${field}" should be a list; it is ignored.`));
    return [];
  }
  return (node.children ?? []).map((child, index) => [index, child]);
}

function nameAt(node: Node, where: string, problems: CorrectionProblem[]): string | undefined {
  if (node.type === 'string' && normalizeNameForm(String(node.value)) !== '') return String(node.value).trim();
  problems.push(at(node, `${where} should be a name in quotes; it is ignored.`));
  return undefined;
}

/** A person entry, validated as the bundled data files are; a bad role is left out alone, where it is. */
function readPerson(node: Node, where: string, problems: CorrectionProblem[]): PersonCorrection | undefined {
  if (node.type !== 'object') {
    problems.push(at(node, `${where} should be an object with "name", "aliases" and "roles"; it is ignored.`));
    return undefined;
  }
  const value = getNodeValue(node) as Record<string, unknown>;
  const name = typeof value.name === 'string' ? value.name.trim() : '';
  const id = value.id === undefined && name !== '' ? slugOf(name) : value.id;
  const messages: string[] = [];
  const official = parseOfficial({ ...value, id, roles: [] }, where, messages);
  for (const message of messages) problems.push(at(node, message.replace(/; entry skipped$/, '; the person is ignored.')));
  if (!official) return undefined;
  const roles: KbRole[] = [];
  const rolesNode = findNodeAtLocation(node, ['roles']);
  if (rolesNode && rolesNode.type !== 'array') problems.push(at(rolesNode, `${where}: "roles" should be a list; no role is added.`));
  (rolesNode?.type === 'array' ? rolesNode.children ?? [] : []).forEach((roleNode, index) => {
    const roleMessages: string[] = [];
    const role = parseRole(getNodeValue(roleNode), `${where}.roles[${index}]`, roleMessages);
    for (const message of roleMessages) problems.push(at(roleNode, message.replace(/; role skipped$/, '; the role is ignored.')));
    if (role) roles.push(role);
  });
  return { ...official, roles };
}

function readUnlink(node: Node, where: string, problems: CorrectionProblem[]): UnlinkCorrection | undefined {
  const value = node.type === 'object' ? (getNodeValue(node) as Record<string, unknown>) : undefined;
  const { name, official, title } = value ?? {};
  if (typeof name !== 'string' || name.trim() === '' || typeof official !== 'string' || official.trim() === '' || (title !== undefined && typeof title !== 'string')) {
    problems.push(at(node, `${where} should be {"name": "…", "official": "<knowledge-base id>"} with an optional "title"; it is ignored.`));
    return undefined;
  }
  return { name: name.trim(), official: official.trim(), ...(typeof title === 'string' && title.trim() !== '' ? { title: title.trim() } : {}) };
}

/** "Édouard Philippe" -> "edouard-philippe": the id the data files give a name. */
export function slugOf(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function hasCorrections(corrections: Corrections): boolean {
  return Object.values(corrections).some((list: unknown[]) => list.length > 0);
}

/** The corrections of several files (one a workspace folder) as one set, in order. */
export function combineCorrections(all: Corrections[]): Corrections {
  return {
    people: all.flatMap((c) => c.people),
    notPeople: all.flatMap((c) => c.notPeople),
    notPlaces: all.flatMap((c) => c.notPlaces),
    samePerson: all.flatMap((c) => c.samePerson),
    unlink: all.flatMap((c) => c.unlink),
  };
}

/**
 * What an analysis made under these corrections is keyed by, beside the text: '' when there are
 * none, so that analyses without a knowledge file keep the keys they always had.
 */
export function correctionsFingerprint(corrections: Corrections): string {
  if (!hasCorrections(corrections)) return '';
  return createHash('sha1').update(JSON.stringify(corrections)).digest('hex').slice(0, 16);
}

/** One entry of a knowledge file, keyed by its content, with the names an article must contain for it to matter there. */
interface CorrectionEntry {
  key: string;
  names: string[];
  /** Puts the entry into a set of corrections. */
  addTo(target: Corrections): void;
}

/**
 * The entries of a set of corrections, each with the names it can change the reading of: its own
 * names, and for a person added to a bundled official, the names that official already had.
 */
function entriesOf(corrections: Corrections): CorrectionEntry[] {
  const bundled = loadBundledKnowledgeBase();
  const namesOf = (official: Official | undefined) => (official ? [official.name, ...official.aliases] : []);
  return [
    ...corrections.people.map((p) => ({ key: `person ${JSON.stringify(p)}`, names: [p.name, ...p.aliases, ...namesOf(bundled.byId(p.id))], addTo: (c: Corrections) => c.people.push(p) })),
    ...corrections.notPeople.map((n) => ({ key: `not-person ${n}`, names: [n], addTo: (c: Corrections) => c.notPeople.push(n) })),
    ...corrections.notPlaces.map((n) => ({ key: `not-place ${n}`, names: [n], addTo: (c: Corrections) => c.notPlaces.push(n) })),
    ...corrections.samePerson.map((group) => ({ key: `same ${JSON.stringify(group)}`, names: group, addTo: (c: Corrections) => c.samePerson.push(group) })),
    ...corrections.unlink.map((u) => ({ key: `unlink ${JSON.stringify(u)}`, names: [u.name], addTo: (c: Corrections) => c.unlink.push(u) })),
  ];
}

/**
 * The names whose reading may differ between two sets of corrections: every name of an entry in
 * one and not the other. An article that contains none of them is analysed the same under both.
 */
export function namesAffected(before: Corrections, after: Corrections): string[] {
  const names = new Set<string>();
  const entriesBefore = entriesOf(before);
  const entriesAfter = entriesOf(after);
  const keysBefore = new Set(entriesBefore.map((e) => e.key));
  const keysAfter = new Set(entriesAfter.map((e) => e.key));
  for (const entry of entriesBefore) if (!keysAfter.has(entry.key)) entry.names.forEach((n) => names.add(n));
  for (const entry of entriesAfter) if (!keysBefore.has(entry.key)) entry.names.forEach((n) => names.add(n));
  return [...names];
}

/**
 * The corrections an article's analysis can depend on: the entries naming a name its text
 * contains. Analyses are keyed by these alone, so that an article no correction touches keeps
 * the analysis (and the cache entry) it had without any.
 */
export function correctionsFor(text: string, corrections: Corrections): Corrections {
  const relevant: Corrections = { people: [], notPeople: [], notPlaces: [], samePerson: [], unlink: [] };
  if (!hasCorrections(corrections)) return relevant;
  const { entries, finder } = compiled(corrections);
  const contains = finder.in(text);
  for (const entry of entries) if (entry.names.some(contains)) entry.addTo(relevant);
  return relevant;
}

/**
 * A test of whether a text may name any of these names, compared as correctionsFor compares them;
 * the names are read once, for all the texts it is given.
 */
export function namesTest(names: readonly string[]): (text: string) => boolean {
  if (names.length === 0) return () => false;
  const finder = new NameFinder(names);
  return (text) => names.some(finder.in(text));
}

/** A set of corrections made ready to test texts against: each analysis asks, so it is done once per set. */
const compiledCorrections = new WeakMap<Corrections, { entries: CorrectionEntry[]; finder: NameFinder }>();

function compiled(corrections: Corrections): { entries: CorrectionEntry[]; finder: NameFinder } {
  let ready = compiledCorrections.get(corrections);
  if (!ready) {
    const entries = entriesOf(corrections);
    ready = { entries, finder: new NameFinder(entries.flatMap((e) => e.names)) };
    compiledCorrections.set(corrections, ready);
  }
  return ready;
}

/** Names run longer than this many words only rarely; a longer one is looked for in the whole text. */
const MAX_INDEXED_WORDS = 4;

/**
 * Looks for names in texts word for word, compared as the engine compares names: without case or
 * accents, dots and spacing aside, initials together ("J. D." and "J.D."), a possessive "'s"
 * dropped. The names are read once; each text in one pass, keeping only the word sequences that
 * start with the first word of some name.
 */
class NameFinder {
  /** Each name's words, joined by spaces, and how many there are. */
  private readonly keys = new Map<string, { phrase: string; words: number }>();
  private readonly firstWords = new Set<string>();

  constructor(names: readonly string[]) {
    for (const name of names) this.keyOf(name);
  }

  private keyOf(name: string): { phrase: string; words: number } {
    let key = this.keys.get(name);
    if (!key) {
      const words = searchWords(name);
      key = { phrase: words.join(' '), words: words.length };
      this.keys.set(name, key);
      if (words.length > 0) this.firstWords.add(words[0]);
    }
    return key;
  }

  /** A test of whether `text` contains a name, for the names given (others are looked up as they come). */
  in(text: string): (name: string) => boolean {
    const words = searchWords(text);
    const phrases = new Set<string>();
    for (let i = 0; i < words.length; i++) {
      if (!this.firstWords.has(words[i])) continue;
      for (let n = 1; n <= MAX_INDEXED_WORDS && i + n <= words.length; n++) phrases.add(words.slice(i, i + n).join(' '));
    }
    let whole: string | undefined;
    return (name) => {
      const { phrase, words: count } = this.keyOf(name);
      if (count === 0) return false;
      if (count <= MAX_INDEXED_WORDS) return phrases.has(phrase);
      whole ??= ` ${words.join(' ')} `;
      return whole.includes(` ${phrase} `);
    };
  }
}

function searchWords(text: string): string[] {
  // Most news text is ASCII, which has no accents to take off.
  const unaccented = /^[\x00-\x7f]*$/.test(text) ? text : text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  const words = unaccented
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/'s\b/g, '')
    .split(/[^\p{L}\p{N}'-]+/u)
    .filter((w) => w.length > 0);
  return joinInitials(words);
}

/** The same name as the engine compares names: for the sets of names that are not people or places. */
export function nameSet(names: readonly string[]): ReadonlySet<string> {
  return new Set(names.map(normalizeNameForm));
}
