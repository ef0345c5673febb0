import * as vscode from 'vscode';
import { Corpus } from '../core/corpus';
import { mentionAt } from '../core/mentions';
import { Entity, Span } from '../core/types';
import { ARTICLE_SCHEMES, articleLanguages, CorpusIndex } from './corpusIndex';

/**
 * VS Code's own idioms over the corpus: Go to Definition and Find All References on a person or
 * place, Document Symbols (Outline, breadcrumbs), document highlights of one person's mentions,
 * and Workspace Symbols (Ctrl+T) for the corpus's people, places and meetings.
 */
export function registerNavigation(context: vscode.ExtensionContext, index: CorpusIndex): void {
  // Every language (which languages count is a setting, read on each request), but by scheme:
  // a selector of '*' alone ranks below VS Code's own word highlighter, which would then win.
  const selector: vscode.DocumentSelector = [...ARTICLE_SCHEMES].map((scheme) => ({ scheme }));
  context.subscriptions.push(
    vscode.languages.registerDefinitionProvider(selector, { provideDefinition: (document, position, token) => definitionAt(index, document, position, token) }),
    vscode.languages.registerReferenceProvider(selector, { provideReferences: (document, position, _context, token) => referencesAt(index, document, position, token) }),
    vscode.languages.registerDocumentHighlightProvider(selector, { provideDocumentHighlights: (document, position) => highlightsAt(index, document, position) }),
    vscode.languages.registerDocumentSymbolProvider(selector, { provideDocumentSymbols: (document) => symbolsOf(index, document) }, { label: 'Attaché' }),
    vscode.languages.registerWorkspaceSymbolProvider({
      provideWorkspaceSymbols: (query, token) => workspaceSymbols(index, query, token),
      resolveWorkspaceSymbol: (symbol, token) => resolveSymbol(index, symbol, token),
    }),
  );
}

/** The person or place named at a position of an analysed article. */
function entityAt(index: CorpusIndex, document: vscode.TextDocument, position: vscode.Position): { entity: Entity } | undefined {
  if (!articleLanguages().includes(document.languageId)) return undefined;
  const analysis = index.analysisOf(document.uri);
  return analysis && mentionAt(analysis, document.offsetAt(position));
}

/** Whether two entities of (possibly different) articles are one person or place of the corpus. */
function sameAs(corpus: Corpus, entity: Entity): (other: Entity) => boolean {
  if (entity.kind === 'place') return (other) => other.kind === 'place' && other.id === entity.id;
  const id = corpus.personIdOf(entity);
  return (other) => other.kind === 'person' && (id === undefined ? other.id === entity.id : corpus.personIdOf(other) === id);
}

/** The articles that name the entity, earliest article first. */
function articlesNaming(corpus: Corpus, entity: Entity): string[] {
  const paths = entity.kind === 'place' ? (corpus.place(entity.id)?.articles ?? []) : (corpus.person(corpus.personIdOf(entity) ?? '')?.articles ?? []);
  const dateOf = (path: string) => corpus.summary(path)?.date.earliest ?? '~';
  return [...paths].sort((a, b) => (dateOf(a) < dateOf(b) ? -1 : dateOf(a) > dateOf(b) ? 1 : a < b ? -1 : a > b ? 1 : 0));
}

async function definitionAt(index: CorpusIndex, document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Location | undefined> {
  const found = entityAt(index, document, position);
  if (!found) return undefined;
  const corpus = index.corpus();
  const matches = sameAs(corpus, found.entity);
  // The first mention in the earliest article that names them; this article's own when the corpus has no other.
  for (const path of articlesNaming(corpus, found.entity)) {
    if (token.isCancellationRequested) return undefined;
    const uri = vscode.Uri.parse(path, true);
    const article = await index.articleOf(uri, token);
    const entity = article?.analysis.entities.find(matches);
    const first = entity && [...entity.mentions].sort((a, b) => a.start - b.start)[0];
    if (article && first) return new vscode.Location(uri, rangeIn(lineStartsOf(article.text), first));
  }
  const first = [...found.entity.mentions].sort((a, b) => a.start - b.start)[0];
  return first && new vscode.Location(document.uri, new vscode.Range(document.positionAt(first.start), document.positionAt(first.end)));
}

async function referencesAt(index: CorpusIndex, document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Location[]> {
  const found = entityAt(index, document, position);
  if (!found) return [];
  const corpus = index.corpus();
  const matches = sameAs(corpus, found.entity);
  const paths = new Set(articlesNaming(corpus, found.entity));
  paths.add(document.uri.toString());
  const locations: vscode.Location[] = [];
  for (const path of paths) {
    if (token.isCancellationRequested) return [];
    const uri = vscode.Uri.parse(path, true);
    const article = await index.articleOf(uri, token);
    if (!article) continue;
    const lineStarts = lineStartsOf(article.text);
    for (const entity of article.analysis.entities.filter(matches)) {
      for (const span of [...entity.mentions, ...(entity.titleMentions ?? [])].sort((a, b) => a.start - b.start)) {
        locations.push(new vscode.Location(uri, rangeIn(lineStarts, span)));
      }
    }
  }
  return locations;
}

function highlightsAt(index: CorpusIndex, document: vscode.TextDocument, position: vscode.Position): vscode.DocumentHighlight[] {
  const found = entityAt(index, document, position);
  if (!found) return [];
  const spans = [...found.entity.mentions, ...(found.entity.titleMentions ?? [])].sort((a, b) => a.start - b.start);
  return spans.map((span) => new vscode.DocumentHighlight(new vscode.Range(document.positionAt(span.start), document.positionAt(span.end)), vscode.DocumentHighlightKind.Read));
}

/** The article's people, places and meetings, in the order of the text (a meeting at its sentence), as the Outline sorts them. */
function symbolsOf(index: CorpusIndex, document: vscode.TextDocument): vscode.DocumentSymbol[] {
  if (!articleLanguages().includes(document.languageId)) return [];
  const analysis = index.analysisOf(document.uri);
  if (!analysis) return [];
  const range = (span: Span) => new vscode.Range(document.positionAt(span.start), document.positionAt(span.end));
  const symbols: Array<{ at: number; symbol: vscode.DocumentSymbol }> = [];
  for (const entity of analysis.entities) {
    if (entity.kind === 'organization') continue;
    const first = [...entity.mentions, ...(entity.titleMentions ?? [])].sort((a, b) => a.start - b.start)[0];
    if (!first) continue;
    const role = entity.roles[0];
    const detail = entity.kind === 'person' ? (role ? (role.country ? `${role.title}, ${role.country}` : role.title) : (entity.country ?? '')) : (entity.placeType ?? 'place');
    const kind = entity.kind === 'person' ? vscode.SymbolKind.Object : vscode.SymbolKind.Namespace;
    symbols.push({ at: first.start, symbol: new vscode.DocumentSymbol(entity.name, detail, kind, range(first), range(first)) });
  }
  for (const meeting of [...analysis.meetings, ...analysis.visits]) {
    const what = meeting.status === 'planned' ? `planned ${meeting.kind}` : meeting.kind;
    const name = `${what} ${meeting.participants.join(' — ')}`;
    const detail = [meeting.date.value ?? 'undated', meeting.place].filter(Boolean).join(' · ');
    symbols.push({ at: meeting.sentence.start, symbol: new vscode.DocumentSymbol(name, detail, vscode.SymbolKind.Event, range(meeting.sentence), range(meeting.evidence)) });
  }
  return symbols.sort((a, b) => a.at - b.at).map(({ symbol }) => symbol);
}

/** What a workspace symbol stands for, to place it in its article once it is chosen. */
const symbolTargets = new WeakMap<vscode.SymbolInformation, { match: (entity: Entity) => boolean } | { span: Span }>();

async function resolveSymbol(index: CorpusIndex, symbol: vscode.SymbolInformation, token: vscode.CancellationToken): Promise<vscode.SymbolInformation> {
  const target = symbolTargets.get(symbol);
  const article = target && (await index.articleOf(symbol.location.uri, token));
  if (!target || !article) return symbol;
  const span = 'span' in target ? target.span : article.analysis.entities.find(target.match)?.mentions[0];
  if (span) symbol.location = new vscode.Location(symbol.location.uri, rangeIn(lineStartsOf(article.text), span));
  return symbol;
}

/** Workspace symbols at most: Ctrl+T lists a screenful, and a query narrows it. */
const MAX_WORKSPACE_SYMBOLS = 200;

/** People, places and meetings of the corpus whose name holds every word of the query, each at an article that names them. */
function workspaceSymbols(index: CorpusIndex, query: string, token: vscode.CancellationToken): vscode.SymbolInformation[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const fits = (...names: string[]) => {
    const text = names.join(' ').toLowerCase();
    return words.every((word) => text.includes(word));
  };
  const corpus = index.corpus();
  const symbols: vscode.SymbolInformation[] = [];
  // A location without a range, which VS Code has resolveSymbol fill in for the symbol chosen: placing it needs the article's text.
  const at = (path: string) => new vscode.Location(vscode.Uri.parse(path, true), undefined as unknown as vscode.Range);
  for (const person of corpus.people()) {
    if (symbols.length >= MAX_WORKSPACE_SYMBOLS || token.isCancellationRequested) return symbols;
    if (person.articles.length > 0 && fits(person.name, ...person.aliases)) {
      const role = person.roles[person.roles.length - 1];
      const symbol = new vscode.SymbolInformation(person.name, vscode.SymbolKind.Object, role ? role.title : (person.country ?? ''), at(person.articles[0]));
      symbolTargets.set(symbol, { match: (entity) => entity.kind === 'person' && corpus.personIdOf(entity) === person.id });
      symbols.push(symbol);
    }
  }
  for (const place of corpus.places()) {
    if (symbols.length >= MAX_WORKSPACE_SYMBOLS || token.isCancellationRequested) return symbols;
    if (place.articles.length > 0 && fits(place.name)) {
      const symbol = new vscode.SymbolInformation(place.name, vscode.SymbolKind.Namespace, place.placeType ?? 'place', at(place.articles[0]));
      symbolTargets.set(symbol, { match: (entity) => entity.kind === 'place' && entity.id === place.id });
      symbols.push(symbol);
    }
  }
  for (const event of corpus.timeline()) {
    if (symbols.length >= MAX_WORKSPACE_SYMBOLS || token.isCancellationRequested) return symbols;
    const name = `${event.kind} ${event.participants.join(' — ')}`;
    if (fits(name, event.place ?? '')) {
      const symbol = new vscode.SymbolInformation(name, vscode.SymbolKind.Event, event.date.value ?? 'undated', at(event.article));
      symbolTargets.set(symbol, { span: event.evidence });
      symbols.push(symbol);
    }
  }
  return symbols;
}

/** Where each line of a text not open in an editor starts: lines end at \n, \r\n or \r, as in VS Code. */
function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

/** The range of a span, given its text's line starts. */
function rangeIn(lineStarts: readonly number[], span: Span): vscode.Range {
  const position = (offset: number) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (lineStarts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return new vscode.Position(low, offset - lineStarts[low]);
  };
  return new vscode.Range(position(span.start), position(span.end));
}
