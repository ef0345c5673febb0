import * as vscode from 'vscode';
import { compareEvents, Corpus, CorpusChange, CorpusPerson, SummaryEvent, TimelineEvent } from '../core/corpus';
import { MeetingKind } from '../core/types';
import { CorpusModel } from './corpusModel';
import { sourceTarget } from './evidence';
import { articleName, countOf, escapeMarkdown, formatDate, formatMonth, formatTenure, safeMarkdown } from './markdown';

export interface TimelineFilter {
  kind: 'person' | 'place';
  id: string;
  name: string;
}

const UNDATED = 'Undated';
/** The corpus's bucket of undated events, and the key of the "Undated" year. */
const UNDATED_KEY = '~';
/** A year with more events than this lists them by month. */
export const MONTH_GROUP_THRESHOLD = 30;
/** Sources listed in an event's tooltip; its children list them all. */
const TOOLTIP_SOURCES = 5;

interface YearNode {
  type: 'year';
  id: string;
  /** "2009", or "~" for undated events. */
  key: string;
}

interface MonthNode {
  type: 'month';
  id: string;
  /** The bucket: "2009-09". */
  key: string;
  year: YearNode;
}

interface EventNode {
  type: 'event';
  id: string;
  event: TimelineEvent;
}

interface DetailNode {
  type: 'detail';
  id: string;
  parent: EventNode;
  item: vscode.TreeItem;
}

type TimelineNode = YearNode | MonthNode | EventNode | DetailNode;

/** What the view shows of a year: its buckets in timeline order, how many events they hold, whether by month. */
interface YearShape {
  keys: string[];
  count: number;
  byMonth: boolean;
}

/** Where the view reads events from: the whole corpus, or a filter's events bucketed the same way. */
interface EventSource {
  bucketKeys(): string[];
  bucket(key: string): readonly TimelineEvent[];
}

const KIND_ICONS: Record<MeetingKind, string> = {
  meeting: 'comment-discussion',
  talks: 'comment',
  call: 'call-outgoing',
  visit: 'globe',
  summit: 'organization',
};

/**
 * The corpus's meetings by year, oldest first like a printed timeline, "Undated" last. A year
 * with more than MONTH_GROUP_THRESHOLD events lists them by month ("September 2009", collapsed);
 * within a month, events with a day come first, then the ones dated only by that month; a year's
 * events dated only by the year follow its months. The view reads the corpus's buckets (months,
 * years, undated) and keeps no flat copy of the timeline; a change to the corpus refreshes only
 * the years and months it touched, and the whole tree only when a year appears or disappears.
 */
export class TimelineView implements vscode.TreeDataProvider<TimelineNode>, vscode.Disposable {
  readonly treeView: vscode.TreeView<TimelineNode>;
  private readonly changed = new vscode.EventEmitter<TimelineNode | TimelineNode[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly filterChanged = new vscode.EventEmitter<TimelineFilter | undefined>();
  /** Fires with the new filter whenever one is set or cleared. */
  readonly onDidChangeFilter = this.filterChanged.event;
  private readonly disposables: vscode.Disposable[] = [];
  private currentFilter: TimelineFilter | undefined;
  /** The filter's events by bucket, built when first read after the filter or its events changed. */
  private filtered: Map<string, TimelineEvent[]> | undefined;
  /** Year keys in order, as last given to the tree; undefined until it asks. */
  private years: string[] | undefined;
  private readonly shapes = new Map<string, YearShape>();
  private readonly yearNodes = new Map<string, YearNode>();
  private readonly monthNodes = new Map<string, MonthNode>();
  /** One node per event object: unchanged events keep their object, so their node and its expansion stay. */
  private eventNodes = new WeakMap<TimelineEvent, EventNode>();

  constructor(private readonly model: CorpusModel) {
    this.treeView = vscode.window.createTreeView('attache.timeline', { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(
      this.treeView,
      this.changed,
      this.filterChanged,
      model.onDidChange((change) => this.update(change)),
      vscode.window.onDidChangeActiveTextEditor((editor) => this.revealArticleOf(editor)),
      this.treeView.onDidChangeVisibility(({ visible }) => {
        if (visible) this.revealArticleOf(vscode.window.activeTextEditor);
      }),
    );
  }

  get filter(): TimelineFilter | undefined {
    return this.currentFilter;
  }

  /** Shows only the events of one person or place; undefined shows them all again. */
  setFilter(filter: TimelineFilter | undefined): void {
    this.currentFilter = filter;
    this.treeView.description = filter ? `Filtered: ${filter.name}` : undefined;
    void vscode.commands.executeCommand('setContext', 'attache.timelineFiltered', filter !== undefined);
    this.reset();
    this.changed.fire(undefined);
    this.filterChanged.fire(filter);
  }

  /**
   * The items as the tree lists them when every year and month is expanded: each year, then its
   * month groups each followed by its events (or its events directly), for tests.
   */
  async visibleItems(): Promise<vscode.TreeItem[]> {
    const items: vscode.TreeItem[] = [];
    const visit = (node: TimelineNode) => {
      items.push(this.getTreeItem(node));
      if (node.type === 'year' || node.type === 'month') for (const child of this.getChildren(node)) visit(child);
    };
    for (const year of this.getChildren()) visit(year);
    return items;
  }

  getChildren(node?: TimelineNode): TimelineNode[] {
    if (!node) return this.rootNodes();
    if (node.type === 'year') return this.yearChildren(node);
    if (node.type === 'month') return this.source().bucket(node.key).map((event) => this.eventNode(event));
    if (node.type === 'event') return this.detailsOf(node);
    return [];
  }

  getParent(node: TimelineNode): TimelineNode | undefined {
    if (node.type === 'year') return undefined;
    if (node.type === 'month') return node.year;
    if (node.type === 'detail') return node.parent;
    return this.parentOf(node.event, this.shapeOf.bind(this));
  }

  getTreeItem(node: TimelineNode): vscode.TreeItem {
    if (node.type === 'detail') return node.item;
    if (node.type === 'event') return eventItem(node);
    if (node.type === 'year') {
      const item = new vscode.TreeItem(node.key === UNDATED_KEY ? UNDATED : node.key, vscode.TreeItemCollapsibleState.Expanded);
      item.id = node.id;
      item.description = countOf(this.shapeOf(node.key).count, 'event');
      item.iconPath = new vscode.ThemeIcon('calendar');
      item.contextValue = 'attache.year';
      return item;
    }
    const item = new vscode.TreeItem(formatMonth(node.key), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = node.id;
    item.description = countOf(this.source().bucket(node.key).length, 'event');
    item.iconPath = new vscode.ThemeIcon('calendar');
    item.contextValue = 'attache.month';
    return item;
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }

  /** Forgets everything derived from the corpus: the next read rebuilds it. */
  private reset(): void {
    this.filtered = undefined;
    this.years = undefined;
    this.shapes.clear();
    this.eventNodes = new WeakMap();
  }

  private source(): EventSource {
    const corpus = this.model.corpus();
    const filter = this.currentFilter;
    if (!filter) return corpus;
    if (!this.filtered) {
      this.filtered = new Map();
      for (const event of filter.kind === 'person' ? corpus.eventsOf(filter.id) : corpus.eventsAt(filter.id)) {
        const key = bucketKeyOf(event.date);
        const bucket = this.filtered.get(key);
        if (bucket) bucket.push(event);
        else this.filtered.set(key, [event]);
      }
    }
    const buckets = this.filtered;
    return { bucketKeys: () => [...buckets.keys()].sort(), bucket: (key) => buckets.get(key) ?? [] };
  }

  private rootNodes(): YearNode[] {
    if (!this.years) {
      const years: string[] = [];
      for (const key of this.source().bucketKeys()) {
        const year = yearOfBucket(key);
        if (years[years.length - 1] !== year) years.push(year);
      }
      // Bucket keys sort "2009-09" < "2009~" < "~": years come out in order, undated last.
      this.years = years;
      const filter = this.currentFilter;
      this.treeView.message = filter && years.length === 0 ? `No meetings of ${filter.name} in the corpus.` : undefined;
    }
    return this.years.map((key) => this.yearNode(key));
  }

  private yearChildren(node: YearNode): TimelineNode[] {
    const shape = this.shapeOf(node.key);
    const source = this.source();
    const children: TimelineNode[] = [];
    for (const key of shape.keys) {
      if (shape.byMonth && isMonthKey(key)) children.push(this.monthNode(key));
      else for (const event of source.bucket(key)) children.push(this.eventNode(event));
    }
    return children;
  }

  private shapeOf(year: string): YearShape {
    let shape = this.shapes.get(year);
    if (!shape) {
      shape = this.computeShape(year);
      this.shapes.set(year, shape);
    }
    return shape;
  }

  private computeShape(year: string): YearShape {
    const source = this.source();
    const keys = source.bucketKeys().filter((key) => yearOfBucket(key) === year);
    const count = keys.reduce((sum, key) => sum + source.bucket(key).length, 0);
    return { keys, count, byMonth: year !== UNDATED_KEY && count > MONTH_GROUP_THRESHOLD };
  }

  private yearNode(key: string): YearNode {
    let node = this.yearNodes.get(key);
    if (!node) {
      node = { type: 'year', id: `attache.timeline/year/${key === UNDATED_KEY ? UNDATED : key}`, key };
      this.yearNodes.set(key, node);
    }
    return node;
  }

  private monthNode(key: string): MonthNode {
    let node = this.monthNodes.get(key);
    if (!node) {
      node = { type: 'month', id: `attache.timeline/month/${key}`, key, year: this.yearNode(yearOfBucket(key)) };
      this.monthNodes.set(key, node);
    }
    return node;
  }

  private eventNode(event: TimelineEvent): EventNode {
    let node = this.eventNodes.get(event);
    if (!node) {
      // Event ids are unique in the corpus, so they serve as tree ids.
      node = { type: 'event', id: `attache.timeline/event/${event.id}`, event };
      this.eventNodes.set(event, node);
    }
    return node;
  }

  /** The node an event is listed under, given the shape of its year: its month group, else its year. */
  private parentOf(event: TimelineEvent, shapeOf: (year: string) => YearShape | undefined): YearNode | MonthNode {
    const bucket = bucketKeyOf(event.date);
    const year = yearOfBucket(bucket);
    return shapeOf(year)?.byMonth && isMonthKey(bucket) ? this.monthNode(bucket) : this.yearNode(year);
  }

  /**
   * Refreshes what a corpus change touched: the year or month group each added or removed event
   * is (or was) listed under, and a year whose count or month groups changed; the whole tree only
   * when a year appears or disappears. An event that moved (a merged report made its date more
   * precise) refreshes its old and its new parent together, so it leaves one before joining the other.
   */
  private update(change: CorpusChange): void {
    const filter = this.currentFilter;
    const relevant = (event: TimelineEvent) => !filter || matches(event, filter);
    const added = change.added.filter(relevant);
    const removed = change.removed.filter(relevant);
    if (added.length === 0 && removed.length === 0) return;
    this.filtered = undefined;
    const oldYears = this.years;
    if (!oldYears) {
      // The tree has not asked for anything yet: nothing of it to keep.
      this.reset();
      this.changed.fire(undefined);
      return;
    }
    const years = new Set([...added, ...removed].map((event) => yearOfBucket(bucketKeyOf(event.date))));
    const before = new Map([...years].map((year) => [year, this.shapes.get(year)]));
    const nodes = new Set<TimelineNode>(removed.map((event) => this.parentOf(event, (year) => before.get(year))));
    for (const year of years) this.shapes.delete(year);
    this.years = undefined;
    if (oldYears.join('\n') !== this.rootNodes().map((node) => node.key).join('\n')) {
      this.changed.fire(undefined);
      return;
    }
    for (const event of added) nodes.add(this.parentOf(event, (year) => this.shapeOf(year)));
    for (const year of years) {
      const old = before.get(year);
      const now = this.shapeOf(year);
      const sameMonths = !now.byMonth || old?.keys.join() === now.keys.join();
      if (!old || old.count !== now.count || old.byMonth !== now.byMonth || !sameMonths) nodes.add(this.yearNode(year));
    }
    // A refreshed year refreshes its month groups with it.
    this.changed.fire([...nodes].filter((node) => node.type !== 'month' || !nodes.has(node.year)));
  }

  private detailsOf(node: EventNode): DetailNode[] {
    const { event } = node;
    const corpus = this.model.corpus();
    const details: DetailNode[] = event.participants.map((name, index) => {
      const item = new vscode.TreeItem(name, vscode.TreeItemCollapsibleState.None);
      item.iconPath = new vscode.ThemeIcon('person');
      const person = corpus.person(event.participantIds[index]);
      item.description = person && latestRole(person);
      return detail(node, `person/${index}`, item);
    });
    if (event.place) {
      const item = new vscode.TreeItem(event.place, vscode.TreeItemCollapsibleState.None);
      item.iconPath = new vscode.ThemeIcon('location');
      details.push(detail(node, 'place', item));
    }
    event.sources.forEach((source, index) => {
      const item = new vscode.TreeItem(articleName(source.article), vscode.TreeItemCollapsibleState.None);
      item.iconPath = new vscode.ThemeIcon('file-text');
      const reported = source.status === 'planned' ? `planned ${source.kind}` : source.kind;
      item.description = event.sources.length === 1 ? 'source' : `${formatDate(source.date)} · ${reported}`;
      item.tooltip = `Date: ${formatDate(source.date)} (${source.date.basis})`;
      item.command = { title: 'Open evidence', command: 'attache.openEvidence', arguments: [sourceTarget(source)] };
      details.push(detail(node, index === 0 ? 'article' : `article/${index}`, item));
    });
    return details;
  }

  /** Scrolls the timeline to the first event the active article reports, without taking focus. */
  private revealArticleOf(editor: vscode.TextEditor | undefined): void {
    if (!editor || !this.treeView.visible) return;
    const corpus = this.model.corpus();
    const article = editor.document.uri.toString();
    const summary = corpus.summary(article);
    if (!summary) return;
    const filter = this.currentFilter;
    let first: TimelineEvent | undefined;
    for (const report of summary.events) {
      const event = eventOfReport(corpus, article, report, summary.people);
      if (!event || (filter && !matches(event, filter))) continue;
      if (!first || compareEvents(event, first) < 0) first = event;
    }
    if (first) void Promise.resolve(this.treeView.reveal(this.eventNode(first), { select: false, focus: false })).catch(() => undefined);
  }
}

/**
 * The timeline event an article's report belongs to. It is the event with the report's id when
 * the report leads it; a report joined to an event another article leads is found among the
 * events of its place or of its participants (the indexes, not the timeline).
 */
function eventOfReport(corpus: Corpus, article: string, report: SummaryEvent, people: ReadonlyArray<{ identity: string; entityId: string; name: string; kbId?: string }>): TimelineEvent | undefined {
  const reports = (event: TimelineEvent) => event.sources.some((source) => source.article === article && source.evidence.start === report.evidence.start);
  const direct = corpus.event(report.id);
  if (direct && reports(direct)) return direct;
  if (report.placeId) {
    const found = corpus.eventsAt(report.placeId).find(reports);
    if (found) return found;
  }
  for (const identity of new Set(report.identities)) {
    const entry = people.find((person) => person.identity === identity);
    const personId = entry && corpus.personIdOf({ id: entry.entityId, name: entry.name, kbId: entry.kbId });
    const found = personId === undefined ? undefined : corpus.eventsOf(personId).find(reports);
    if (found) return found;
  }
  return undefined;
}

/** Registers the timeline view and its filter commands; the view follows the active article. */
export function registerTimelineView(context: vscode.ExtensionContext, model: CorpusModel): TimelineView {
  const view = new TimelineView(model);
  context.subscriptions.push(
    view,
    vscode.commands.registerCommand('attache.filterTimeline', async (args?: unknown) => {
      const filter = isTimelineFilter(args) ? args : await pickFilter(model.corpus());
      if (!filter) return;
      view.setFilter(filter);
      await vscode.commands.executeCommand('attache.timeline.focus');
    }),
    vscode.commands.registerCommand('attache.clearTimelineFilter', () => view.setFilter(undefined)),
  );
  void vscode.commands.executeCommand('setContext', 'attache.timelineFiltered', false);
  return view;
}

/**
 * The timeline's bucket of a date, as the corpus buckets it: its month ("2009-09"), its year when
 * only that is known ("2009~"), or undated ("~").
 */
export function bucketKeyOf(date: { value: string | null; precision: string | null; earliest: string | null }): string {
  const value = date.value ?? date.earliest;
  if (value === null) return UNDATED_KEY;
  return date.precision === 'year' || value.length < 7 ? `${value.slice(0, 4)}~` : value.slice(0, 7);
}

/** "2009" for "2009-09" and "2009~", "~" for undated. */
function yearOfBucket(key: string): string {
  return key === UNDATED_KEY ? UNDATED_KEY : key.slice(0, 4);
}

function isMonthKey(key: string): boolean {
  return key.length === 7 && key[4] === '-';
}

function eventItem(node: EventNode): vscode.TreeItem {
  const { event } = node;
  const who = event.participants.length > 0 ? event.participants.join(' — ') : event.label;
  const item = new vscode.TreeItem(`${formatDate(event.date)} · ${who}`, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = node.id;
  const what = event.status === 'planned' ? `planned ${event.kind}` : event.kind;
  const sources = event.sources.length;
  item.description = [what, event.place, sources > 1 ? countOf(sources, 'source') : undefined].filter(Boolean).join(' · ');
  item.iconPath = new vscode.ThemeIcon(KIND_ICONS[event.kind] ?? 'calendar');
  item.contextValue = `attache.event.${event.status}`;
  item.command =
    sources > 1
      ? { title: 'Open a report', command: 'attache.openEvent', arguments: [{ id: event.id }] }
      : { title: 'Open evidence', command: 'attache.openEvidence', arguments: [sourceTarget(event.sources[0])] };

  const tooltip = safeMarkdown();
  tooltip.appendMarkdown(`**${escapeMarkdown(event.label)}**\n\n`);
  tooltip.appendMarkdown(`${escapeMarkdown(`${formatDate(event.date)}: ${event.date.basis}`)}\n\n`);
  tooltip.appendMarkdown(`${event.status === 'planned' ? 'Planned' : 'Held'} · `);
  if (sources === 1) {
    tooltip.appendMarkdown(escapeMarkdown(articleName(event.article)));
  } else {
    tooltip.appendMarkdown(`${countOf(sources, 'source')}:\n\n`);
    for (const source of event.sources.slice(0, TOOLTIP_SOURCES)) tooltip.appendMarkdown(`- ${escapeMarkdown(`${articleName(source.article)} · ${formatDate(source.date)} · ${source.status}`)}\n`);
    if (sources > TOOLTIP_SOURCES) tooltip.appendMarkdown(`- …and ${sources - TOOLTIP_SOURCES} more\n`);
  }
  item.tooltip = tooltip;
  return item;
}

function detail(parent: EventNode, key: string, item: vscode.TreeItem): DetailNode {
  const id = `${parent.id}/${key}`;
  item.id = id;
  return { type: 'detail', id, parent, item };
}

function matches(event: TimelineEvent, filter: TimelineFilter): boolean {
  return filter.kind === 'person' ? event.participantIds.includes(filter.id) : event.placeId === filter.id;
}

/** "Secretary of State, United States (2021-01-26 – 2025-01-20)" for a person's most recent role. */
export function latestRole(person: CorpusPerson): string | undefined {
  const role = person.roles[person.roles.length - 1];
  if (!role) return undefined;
  const tenure = formatTenure(role.from, role.to);
  const title = role.country ? `${role.title}, ${role.country}` : role.title;
  return tenure ? `${title} (${tenure})` : title;
}

function isTimelineFilter(value: unknown): value is TimelineFilter {
  const filter = value as Partial<TimelineFilter> | undefined;
  return (filter?.kind === 'person' || filter?.kind === 'place') && typeof filter.id === 'string' && typeof filter.name === 'string';
}

interface FilterPick extends vscode.QuickPickItem {
  filter?: TimelineFilter;
}

/** Asks which person or place to filter by, among those the corpus names (already sorted by name). */
async function pickFilter(corpus: Corpus): Promise<TimelineFilter | undefined> {
  const people: FilterPick[] = corpus.people().map((person) => ({
    label: person.name,
    description: latestRole(person) ?? person.country ?? undefined,
    iconPath: new vscode.ThemeIcon('person'),
    filter: { kind: 'person', id: person.id, name: person.name },
  }));
  const places: FilterPick[] = corpus.places().map((place) => ({
    label: place.name,
    description: [place.placeType, place.country !== place.name ? place.country : null].filter(Boolean).join(', ') || undefined,
    iconPath: new vscode.ThemeIcon('location'),
    filter: { kind: 'place', id: place.id, name: place.name },
  }));
  const items: FilterPick[] = [
    { label: 'People', kind: vscode.QuickPickItemKind.Separator },
    ...people,
    { label: 'Places', kind: vscode.QuickPickItemKind.Separator },
    ...places,
  ];
  const picked = await vscode.window.showQuickPick(items, { title: 'Filter the timeline', placeHolder: 'A person or a place', matchOnDescription: true });
  return picked?.filter;
}
