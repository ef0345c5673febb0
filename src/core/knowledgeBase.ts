import unitedStatesData from '../../data/kb/united-states.json';
import chinaData from '../../data/kb/china.json';
import g20Data from '../../data/kb/g20.json';
import givenNameVariantsData from '../../data/gazetteer/given-name-variants.json';
import nameParticlesData from '../../data/gazetteer/name-particles.json';
import { Corrections, hasCorrections, slugOf, UnlinkCorrection } from './corrections';

/** A post an official held, with its tenure; dates are "YYYY-MM-DD", "YYYY-MM" or "YYYY". */
export interface KbRole {
  title: string;
  country: string;
  /** null: start unknown. */
  from: string | null;
  /** null: still in office. */
  to: string | null;
  /** Set on the roles a reader's knowledge file adds. */
  fromKnowledgeFile?: true;
}

export interface Official {
  id: string;
  name: string;
  aliases: string[];
  familyNameFirst: boolean;
  roles: KbRole[];
}

export interface ResolveHint {
  title?: string;
  country?: string | null;
  earliest?: string | null;
  latest?: string | null;
}

export const KB_SCHEMA = 'attache-officials/1';

/** The data files shipped with the extension, in the order they are loaded. */
export const BUNDLED_SOURCES: ReadonlyArray<{ name: string; data: unknown }> = [
  { name: 'united-states.json', data: unitedStatesData },
  { name: 'china.json', data: chinaData },
  { name: 'g20.json', data: g20Data },
];

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * The first and last ISO day a partial date may denote ("2013-03" -> 2013-03-01..2013-03-31),
 * or undefined when the text is not a real calendar date.
 */
export function dateBounds(text: string): { first: string; last: string } | undefined {
  const match = PARTIAL_DATE.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  if (match[2] === undefined) return { first: `${match[1]}-01-01`, last: `${match[1]}-12-31` };
  const month = Number(match[2]);
  if (month < 1 || month > 12) return undefined;
  const lastDay = daysInMonth(year, month);
  if (match[3] === undefined) {
    return { first: `${match[1]}-${match[2]}-01`, last: `${match[1]}-${match[2]}-${pad2(lastDay)}` };
  }
  const day = Number(match[3]);
  if (day < 1 || day > lastDay) return undefined;
  return { first: text, last: text };
}

/**
 * The key names are compared by: case, accents, dots and spacing do not matter, and initials
 * written apart or together ("H. R.", "H.R.", "HR") are the same.
 */
export function normalizeNameForm(form: string): string {
  const tokens = form
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\./g, ' ')
    .split(/\s+/)
    .filter((t) => t.length > 0);
  return joinInitials(tokens).join(' ');
}

/** Initials written apart run together: ["h", "r", "mcmaster"] -> ["hr", "mcmaster"]. */
export function joinInitials(words: readonly string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const continuesInitials = i > 0 && words[i].length === 1 && words[i - 1].length === 1;
    if (continuesInitials) joined[joined.length - 1] += words[i];
    else joined.push(words[i]);
  }
  return joined;
}

/** Ways news writes the same post, reduced to the title the data files use. */
const TITLE_SYNONYMS: ReadonlyMap<string, string> = new Map([
  ['secretary of defense', 'defense secretary'],
  ['secretary of defence', 'defense secretary'],
  ['defence secretary', 'defense secretary'],
  ['secretary of war', 'defense secretary'],
  ['war secretary', 'defense secretary'],
  ['defence minister', 'defense minister'],
  ['minister of defense', 'defense minister'],
  ['minister of national defense', 'defense minister'],
  ['secretary of the treasury', 'treasury secretary'],
  ['minister of finance', 'finance minister'],
  ['secretary of commerce', 'commerce secretary'],
  ['minister of commerce', 'commerce minister'],
  ['minister of foreign affairs', 'foreign minister'],
  ['national security advisor', 'national security adviser'],
  ['special envoy for climate', 'climate envoy'],
  ['special envoy for climate change', 'climate envoy'],
  ['special presidential envoy for climate', 'climate envoy'],
  ['climate change envoy', 'climate envoy'],
  ['state councillor', 'state councilor'],
]);

/**
 * Words that say whose post it is or when, not which post ("U.S. Secretary of State", "Chinese
 * Premier", "former President"); an acting holder is named by the post too ("Acting President").
 */
const TITLE_QUALIFIERS = ['us', 'u s', 'american', 'chinese', 'china', "china's", 'united states', 'former', 'ex', 'then', 'late', 'acting'];

/** Posts that are one job under two national names, so a stated title matches either. */
const TITLE_FAMILIES: ReadonlyMap<string, string> = new Map([
  ['defense secretary', 'defense'],
  ['defense minister', 'defense'],
  ['treasury secretary', 'finance'],
  ['finance minister', 'finance'],
  ['commerce secretary', 'commerce'],
  ['commerce minister', 'commerce'],
  ['trade representative', 'trade'],
  ['international trade representative', 'trade'],
  ['foreign minister', 'foreign'],
  ['foreign secretary', 'foreign'],
  ['secretary of state', 'foreign'],
  ['external affairs minister', 'foreign'],
  ['prime minister', 'head of government'],
  ['premier', 'head of government'],
  ['deputy prime minister', 'deputy head of government'],
  ['vice premier', 'deputy head of government'],
]);

function canonicalTitle(title: string): string {
  let text = title
    .toLowerCase()
    .replace(/[.-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  let qualifier: string | undefined;
  while ((qualifier = TITLE_QUALIFIERS.find((q) => text.startsWith(q + ' ')))) text = text.slice(qualifier.length + 1);
  const synonym = TITLE_SYNONYMS.get(text);
  if (synonym) return synonym;
  if (text.startsWith('ambassador to the ')) return 'ambassador to ' + text.slice('ambassador to the '.length);
  return text;
}

/**
 * The stated title names the post held: the same words, one job under another national name, or
 * the post without what it is of ("Chancellor" for "Chancellor of the Exchequer", "Ambassador"
 * for "Ambassador to China").
 */
export function titlesMatch(stated: string, held: string): boolean {
  const a = canonicalTitle(stated);
  const b = canonicalTitle(held);
  if (a === b || (b.startsWith(a) && /^ (?:of|to|for) /.test(b.slice(a.length)))) return true;
  const family = TITLE_FAMILIES.get(a);
  return family !== undefined && family === TITLE_FAMILIES.get(b);
}

export function sameCountry(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** Whether a role's tenure overlaps the ISO day interval [first, last]; open ends are unbounded. */
function roleOverlaps(role: KbRole, first: string | null, last: string | null): boolean {
  const roleFirst = role.from === null ? null : dateBounds(role.from)?.first ?? null;
  const roleLast = role.to === null ? null : dateBounds(role.to)?.last ?? null;
  if (last !== null && roleFirst !== null && roleFirst > last) return false;
  if (first !== null && roleLast !== null && roleLast < first) return false;
  return true;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function describeEntry(index: number, entry: unknown): string {
  if (isRecord(entry)) {
    if (typeof entry.id === 'string') return `entry ${index} ("${entry.id}")`;
    if (typeof entry.name === 'string') return `entry ${index} ("${entry.name}")`;
  }
  return `entry ${index}`;
}

export function parseRole(value: unknown, where: string, problems: string[]): KbRole | undefined {
  if (!isRecord(value)) {
    problems.push(`${where}: not an object; role skipped`);
    return undefined;
  }
  const { title, country, from, to } = value;
  if (typeof title !== 'string' || title.trim() === '') {
    problems.push(`${where}: missing "title"; role skipped`);
    return undefined;
  }
  const label = `${where} ("${title}")`;
  if (typeof country !== 'string' || country.trim() === '') {
    problems.push(`${label}: missing "country"; role skipped`);
    return undefined;
  }
  for (const [field, date] of [['from', from], ['to', to]] as const) {
    if (date !== null && date !== undefined && (typeof date !== 'string' || !dateBounds(date))) {
      problems.push(`${label}: "${field}" is ${JSON.stringify(date)}, not YYYY, YYYY-MM or YYYY-MM-DD; role skipped`);
      return undefined;
    }
  }
  const role: KbRole = { title, country, from: typeof from === 'string' ? from : null, to: typeof to === 'string' ? to : null };
  if (role.from !== null && role.to !== null && dateBounds(role.from)!.first > dateBounds(role.to)!.last) {
    problems.push(`${label}: "from" ${role.from} is after "to" ${role.to}; role skipped`);
    return undefined;
  }
  return role;
}

export function parseOfficial(value: unknown, where: string, problems: string[]): Official | undefined {
  if (!isRecord(value)) {
    problems.push(`${where}: not an object; entry skipped`);
    return undefined;
  }
  const { id, name, aliases, familyNameFirst, roles } = value;
  if (typeof name !== 'string' || name.trim() === '') {
    problems.push(`${where}: missing "name"; entry skipped`);
    return undefined;
  }
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) {
    problems.push(`${where}: "id" must be a lowercase slug, got ${JSON.stringify(id)}; entry skipped`);
    return undefined;
  }
  if (aliases !== undefined && (!Array.isArray(aliases) || aliases.some((a) => typeof a !== 'string'))) {
    problems.push(`${where}: "aliases" must be a list of strings; entry skipped`);
    return undefined;
  }
  if (familyNameFirst !== undefined && typeof familyNameFirst !== 'boolean') {
    problems.push(`${where}: "familyNameFirst" must be true or false; entry skipped`);
    return undefined;
  }
  if (!Array.isArray(roles)) {
    problems.push(`${where}: "roles" must be a list; entry skipped`);
    return undefined;
  }
  const parsedRoles: KbRole[] = [];
  roles.forEach((role, i) => {
    const parsed = parseRole(role, `${where} role ${i}`, problems);
    if (parsed) parsedRoles.push(parsed);
  });
  return {
    id,
    name,
    aliases: (aliases as string[] | undefined)?.filter((a) => a.trim() !== '') ?? [],
    familyNameFirst: familyNameFirst ?? false,
    roles: parsedRoles,
  };
}

const NAME_PARTICLES: ReadonlySet<string> = new Set(nameParticlesData.particles);
const HONORIFICS: ReadonlySet<string> = new Set(nameParticlesData.honorifics.map((h) => h.toLowerCase()));
const NAME_SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

/** For each given name, the variant groups it belongs to ("jack" is both John and Jacob). */
const GIVEN_NAME_GROUPS: ReadonlyMap<string, readonly number[]> = (() => {
  const groups = new Map<string, number[]>();
  givenNameVariantsData.groups.forEach((group, index) => {
    for (const name of group) groups.set(name, [...(groups.get(name) ?? []), index]);
  });
  return groups;
})();

/** News names future officials before their first post (as senator, governor, candidate): this many years at most. */
const YEARS_NAMED_BEFORE_FIRST_POST = 10;
/** ...and former officials long after their last one. */
const YEARS_NAMED_AFTER_LAST_POST = 40;

/** A personal name split the way two forms are judged to name one person. */
interface NameShape {
  /** The given name; family name first, every word after the family name run together ("daejung"). */
  given: string;
  /** Initials of the words between given name and surname, particles left out ("George H. W. Bush": "hw"). */
  middle: string;
  surname: string;
}

/** What the knowledge base knows of how an official is named, and when news may name them. */
interface NameProfile {
  /** From the official's name; undefined for one-word names ("Akihito"). */
  shape?: NameShape;
  /** The given names the name and aliases with the same surname use ("joe", "joseph"). */
  givenNames: Set<string>;
  /** Middle initials those forms give, when any ("r" for "Joseph R. Biden"). */
  middles: Set<string>;
  /** ISO days from which and until which news may name them; null is unbounded. */
  namedFrom: string | null;
  namedUntil: string | null;
}

/** A form's words as compared: accents, case and dots dropped, initials apart, leading honorifics and trailing "Jr." left out. */
function nameWords(form: string): string[] {
  const words = form
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\./g, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 0);
  let first = 0;
  while (first < words.length - 1 && HONORIFICS.has(words[first])) first++;
  let last = words.length;
  while (last > first + 1 && NAME_SUFFIXES.has(words[last - 1])) last--;
  return words.slice(first, last);
}

function shapeOf(words: string[], familyNameFirst: boolean): NameShape | undefined {
  if (words.length < 2) return undefined;
  if (familyNameFirst) return { given: words.slice(1).join('').replace(/-/g, ''), middle: '', surname: words[0] };
  const middle = words
    .slice(1, -1)
    .filter((w) => !NAME_PARTICLES.has(w))
    .map((w) => w[0])
    .join('');
  return { given: words[0], middle, surname: words[words.length - 1] };
}

/**
 * Two spellings of one given name: equal, a listed variant ("Joe", "Joseph"), or, in names written
 * given name first, sharing the first three letters ("Yury", "Yuri"; "Sergei", "Sergey"). Syllables
 * of East Asian given names that share a beginning are different names ("Jong-il", "Jong-un").
 */
function givenNamesAgree(a: string, b: string, familyNameFirst: boolean): boolean {
  if (a === b) return true;
  if (!familyNameFirst && a.length >= 3 && b.length >= 3 && a.slice(0, 3) === b.slice(0, 3)) return true;
  const groups = GIVEN_NAME_GROUPS.get(a);
  return groups !== undefined && (GIVEN_NAME_GROUPS.get(b) ?? []).some((g) => groups.includes(g));
}

/**
 * One key for the spellings of one person's name outside the knowledge base: the surname, and
 * the given name's variant group ("Joe", "Joseph") or its spelling with transliteration
 * differences folded ("Yury" and "Yuri", "Sergei" and "Sergey"). Undefined for one-word names.
 */
export function personNameKey(name: string): string | undefined {
  const shape = shapeOf(nameWords(name), false);
  if (!shape) return undefined;
  const groups = GIVEN_NAME_GROUPS.get(shape.given);
  const given = groups ? `group${groups[0]}` : shape.given.replace(/ey$/, 'ei').replace(/y/g, 'i').replace(/kh/g, 'h').replace(/['’-]/g, '');
  return `${given} ${shape.middle} ${shape.surname}`;
}

function shiftYears(isoDay: string, years: number): string {
  return String(Number(isoDay.slice(0, 4)) + years).padStart(4, '0') + isoDay.slice(4);
}

function profileOf(official: Official): NameProfile {
  const shape = shapeOf(nameWords(official.name), official.familyNameFirst);
  const givenNames = new Set<string>();
  const middles = new Set<string>();
  if (shape) {
    for (const form of [official.name, ...official.aliases]) {
      const alias = shapeOf(nameWords(form), official.familyNameFirst);
      if (!alias || alias.surname !== shape.surname) continue;
      givenNames.add(alias.given);
      if (alias.middle) middles.add(alias.middle);
    }
  }
  // One post with an unknown start, or still held, leaves that end of the window open.
  const starts = official.roles.flatMap((r) => (r.from === null ? [] : [dateBounds(r.from)!.first])).sort();
  const ends = official.roles.flatMap((r) => (r.to === null ? [] : [dateBounds(r.to)!.last])).sort();
  const allStartsKnown = starts.length > 0 && starts.length === official.roles.length;
  const allEndsKnown = ends.length > 0 && ends.length === official.roles.length;
  return {
    shape,
    givenNames,
    middles,
    namedFrom: allStartsKnown ? shiftYears(starts[0], -YEARS_NAMED_BEFORE_FIRST_POST) : null,
    namedUntil: allEndsKnown ? shiftYears(ends[ends.length - 1], YEARS_NAMED_AFTER_LAST_POST) : null,
  };
}

export class KnowledgeBase {
  readonly officials: readonly Official[];
  private readonly ids = new Map<string, Official>();
  private readonly forms = new Map<string, Official[]>();
  private readonly profiles = new Map<Official, NameProfile>();
  private readonly bySurname = new Map<string, Official[]>();
  /** Posts the data records holders of: a stated one the official never held says it is someone else. */
  private readonly recordedPosts = new Set<string>();

  /** Links the reader has broken, by the name's normalized form. */
  private readonly unlinked = new Map<string, UnlinkCorrection[]>();

  private constructor(officials: Official[], unlinked: readonly UnlinkCorrection[] = []) {
    this.officials = officials;
    for (const link of unlinked) {
      const form = normalizeNameForm(link.name);
      this.unlinked.set(form, [...(this.unlinked.get(form) ?? []), link]);
    }
    const add = (index: Map<string, Official[]>, key: string, official: Official) => {
      const holders = index.get(key) ?? [];
      if (!holders.includes(official)) holders.push(official);
      index.set(key, holders);
    };
    for (const official of officials) {
      this.ids.set(official.id, official);
      for (const form of [official.name, ...official.aliases]) add(this.forms, normalizeNameForm(form), official);
      const profile = profileOf(official);
      this.profiles.set(official, profile);
      if (profile.shape) add(this.bySurname, profile.shape.surname, official);
      for (const role of official.roles) this.recordedPosts.add(canonicalTitle(role.title));
    }
  }

  /** Validates each source; whatever is malformed is skipped and reported, the rest is kept. */
  static fromSources(sources: Array<{ name: string; data: unknown }>): { kb: KnowledgeBase; problems: string[] } {
    const problems: string[] = [];
    const officials: Official[] = [];
    const seen = new Map<string, string>();
    for (const source of sources) {
      const data = source.data;
      if (!isRecord(data)) {
        problems.push(`${source.name}: not a JSON object; file skipped`);
        continue;
      }
      if (data.schema !== KB_SCHEMA) {
        problems.push(`${source.name}: "schema" is ${JSON.stringify(data.schema)}, expected "${KB_SCHEMA}"; file skipped`);
        continue;
      }
      if (!Array.isArray(data.officials)) {
        problems.push(`${source.name}: "officials" must be a list; file skipped`);
        continue;
      }
      data.officials.forEach((entry, index) => {
        const where = `${source.name} ${describeEntry(index, entry)}`;
        const official = parseOfficial(entry, where, problems);
        if (!official) return;
        const firstFile = seen.get(official.id);
        if (firstFile !== undefined) {
          problems.push(`${where}: id "${official.id}" already used in ${firstFile}; entry skipped`);
          return;
        }
        seen.set(official.id, source.name);
        officials.push(official);
      });
    }
    return { kb: new KnowledgeBase(officials), problems };
  }

  /**
   * This knowledge base with a reader's corrections: people added (or added to, by the id of a
   * bundled official), names that are one person joined as aliases of one official, and links
   * broken. Names that are not people or places are the engine's to apply, not the data's.
   */
  withCorrections(corrections: Corrections): KnowledgeBase {
    if (!hasCorrections(corrections)) return this;
    const byId = new Map<string, Official>(this.officials.map((o) => [o.id, { ...o, aliases: [...o.aliases], roles: [...o.roles] }]));
    // Officials by each normalized name, kept as names are added, so that each name of a group is one lookup.
    const holders = new Map<string, Set<Official>>();
    const index = (official: Official, name: string) => {
      const form = normalizeNameForm(name);
      const set = holders.get(form) ?? new Set<Official>();
      set.add(official);
      holders.set(form, set);
    };
    for (const official of byId.values()) for (const name of [official.name, ...official.aliases]) index(official, name);
    const addNames = (official: Official, names: readonly string[]) => {
      for (const name of names) {
        if (holders.get(normalizeNameForm(name))?.has(official)) continue;
        official.aliases.push(name);
        index(official, name);
      }
    };
    for (const person of corrections.people) {
      const existing = byId.get(person.id);
      if (!existing) {
        const added: Official = { ...person, aliases: [...person.aliases], roles: person.roles.map((role): KbRole => ({ ...role, fromKnowledgeFile: true })) };
        byId.set(person.id, added);
        for (const name of [added.name, ...added.aliases]) index(added, name);
        continue;
      }
      addNames(existing, [person.name, ...person.aliases]);
      const sameRole = (a: KbRole, b: KbRole) => a.title === b.title && a.country === b.country && a.from === b.from && a.to === b.to;
      const added = person.roles.filter((role) => !existing.roles.some((held) => sameRole(held, role)));
      existing.roles.push(...added.map((role): KbRole => ({ ...role, fromKnowledgeFile: true })));
    }
    const holdersOf = (name: string) => [...(holders.get(normalizeNameForm(name)) ?? [])];
    const only = (officials: Official[]) => (officials.length === 1 ? officials[0] : undefined);
    for (const group of corrections.samePerson) {
      const anyHolder = only([...new Set(group.flatMap(holdersOf))]);
      let target = only(holdersOf(group[0])) ?? anyHolder ?? byId.get(slugOf(group[0]));
      if (!target) {
        // Names no official has are one person all the same: one with no known post.
        target = { id: slugOf(group[0]), name: group[0], aliases: [], familyNameFirst: false, roles: [] };
        byId.set(target.id, target);
        index(target, target.name);
      }
      addNames(target, group);
    }
    return new KnowledgeBase([...byId.values()], [...this.unlinkedLinks(), ...corrections.unlink]);
  }

  private unlinkedLinks(): UnlinkCorrection[] {
    return [...this.unlinked.values()].flat();
  }

  /** The reader said this name, so titled, is not this official. */
  private isUnlinked(official: Official, normalizedForm: string, title: string | undefined): boolean {
    return (this.unlinked.get(normalizedForm) ?? []).some((link) => link.official === official.id && (link.title === undefined || (title !== undefined && titlesMatch(title, link.title))));
  }

  byId(id: string): Official | undefined {
    return this.ids.get(id);
  }

  /** Officials whose name or alias equals this form (case-insensitive, ignores dots and extra spaces); several when ambiguous. */
  findByName(form: string): Official[] {
    return [...(this.forms.get(normalizeNameForm(form)) ?? [])];
  }

  /** Roles in force on an ISO date ("2009-09-29"; "2009" or "2009-09" means any overlap with that year/month). */
  rolesOn(official: Official, date: string): KbRole[] {
    const bounds = dateBounds(date);
    if (!bounds) return [];
    return official.roles.filter((role) => roleOverlaps(role, bounds.first, bounds.last));
  }

  /**
   * The official a person named in an article is, given the title and country the article states
   * and its date interval. A candidate must fit all of them: no stated post they never held
   * ("Vice President George Bush" is not George W. Bush), no other country, and a date inside
   * the years news may name them unless the stated post is theirs. A given name alone ("Melania")
   * needs a stated post of theirs. Among those that fit, a post in force on the date ranks first;
   * undefined when nobody fits or several fit equally well.
   */
  resolve(form: string, hint: ResolveHint = {}): Official | undefined {
    const first = hint.earliest ? dateBounds(hint.earliest)?.first ?? null : null;
    const last = hint.latest ? dateBounds(hint.latest)?.last ?? null : null;
    const normalizedForm = normalizeNameForm(form);
    let best: Official | undefined;
    let bestScore = -1;
    let tied = false;
    for (const [official, byGivenNameOnly] of this.candidates(form)) {
      if (this.isUnlinked(official, normalizedForm, hint.title)) continue;
      if (!this.fits(official, byGivenNameOnly, hint, first, last)) continue;
      const score = this.fitness(official, normalizedForm, hint, first, last);
      if (score > bestScore) {
        best = official;
        bestScore = score;
        tied = false;
      } else if (score === bestScore) {
        tied = true;
      }
    }
    return tied ? undefined : best;
  }

  /**
   * Officials a form may name, each with whether only by their given name ("Melania"). One word
   * names an official through an alias; a fuller form through their name or an alias, or with the
   * same surname and the same given name in another spelling ("Joseph R. Biden", "Yury Ushakov").
   */
  private candidates(form: string): Map<Official, boolean> {
    const found = new Map<Official, boolean>();
    const words = nameWords(form);
    for (const official of this.forms.get(normalizeNameForm(form)) ?? []) {
      found.set(official, words.length === 1 && this.profiles.get(official)!.shape?.given === words[0]);
    }
    if (words.length === 1) return found;
    for (const familyNameFirst of [false, true]) {
      const shape = shapeOf(words, familyNameFirst)!;
      for (const official of this.bySurname.get(shape.surname) ?? []) {
        if (official.familyNameFirst !== familyNameFirst || found.has(official)) continue;
        const profile = this.profiles.get(official)!;
        const sameGiven = [...profile.givenNames].some((given) => givenNamesAgree(shape.given, given, familyNameFirst));
        const sameMiddle = shape.middle === '' || profile.middles.size === 0 || profile.middles.has(shape.middle);
        if (sameGiven && sameMiddle) found.set(official, false);
      }
    }
    return found;
  }

  /** Nothing the article states rules the official out. */
  private fits(official: Official, byGivenNameOnly: boolean, hint: ResolveHint, first: string | null, last: string | null): boolean {
    const { title, country } = hint;
    const heldTitle = title !== undefined && official.roles.some((role) => titlesMatch(title, role.title));
    if (title !== undefined && !heldTitle && this.recordedPosts.has(canonicalTitle(title))) return false;
    if (country && official.roles.length > 0 && !official.roles.some((role) => sameCountry(role.country, country))) return false;
    if (heldTitle) return true;
    const profile = this.profiles.get(official)!;
    const named = (last === null || profile.namedFrom === null || profile.namedFrom <= last) && (first === null || profile.namedUntil === null || profile.namedUntil >= first);
    return named && !byGivenNameOnly;
  }

  /** How well an official fits what the article says; the weights rank a stated title in force above anything else. */
  private fitness(official: Official, normalizedForm: string, hint: ResolveHint, first: string | null, last: string | null): number {
    const inForce = official.roles.filter((role) => roleOverlaps(role, first, last));
    const countryFits = (role: KbRole) => !hint.country || sameCountry(role.country, hint.country);
    const titleFits = (role: KbRole) => hint.title !== undefined && titlesMatch(hint.title, role.title);
    let score = 0;
    if (inForce.some((role) => titleFits(role) && countryFits(role))) score += 8;
    else if (official.roles.some((role) => titleFits(role) && countryFits(role))) score += 2;
    if (inForce.length > 0 && (first !== null || last !== null)) score += 4;
    if (hint.country && official.roles.some((role) => sameCountry(role.country, hint.country!))) score += 1;
    if (normalizeNameForm(official.name) === normalizedForm) score += 1;
    return score;
  }
}

let bundled: KnowledgeBase | undefined;

/** The bundled data files, imported as JSON so esbuild inlines them. */
export function loadBundledKnowledgeBase(): KnowledgeBase {
  bundled ??= KnowledgeBase.fromSources([...BUNDLED_SOURCES]).kb;
  return bundled;
}
