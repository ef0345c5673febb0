import * as vscode from 'vscode';
import { CorpusAnalysis, TimelineEvent } from '../core/corpus';
import { MeetingKind } from '../core/types';
import { CorpusModel } from './corpusModel';
import { articleName, escapeMarkdown, EvidenceTarget, formatDate, formatTenure, safeMarkdown } from './markdown';

export interface TimelineFilter {
  kind: 'person' | 'place';
  id: string;
  name: string;
}

const UNDATED = 'Undated';

interface YearNode {
  type: 'year';
  id: string;
  year: string;
  events: EventNode[];
}

interface EventNode {
  type: 'event';
  id: string;
  event: TimelineEvent;
  parent: YearNode;
}

interface DetailNode {
  type: 'detail';
  id: string;
  parent: EventNode;
  item: vscode.TreeItem;
}

type TimelineNode = YearNode | EventNode | DetailNode;

const KIND_ICONS: Record<MeetingKind, string> = {
  meeting: 'comment-discussion',
  talks: 'comment',
  call: 'call-outgoing',
  visit: 'globe',
  summit: 'organization',
};

/**
 * The corpus's meetings by year. Years run oldest first, like a printed timeline: the engine
 * already orders events by their earliest possible day, so reading down the view reads forward
 * in time within and across years, and "Undated" closes the list.
 */
export class TimelineView implements vscode.TreeDataProvider<TimelineNode>, vscode.Disposable {
  readonly treeView: vscode.TreeView<TimelineNode>;
  private readonly changed = new vscode.EventEmitter<TimelineNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly filterChanged = new vscode.EventEmitter<TimelineFilter | undefined>();
  /** Fires with the new filter whenever one is set or cleared. */
  readonly onDidChangeFilter = this.filterChanged.event;
  private readonly disposables: vscode.Disposable[] = [];
  private currentFilter: TimelineFilter | undefined;
  private roots: YearNode[] | undefined;

  constructor(private readonly model: CorpusModel) {
    this.treeView = vscode.window.createTreeView('attache.timeline', { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(
      this.treeView,
      this.changed,
      this.filterChanged,
      model.onDidChange(() => this.refresh()),
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
    this.refresh();
    this.filterChanged.fire(filter);
  }

  /** The items as shown, years followed by their events: for tests. */
  async visibleItems(): Promise<vscode.TreeItem[]> {
    const items: vscode.TreeItem[] = [];
    for (const year of this.getChildren()) {
      items.push(this.getTreeItem(year));
      for (const event of this.getChildren(year)) items.push(this.getTreeItem(event));
    }
    return items;
  }

  getChildren(node?: TimelineNode): TimelineNode[] {
    if (!node) return this.yearNodes();
    if (node.type === 'year') return node.events;
    if (node.type === 'event') return this.detailsOf(node);
    return [];
  }

  getParent(node: TimelineNode): TimelineNode | undefined {
    return node.type === 'year' ? undefined : node.parent;
  }

  getTreeItem(node: TimelineNode): vscode.TreeItem {
    if (node.type === 'detail') return node.item;
    if (node.type === 'year') {
      const item = new vscode.TreeItem(node.year, vscode.TreeItemCollapsibleState.Expanded);
      item.id = node.id;
      item.description = node.events.length === 1 ? '1 event' : `${node.events.length} events`;
      item.iconPath = new vscode.ThemeIcon('calendar');
      item.contextValue = 'attache.year';
      return item;
    }
    return eventItem(node);
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }

  private refresh(): void {
    this.roots = undefined;
    this.changed.fire(undefined);
  }

  private yearNodes(): YearNode[] {
    if (this.roots) return this.roots;
    const filter = this.currentFilter;
    const byYear = new Map<string, YearNode>();
    // Event ids are unique in the corpus (corpus.ts numbers any clash), so they serve as tree ids.
    for (const event of this.model.corpus().timeline) {
      if (filter && !matches(event, filter)) continue;
      const year = event.date.value?.slice(0, 4) ?? UNDATED;
      let yearNode = byYear.get(year);
      if (!yearNode) {
        yearNode = { type: 'year', id: `attache.timeline/year/${year}`, year, events: [] };
        byYear.set(year, yearNode);
      }
      yearNode.events.push({ type: 'event', id: `attache.timeline/event/${event.id}`, event, parent: yearNode });
    }
    this.roots = [...byYear.values()].sort((a, b) => compareYears(a.year, b.year));
    this.treeView.message = filter && this.roots.length === 0 ? `No meetings of ${filter.name} in the corpus.` : undefined;
    return this.roots;
  }

  private detailsOf(node: EventNode): DetailNode[] {
    const { event } = node;
    const corpus = this.model.corpus();
    const details: DetailNode[] = event.participants.map((name, index) => {
      const item = new vscode.TreeItem(name, vscode.TreeItemCollapsibleState.None);
      item.iconPath = new vscode.ThemeIcon('person');
      item.description = latestRole(corpus, event.participantIds[index]);
      return detail(node, `person/${index}`, item);
    });
    if (event.place) {
      const item = new vscode.TreeItem(event.place, vscode.TreeItemCollapsibleState.None);
      item.iconPath = new vscode.ThemeIcon('location');
      details.push(detail(node, 'place', item));
    }
    const source = new vscode.TreeItem(articleName(event.article), vscode.TreeItemCollapsibleState.None);
    source.iconPath = new vscode.ThemeIcon('file-text');
    source.description = 'source';
    source.tooltip = `Date: ${formatDate(event.date)} (${event.date.basis})`;
    source.command = openEvidenceCommand(event);
    details.push(detail(node, 'article', source));
    return details;
  }

  /** Scrolls the timeline to the first event the active article reports, without taking focus. */
  private revealArticleOf(editor: vscode.TextEditor | undefined): void {
    if (!editor || !this.treeView.visible) return;
    const article = editor.document.uri.toString();
    const first = this.yearNodes()
      .flatMap((year) => year.events)
      .find((node) => node.event.article === article);
    if (first) void Promise.resolve(this.treeView.reveal(first, { select: false, focus: false })).catch(() => undefined);
  }
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

/** The command that opens an event's article with the sentence that states it selected. */
function openEvidenceCommand(event: TimelineEvent): vscode.Command {
  const target: EvidenceTarget = { uri: event.article, start: event.sentence.start, end: event.sentence.end };
  return { title: 'Open evidence', command: 'attache.openEvidence', arguments: [target] };
}

function eventItem(node: EventNode): vscode.TreeItem {
  const { event } = node;
  const who = event.participants.length > 0 ? event.participants.join(' — ') : event.label;
  const item = new vscode.TreeItem(`${formatDate(event.date)} · ${who}`, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = node.id;
  const what = event.status === 'planned' ? `planned ${event.kind}` : event.kind;
  item.description = event.place ? `${what} · ${event.place}` : what;
  item.iconPath = new vscode.ThemeIcon(KIND_ICONS[event.kind] ?? 'calendar');
  item.contextValue = `attache.event.${event.status}`;
  item.command = openEvidenceCommand(event);

  const tooltip = safeMarkdown();
  tooltip.appendMarkdown(`**${escapeMarkdown(event.label)}**\n\n`);
  tooltip.appendMarkdown(`${escapeMarkdown(`${formatDate(event.date)}: ${event.date.basis}`)}\n\n`);
  tooltip.appendMarkdown(`${event.status === 'planned' ? 'Planned' : 'Held'} · ${escapeMarkdown(articleName(event.article))}`);
  item.tooltip = tooltip;
  return item;
}

function detail(parent: EventNode, key: string, item: vscode.TreeItem): DetailNode {
  const id = `${parent.id}/${key}`;
  item.id = id;
  return { type: 'detail', id, parent, item };
}

function matches(event: TimelineEvent, filter: TimelineFilter): boolean {
  return filter.kind === 'person' ? event.participantIds.includes(filter.id) : event.place === filter.name;
}

function compareYears(a: string, b: string): number {
  if (a === b) return 0;
  if (a === UNDATED) return 1;
  if (b === UNDATED) return -1;
  return a < b ? -1 : 1;
}

/** "Secretary of State, United States (2021-01-26 – 2025-01-20)" for a person's most recent role. */
function latestRole(corpus: CorpusAnalysis, personId: string | undefined): string | undefined {
  const person = corpus.people.find((p) => p.id === personId);
  const role = person?.roles[person.roles.length - 1];
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

/** Asks which person or place to filter by, among those the corpus names. */
async function pickFilter(corpus: CorpusAnalysis): Promise<TimelineFilter | undefined> {
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  const people: FilterPick[] = [...corpus.people].sort(byName).map((person) => ({
    label: person.name,
    description: latestRole(corpus, person.id) ?? person.country ?? undefined,
    iconPath: new vscode.ThemeIcon('person'),
    filter: { kind: 'person', id: person.id, name: person.name },
  }));
  const places: FilterPick[] = [...corpus.places].sort(byName).map((place) => ({
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
