import { ArticleContext, ArticlePerson, personId, Stage } from '../article';
import { inferArticleDate } from '../dates';
import { frontMatterDate } from '../readableText';
import { StatedTitle } from '../roles';

/**
 * One identity per person the article names: full names first, then each shorter form joins the
 * person whose name contains it; titles are gathered from every mention; a knowledge-base official
 * is linked only when the name, the stated title and country, and the article's own date fit.
 */
export const peopleStage: Stage = {
  name: 'people',
  run(context) {
    context.statedDate = frontMatterDate(context.readable.frontMatter) ?? inferArticleDate(context.readable.text, []);
    clusterPeople(context);
    addCountriesAfterNames(context);
    linkOfficials(context);
    resolveKinship(context);
  },
};

/** Name parts compared without case, so a headline's "OZAL" is Turgut Ozal. */
const partsOf = (text: string) =>
  text
    .split(/[\s-]+/)
    .filter((p) => p.length > 1 || /\p{Lu}/u.test(p))
    .map((p) => p.toLowerCase());

function clusterPeople(context: ArticleContext): void {
  const people: ArticlePerson[] = [];
  const byLength = context.mentions.filter((m) => m.kind === 'person').sort((a, b) => partsOf(b.text).length - partsOf(a.text).length || a.start - b.start);
  // People by each part of their names, so a mention is compared only with those sharing a part.
  const byPart = new Map<string, ArticlePerson[]>();
  for (const mention of byLength) {
    const parts = partsOf(mention.text);
    const candidates = (byPart.get(parts[0]) ?? []).filter((p) => parts.every((part) => p.parts.has(part)));
    let cluster = candidates.length === 1 ? candidates[0] : candidates.length > 1 ? firstMentioned(candidates) : undefined;
    if (!cluster) {
      cluster = { id: personId(people.length), fullName: mention.text, parts: new Set(parts), mentions: [], titles: [], titleOnly: [] };
      people.push(cluster);
      for (const part of cluster.parts) {
        const list = byPart.get(part);
        if (list) list.push(cluster);
        else byPart.set(part, [cluster]);
      }
    }
    cluster.mentions.push(mention);
  }
  for (const person of people) {
    person.mentions.sort((a, b) => a.start - b.start);
    for (const mention of person.mentions) {
      context.personOf.set(mention, person.id);
      person.titles.push(...(context.roles?.titlesOf(mention) ?? []));
    }
  }
  context.people = people;
}

/** "King Fahd of Saudi Arabia", "Prime Minister Rishi Sunak of the United Kingdom": the country after the name is that of its titles. */
function addCountriesAfterNames(context: ArticleContext): void {
  const { tokens } = context.tokenized;
  const countryAt = new Map<number, string>();
  for (const m of context.mentions) if (m.kind === 'place' && m.place?.type === 'country') countryAt.set(m.firstToken, m.place.name);
  for (const person of context.people) {
    for (const mention of person.mentions) {
      let k = mention.lastToken;
      if (tokens[k]?.text !== 'of' || /[^\s]/.test(tokens[k - 1].post)) continue;
      if (tokens[k + 1]?.text === 'the') k++;
      const country = countryAt.get(k + 1);
      if (!country) continue;
      for (const title of person.titles) title.country ??= country;
    }
  }
}

/** The official a person is, judged by name, the first title the text gives, and the article's stated date. */
function linkOfficials(context: ArticleContext): void {
  const { knowledgeBase } = context.resources;
  const { earliest, latest } = context.statedDate;
  for (const person of context.people) {
    const first = person.titles.find((t) => !t.relativeOf);
    person.official = knowledgeBase.resolve(person.fullName, { ...(first ? { title: first.title, country: first.country } : {}), earliest, latest });
  }
}

/** "his wife Peng Liyuan": the title names the relative, whose country it takes. */
function resolveKinship(context: ArticleContext): void {
  for (const person of context.people) {
    for (const title of person.titles) {
      const id = title.relativeOf && context.personOf.get(title.relativeOf);
      const relative = id !== undefined ? context.people[id] : undefined;
      if (!relative || relative === person) continue;
      title.title = `${title.title} of ${relative.official?.name ?? relative.fullName}`;
      title.country = countryOf(relative);
    }
    person.titles = mergeTitles(person.titles);
  }
}

export function countryOf(person: ArticlePerson): string | null {
  return person.titles.find((t) => t.country)?.country ?? person.official?.roles[0]?.country ?? null;
}

/**
 * A bare surname two people share goes to the one the article introduced first: news names its
 * protagonist first and calls others by full or given name ("Melania").
 */
function firstMentioned(candidates: ArticlePerson[]): ArticlePerson {
  const firstStart = (c: ArticlePerson) => Math.min(...c.mentions.map((m) => m.start));
  return [...candidates].sort((a, b) => firstStart(a) - firstStart(b))[0];
}

/** "Mayor" and later "mayor of Los Angeles" are one role: keep the fuller title. */
function mergeTitles(titles: StatedTitle[]): StatedTitle[] {
  const kept: StatedTitle[] = [];
  for (const t of titles) {
    const lower = t.title.toLowerCase();
    const same = kept.findIndex((k) => {
      const other = k.title.toLowerCase();
      return other === lower || lower.startsWith(other + ' of') || other.startsWith(lower + ' of');
    });
    if (same < 0) kept.push({ ...t });
    else {
      const existing = kept[same];
      if (t.title.length > existing.title.length) kept[same] = { ...t, country: t.country ?? existing.country, span: existing.span };
      else existing.country ??= t.country;
    }
  }
  return kept;
}
