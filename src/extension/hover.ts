import * as vscode from 'vscode';
import { Corpus, CorpusPerson, CorpusPlace, RoleRecord, TimelineEvent } from '../core/corpus';
import { mentionAt } from '../core/mentions';
import { ArticleAnalysis, DateValue, Entity, Role } from '../core/types';
import { CorpusModel } from './corpusModel';
import { roleStatement, sourceTarget } from './evidence';
import { articleName, commandLink, countOf, formatCount, EvidenceTarget, escapeMarkdown, formatDate, formatTenure, safeMarkdown, SourcesTarget } from './markdown';
import { TimelineFilter } from './timelineView';

/*
 * A card stays a few hundred characters per section however much the corpus says about someone:
 * a hub official stated in hundreds of articles with hundreds of meetings gets the same handful
 * of lines as anyone else, with counts and links to the full lists (a quick pick of the articles,
 * the filtered timeline). Everything is read from the corpus's indexes (the person, their
 * events, one article's summary per link), never by walking the corpus or its timeline.
 */

/** Role lines on a card; the rest are counted. */
const MAX_ROLES = 4;
/**
 * A role stated in up to this many articles links each; one stated in more says in how many,
 * and that count links the list of them all (attache.showSources, latest first). Each article
 * link carries the article's whole URI, some 200 characters of the card.
 */
const MAX_ROLE_ARTICLES = 2;
/** Meetings on a card; the filtered timeline shows them all. */
const MAX_MEETINGS = 5;
const MAX_ALIASES = 6;
const MAX_PARTICIPANTS = 4;

/** Registers the hover card for people and places in articles of the configured languages. */
export function registerHover(context: vscode.ExtensionContext, model: CorpusModel): void {
  const provider: vscode.HoverProvider = {
    provideHover: (document, position, token) => hoverAt(model, document, position, token),
  };
  // Every language and scheme: which languages count is a setting, read on each hover.
  context.subscriptions.push(vscode.languages.registerHoverProvider('*', provider));
}

/** The card for the person or place under `position`, if the document's analysis names one there. */
export function hoverAt(model: CorpusModel, document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): vscode.Hover | undefined {
  const languages = vscode.workspace.getConfiguration('attache', document).get<string[]>('languages', []);
  if (!languages.includes(document.languageId)) return undefined;
  const analysis = model.analysisOf(document.uri);
  if (!analysis || token.isCancellationRequested) return undefined;

  const found = mentionAt(analysis, document.offsetAt(position));
  if (!found) return undefined;
  const { entity, span } = found;
  const corpus = model.corpus();
  const article = document.uri.toString();
  const card = entity.kind === 'person' ? personCard(entity, analysis, article, corpus) : placeCard(entity, analysis, article, corpus);
  return new vscode.Hover(card, new vscode.Range(document.positionAt(span.start), document.positionAt(span.end)));
}

function personCard(entity: Entity, analysis: ArticleAnalysis, article: string, corpus: Corpus): vscode.MarkdownString {
  const personId = corpus.personIdOf(entity);
  const person = personId === undefined ? undefined : corpus.person(personId);
  const markdown = safeMarkdown();
  markdown.appendMarkdown(`**${escapeMarkdown(entity.name)}**\n\n`);

  const role = roleInArticle(entity, analysis, person);
  if (role) {
    const country = role.country ?? entity.country ?? person?.country;
    const where = country ? `, ${escapeMarkdown(country)}` : '';
    const marker = role.source === 'knowledge-base' ? ' *(knowledge base)*' : '';
    markdown.appendMarkdown(`In this article: ${escapeMarkdown(role.title)}${where}${marker}\n\n`);
  } else {
    const country = entity.country ?? person?.country;
    if (country) markdown.appendMarkdown(`Serves: ${escapeMarkdown(country)}\n\n`);
  }

  if (person && person.roles.length > 0) appendRoles(markdown, person, role, entity, article, corpus);

  const aliases = (person?.aliases ?? entity.aliases ?? []).filter((alias) => alias !== entity.name);
  if (aliases.length > 0) {
    const shown = aliases.slice(0, MAX_ALIASES).map(escapeMarkdown).join(', ');
    markdown.appendMarkdown(`Also written: ${shown}${aliases.length > MAX_ALIASES ? ` and ${aliases.length - MAX_ALIASES} more` : ''}\n\n`);
  }

  const id = person?.id ?? personId ?? entity.id;
  const filter: TimelineFilter = { kind: 'person', id, name: person?.name ?? entity.name };
  const events = personId === undefined ? [] : corpus.eventsOf(personId);
  appendMeetings(markdown, 'Meetings', events, analysis.date, article, filter, (event) => {
    const others = event.participants.filter((_, i) => event.participantIds[i] !== id);
    return others.length > 0 ? `${whatOf(event)} with ${names(others)}` : whatOf(event);
  });
  return markdown;
}

/**
 * The role this article gives the person: the one its text states, else the one the knowledge
 * base filled in, else a corpus role whose tenure covers the article's date.
 */
function roleInArticle(entity: Entity, analysis: ArticleAnalysis, person: CorpusPerson | undefined): Role | undefined {
  const stated = entity.roles.find((role) => role.source === 'text') ?? entity.roles[0];
  if (stated) return stated;
  const { earliest, latest } = analysis.date;
  if (!person || !earliest || !latest) return undefined;
  const covering = person.roles.filter((record) => (record.from ?? '') <= latest && (record.to ?? '9999') >= earliest);
  const record = covering[covering.length - 1];
  return record ? { title: record.title, country: record.country, source: 'knowledge-base' } : undefined;
}

/**
 * The person's roles, latest first: what they are (or last were) is what a reader looks for, and
 * "…and 3 earlier roles" then says what the card leaves out. The role this article gives them is
 * always shown, even when it is older than the ones shown.
 */
function appendRoles(markdown: vscode.MarkdownString, person: CorpusPerson, inArticle: Role | undefined, entity: Entity, article: string, corpus: Corpus): void {
  const indexes = person.roles.map((_, index) => index).reverse();
  let shown = indexes.slice(0, MAX_ROLES);
  const here = inArticle ? indexes.find((index) => sameRole(person.roles[index], inArticle)) : undefined;
  if (here !== undefined && !shown.includes(here)) shown = [...shown.slice(0, MAX_ROLES - 1), here];
  markdown.appendMarkdown('**Roles**\n\n');
  for (const index of shown) markdown.appendMarkdown(`- ${roleLine(person, index, entity, article, corpus)}\n`);
  const cut = indexes.filter((index) => !shown.includes(index));
  if (cut.length > 0) {
    const earlier = cut.every((index) => index < Math.min(...shown));
    markdown.appendMarkdown(`- …and ${countOf(cut.length, earlier ? 'earlier role' : 'other role')}\n`);
  }
  markdown.appendMarkdown('\n');
}

function sameRole(record: RoleRecord, role: Role): boolean {
  return record.title.toLowerCase() === role.title.toLowerCase() && (!record.country || !role.country || record.country === role.country);
}

/**
 * "Secretary of State, United States · 2021-01-26 – 2025-01-20 · stated in [001.txt](…)", or for
 * a role many articles state, "stated in [312 articles](…)", which lists them in a quick pick.
 */
function roleLine(person: CorpusPerson, index: number, entity: Entity, article: string, corpus: Corpus): string {
  const record = person.roles[index];
  const parts = [escapeMarkdown(record.country ? `${record.title}, ${record.country}` : record.title)];
  const tenure = formatTenure(record.from, record.to);
  if (tenure) parts.push(escapeMarkdown(tenure));
  const { articles } = record;
  if (articles.length === 0) {
    parts.push(record.fromKnowledgeFile ? '*your knowledge file*' : '*knowledge base*');
  } else if (articles.length > MAX_ROLE_ARTICLES) {
    const all: SourcesTarget = { person: person.id, role: index };
    parts.push(`stated in ${commandLink(countOf(articles.length, 'article'), 'attache.showSources', all)}`);
  } else {
    const target = (path: string) => (path === article ? statementHere(entity, record, article) : undefined) ?? roleStatement(corpus, path, record, person);
    parts.push(`stated in ${articles.map((path) => commandLink(articleName(path), 'attache.openEvidence', target(path))).join(', ')}`);
  }
  return parts.join(' · ');
}

/** Where this article states the role, from its current analysis (the corpus's summary may be of an older text). */
function statementHere(entity: Entity, record: RoleRecord, article: string): EvidenceTarget | undefined {
  const span = entity.roles.find((role) => role.span && role.title.toLowerCase() === record.title.toLowerCase())?.span;
  return span && { uri: article, start: span.start, end: span.end };
}

function placeCard(entity: Entity, analysis: ArticleAnalysis, article: string, corpus: Corpus): vscode.MarkdownString {
  const place: CorpusPlace | undefined = corpus.place(entity.id);
  const name = place?.name ?? entity.name;
  const markdown = safeMarkdown();
  markdown.appendMarkdown(`**${escapeMarkdown(name)}**\n\n`);
  const what = describePlace(place?.placeType ?? entity.placeType, place?.country ?? entity.country ?? null, name);
  if (what) markdown.appendMarkdown(`${escapeMarkdown(what)}\n\n`);

  const filter: TimelineFilter = { kind: 'place', id: place?.id ?? entity.id, name };
  const events = corpus.eventsAt(place?.id ?? entity.id);
  appendMeetings(markdown, 'Meetings here', events, analysis.date, article, filter, (event) =>
    event.participants.length > 0 ? `${whatOf(event)}: ${names(event.participants)}` : whatOf(event),
    // The card is the place's: its meetings need not say where they were.
    false,
  );
  return markdown;
}

const PLACE_TYPES: Record<string, string> = {
  country: 'Country',
  city: 'City',
  region: 'Region',
  water: 'Body of water',
  continent: 'Continent',
  landmark: 'Landmark',
  other: 'Place',
};

/** "City in China", "Country", "Body of water". */
function describePlace(placeType: string | undefined, country: string | null, name: string): string {
  const type = PLACE_TYPES[placeType ?? 'other'] ?? 'Place';
  return country && country !== name ? `${type} in ${country}` : type;
}

/**
 * "2023-09-18 · meeting with Han Zheng · New York · [001_….txt](…)" (or "· [3 sources](…)" for an
 * event several articles report) for at most
 * MAX_MEETINGS events, then how many more, linking the timeline filtered to the person or place.
 */
function appendMeetings(
  markdown: vscode.MarkdownString,
  heading: string,
  events: readonly TimelineEvent[],
  date: DateValue,
  article: string,
  filter: TimelineFilter,
  describe: (event: TimelineEvent) => string,
  withPlace = true,
): void {
  const showInTimeline = commandLink('Show in timeline', 'attache.filterTimeline', filter);
  if (events.length === 0) {
    markdown.appendMarkdown(showInTimeline);
    return;
  }
  markdown.appendMarkdown(`**${heading}** (${formatCount(events.length)})\n\n`);
  for (const event of nearestEvents(events, date, article, MAX_MEETINGS)) {
    const parts = [escapeMarkdown(formatDate(event.date)), escapeMarkdown(describe(event))];
    if (withPlace && event.place) parts.push(escapeMarkdown(event.place));
    if (event.sources.length === 1) {
      parts.push(commandLink(articleName(event.sources[0].article), 'attache.openEvidence', sourceTarget(event.sources[0])));
    } else {
      // One link either way: a quick pick of the reports (their articles, dates and statuses) rather than the first of them.
      const all: SourcesTarget = { event: event.id };
      parts.push(commandLink(countOf(event.sources.length, 'source'), 'attache.showSources', all));
    }
    markdown.appendMarkdown(`- ${parts.join(' · ')}\n`);
  }
  if (events.length > MAX_MEETINGS) {
    const more = events.length - MAX_MEETINGS;
    markdown.appendMarkdown(`- ${commandLink(`…and ${countOf(more, 'more meeting')} in the timeline`, 'attache.filterTimeline', filter)}\n`);
  } else {
    markdown.appendMarkdown(`\n${showInTimeline}`);
  }
}

/**
 * The `count` events nearest in time to the article, shown in timeline order. The reader is
 * reading about one moment: its own meetings come first, then the ones closest to its date
 * (before or after), which is the context a card can add that the article cannot. An undated
 * article gets the latest meetings instead. Undated events come last either way.
 */
export function nearestEvents(events: readonly TimelineEvent[], date: DateValue, article: string, count: number): TimelineEvent[] {
  if (events.length <= count) return [...events];
  const here = dayOf(date);
  const scored = events.map((event, index) => {
    const day = dayOf(event.date);
    let score: number;
    if (event.sources.some((source) => source.article === article)) score = -Infinity;
    else if (day === undefined) score = Infinity;
    else score = here === undefined ? -day : Math.abs(day - here);
    return { index, score };
  });
  scored.sort((a, b) => a.score - b.score || a.index - b.index);
  return scored
    .slice(0, count)
    .sort((a, b) => a.index - b.index)
    .map(({ index }) => events[index]);
}

/** The middle of a date's range in days since 1970, or undefined when it is unknown. */
function dayOf(date: DateValue): number | undefined {
  const from = date.earliest ?? date.latest;
  const to = date.latest ?? date.earliest;
  if (!from || !to) return undefined;
  const a = Date.parse(from.slice(0, 10));
  const b = Date.parse(to.slice(0, 10));
  return Number.isNaN(a) || Number.isNaN(b) ? undefined : (a + b) / 2 / 86_400_000;
}

function whatOf(event: TimelineEvent): string {
  return event.status === 'planned' ? `planned ${event.kind}` : event.kind;
}

/** "A, B and C", or "A, B, C, D and 3 others" for a crowded summit. */
function names(list: string[]): string {
  if (list.length > MAX_PARTICIPANTS) return `${list.slice(0, MAX_PARTICIPANTS).join(', ')} and ${list.length - MAX_PARTICIPANTS} others`;
  return list.join(', ');
}
