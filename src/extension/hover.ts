import * as vscode from 'vscode';
import { CorpusAnalysis, CorpusPerson, CorpusPlace, RoleRecord, TimelineEvent } from '../core/corpus';
import { ArticleAnalysis, Entity, Role } from '../core/types';
import { CorpusModel } from './corpusModel';
import { articleName, commandLink, EvidenceTarget, escapeMarkdown, formatDate, formatTenure, safeMarkdown } from './markdown';
import { TimelineFilter } from './timelineView';

/** Hover cards list this many meetings; the timeline filter shows the rest. */
const MAX_MEETINGS = 10;

/** Registers the hover card for people and places in articles of the configured languages. */
export function registerHover(context: vscode.ExtensionContext, model: CorpusModel): void {
  const provider: vscode.HoverProvider = {
    provideHover: (document, position, token) => hoverAt(model, document, position, token),
  };
  // Every language and scheme: which languages count is a setting, read on each hover.
  context.subscriptions.push(vscode.languages.registerHoverProvider('*', provider));
}

function hoverAt(model: CorpusModel, document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): vscode.Hover | undefined {
  const languages = vscode.workspace.getConfiguration('attache', document).get<string[]>('languages', []);
  if (!languages.includes(document.languageId)) return undefined;
  const analysis = model.analysisOf(document.uri);
  if (!analysis || token.isCancellationRequested) return undefined;

  const offset = document.offsetAt(position);
  for (const entity of analysis.entities) {
    if (entity.kind === 'organization') continue;
    const mention = [...entity.mentions, ...(entity.titleMentions ?? [])].find((span) => span.start <= offset && offset < span.end);
    if (!mention) continue;
    const corpus = model.corpus();
    if (token.isCancellationRequested) return undefined;
    const card = entity.kind === 'person' ? personCard(entity, analysis, corpus) : placeCard(entity, corpus);
    return new vscode.Hover(card, new vscode.Range(document.positionAt(mention.start), document.positionAt(mention.end)));
  }
  return undefined;
}

/** The corpus identity of a person entity: the same key analyzeCorpus joins people by. */
function corpusPersonId(entity: Entity): string {
  return entity.kbId ? `person:${entity.kbId}` : entity.id;
}

function personCard(entity: Entity, analysis: ArticleAnalysis, corpus: CorpusAnalysis): vscode.MarkdownString {
  const personId = corpusPersonId(entity);
  const person = corpus.people.find((p) => p.id === personId);
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

  if (person && person.roles.length > 0) {
    markdown.appendMarkdown('**Roles**\n\n');
    for (const record of person.roles) markdown.appendMarkdown(`- ${roleLine(record, person, corpus)}\n`);
    markdown.appendMarkdown('\n');
  }

  const aliases = (person?.aliases ?? entity.aliases ?? []).filter((alias) => alias !== entity.name);
  if (aliases.length > 0) markdown.appendMarkdown(`Also written: ${aliases.map(escapeMarkdown).join(', ')}\n\n`);

  const meetings = corpus.timeline.filter((event) => event.participantIds.includes(personId));
  appendMeetings(markdown, 'Meetings', meetings, (event) => {
    const others = event.participants.filter((_, i) => event.participantIds[i] !== personId);
    return others.length > 0 ? `${event.kind} with ${others.join(', ')}` : event.kind;
  });

  const filter: TimelineFilter = { kind: 'person', id: personId, name: entity.name };
  markdown.appendMarkdown(commandLink('Show in timeline', 'attache.filterTimeline', filter));
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

/** "Secretary of State, United States · 2021-01-26 – 2025-01-20 · stated in [001_….txt](…)". */
function roleLine(record: RoleRecord, person: CorpusPerson, corpus: CorpusAnalysis): string {
  const parts = [escapeMarkdown(record.country ? `${record.title}, ${record.country}` : record.title)];
  const tenure = formatTenure(record.from, record.to);
  if (tenure) parts.push(escapeMarkdown(tenure));
  if (record.articles.length > 0) {
    const links = record.articles.map((article) => commandLink(articleName(article), 'attache.openEvidence', roleStatement(article, record, person, corpus)));
    parts.push(`stated in ${links.join(', ')}`);
  } else {
    parts.push('*knowledge base*');
  }
  return parts.join(' · ');
}

/** Where an article states a role: the title's own words when the engine kept them, else the article's start. */
function roleStatement(article: string, record: RoleRecord, person: CorpusPerson, corpus: CorpusAnalysis): EvidenceTarget {
  const entity = corpus.articles
    .find((a) => a.path === article)
    ?.entities.find((e) => e.kind === 'person' && corpusPersonId(e) === person.id);
  const span = entity?.roles.find((role) => role.title.toLowerCase() === record.title.toLowerCase() && role.span)?.span;
  return { uri: article, start: span?.start ?? 0, end: span?.end ?? 0 };
}

function placeCard(entity: Entity, corpus: CorpusAnalysis): vscode.MarkdownString {
  const place: CorpusPlace | undefined = corpus.places.find((p) => p.id === entity.id);
  const name = place?.name ?? entity.name;
  const markdown = safeMarkdown();
  markdown.appendMarkdown(`**${escapeMarkdown(name)}**\n\n`);
  const what = describePlace(place?.placeType ?? entity.placeType, place?.country ?? entity.country ?? null, name);
  if (what) markdown.appendMarkdown(`${escapeMarkdown(what)}\n\n`);

  const meetings = corpus.timeline.filter((event) => event.place === name);
  appendMeetings(markdown, 'Meetings here', meetings, (event) => (event.participants.length > 0 ? `${event.kind}: ${event.participants.join(', ')}` : event.kind));

  const filter: TimelineFilter = { kind: 'place', id: place?.id ?? entity.id, name };
  markdown.appendMarkdown(commandLink('Show in timeline', 'attache.filterTimeline', filter));
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

/** "2023-09-18 · meeting with Han Zheng · New York · held · [001_….txt](…)" per event, in timeline order. */
function appendMeetings(markdown: vscode.MarkdownString, heading: string, events: TimelineEvent[], describe: (event: TimelineEvent) => string): void {
  if (events.length === 0) return;
  markdown.appendMarkdown(`**${heading}** (${events.length})\n\n`);
  for (const event of events.slice(0, MAX_MEETINGS)) {
    const parts = [escapeMarkdown(formatDate(event.date)), escapeMarkdown(describe(event))];
    if (event.place) parts.push(escapeMarkdown(event.place));
    parts.push(event.status);
    parts.push(commandLink(articleName(event.article), 'attache.openEvidence', { uri: event.article, start: event.sentence.start, end: event.sentence.end }));
    markdown.appendMarkdown(`- ${parts.join(' · ')}\n`);
  }
  if (events.length > MAX_MEETINGS) markdown.appendMarkdown(`- …and ${events.length - MAX_MEETINGS} more in the timeline\n`);
  markdown.appendMarkdown('\n');
}
