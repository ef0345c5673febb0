import * as vscode from 'vscode';
import { CorpusAnalysis, CorpusPerson, CorpusPlace } from '../core/corpus';
import { CorpusModel } from './corpusModel';
import { escapeMarkdown, formatTenure, safeMarkdown } from './markdown';
import { TimelineFilter, TimelineView } from './timelineView';

type PeopleNode =
  | { type: 'section'; id: string; label: string; icon: string; children: PeopleNode[] }
  | { type: 'group'; id: string; label: string; children: PeopleNode[] }
  | { type: 'person'; id: string; person: CorpusPerson; meetings: number }
  | { type: 'place'; id: string; place: CorpusPlace; meetings: number };

const UNKNOWN_COUNTRY = 'Country unknown';

const PLACE_GROUPS: Array<[string, string]> = [
  ['country', 'Countries'],
  ['city', 'Cities'],
  ['region', 'Regions'],
  ['water', 'Bodies of water'],
  ['continent', 'Continents'],
  ['landmark', 'Landmarks'],
  ['other', 'Other places'],
];

/** The "People & Places" view: who and where the corpus names; choosing one filters the timeline. */
class PeopleView implements vscode.TreeDataProvider<PeopleNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<PeopleNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[];
  private roots: PeopleNode[] | undefined;

  constructor(
    private readonly model: CorpusModel,
    private readonly timeline: TimelineView,
  ) {
    this.disposables = [
      this.changed,
      vscode.window.createTreeView('attache.peoplePlaces', { treeDataProvider: this, showCollapseAll: true }),
      model.onDidChange(() => this.refresh()),
      timeline.onDidChangeFilter(() => this.refresh()),
    ];
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }

  getChildren(node?: PeopleNode): PeopleNode[] {
    if (!node) return (this.roots ??= buildRoots(this.model.corpus()));
    return node.type === 'section' || node.type === 'group' ? node.children : [];
  }

  getTreeItem(node: PeopleNode): vscode.TreeItem {
    if (node.type === 'section' || node.type === 'group') {
      const item = new vscode.TreeItem(node.label, node.type === 'section' ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
      item.id = node.id;
      item.description = `${leafCount(node)}`;
      if (node.type === 'section') item.iconPath = new vscode.ThemeIcon(node.icon);
      return item;
    }
    const filter: TimelineFilter =
      node.type === 'person' ? { kind: 'person', id: node.person.id, name: node.person.name } : { kind: 'place', id: node.place.id, name: node.place.name };
    const filtering = this.timeline.filter?.kind === filter.kind && this.timeline.filter.id === filter.id;
    const item = new vscode.TreeItem(filter.name, vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.iconPath = new vscode.ThemeIcon(filtering ? 'filter-filled' : node.type === 'person' ? 'person' : 'location');
    const role = node.type === 'person' ? node.person.roles[node.person.roles.length - 1]?.title : undefined;
    item.description = [role, filtering ? 'timeline filter' : undefined].filter(Boolean).join(' · ') || undefined;
    item.tooltip = node.type === 'person' ? personTooltip(node.person, node.meetings) : placeTooltip(node.place, node.meetings);
    item.command = { title: 'Show in timeline', command: 'attache.filterTimeline', arguments: [filter] };
    item.contextValue = `attache.${node.type}`;
    return item;
  }

  private refresh(): void {
    this.roots = undefined;
    this.changed.fire(undefined);
  }
}

/** Registers the "People & Places" view; it refreshes with the corpus and marks the timeline's filter. */
export function registerPeopleView(context: vscode.ExtensionContext, model: CorpusModel, timeline: TimelineView): void {
  context.subscriptions.push(new PeopleView(model, timeline));
}

function buildRoots(corpus: CorpusAnalysis): PeopleNode[] {
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

  const meetingsOfPerson = new Map<string, number>();
  const meetingsAtPlace = new Map<string, number>();
  for (const event of corpus.timeline) {
    for (const id of new Set(event.participantIds)) meetingsOfPerson.set(id, (meetingsOfPerson.get(id) ?? 0) + 1);
    if (event.place) meetingsAtPlace.set(event.place, (meetingsAtPlace.get(event.place) ?? 0) + 1);
  }

  const countries = new Map<string, CorpusPerson[]>();
  for (const person of corpus.people) {
    const country = person.country ?? UNKNOWN_COUNTRY;
    countries.set(country, [...(countries.get(country) ?? []), person]);
  }
  const countryNames = [...countries.keys()].sort((a, b) => (a === UNKNOWN_COUNTRY ? 1 : b === UNKNOWN_COUNTRY ? -1 : a.localeCompare(b)));
  const peopleGroups: PeopleNode[] = countryNames.map((country) => ({
    type: 'group',
    id: `attache.people/country/${country}`,
    label: country,
    children: (countries.get(country) ?? []).sort(byName).map((person) => ({
      type: 'person',
      id: `attache.people/person/${person.id}`,
      person,
      meetings: meetingsOfPerson.get(person.id) ?? 0,
    })),
  }));

  const groupOf = (place: CorpusPlace) => (PLACE_GROUPS.some(([known]) => known === place.placeType) ? place.placeType : 'other');
  const placeGroups: PeopleNode[] = PLACE_GROUPS.flatMap(([placeType, label]) => {
    const places = corpus.places.filter((place) => groupOf(place) === placeType);
    if (places.length === 0) return [];
    return [
      {
        type: 'group' as const,
        id: `attache.places/type/${placeType}`,
        label,
        children: places.sort(byName).map((place) => ({
          type: 'place' as const,
          id: `attache.places/place/${place.id}`,
          place,
          meetings: meetingsAtPlace.get(place.name) ?? 0,
        })),
      },
    ];
  });

  return [
    { type: 'section', id: 'attache.people', label: 'People', icon: 'person', children: peopleGroups },
    { type: 'section', id: 'attache.places', label: 'Places', icon: 'location', children: placeGroups },
  ];
}

function personTooltip(person: CorpusPerson, meetings: number): vscode.MarkdownString {
  const tooltip = safeMarkdown();
  tooltip.appendMarkdown(`**${escapeMarkdown(person.name)}**${person.country ? ` · ${escapeMarkdown(person.country)}` : ''}\n\n`);
  for (const role of person.roles) {
    const tenure = formatTenure(role.from, role.to);
    const source = role.source === 'knowledge-base' ? ' *(knowledge base)*' : '';
    tooltip.appendMarkdown(`- ${escapeMarkdown(tenure ? `${role.title} (${tenure})` : role.title)}${source}\n`);
  }
  tooltip.appendMarkdown(`\n${countOf(person.articles.length, 'article')} · ${countOf(meetings, 'meeting')}`);
  return tooltip;
}

function placeTooltip(place: CorpusPlace, meetings: number): vscode.MarkdownString {
  const tooltip = safeMarkdown();
  const where = place.country && place.country !== place.name ? ` in ${place.country}` : '';
  tooltip.appendMarkdown(`**${escapeMarkdown(place.name)}** · ${escapeMarkdown(`${place.placeType ?? 'place'}${where}`)}\n\n`);
  tooltip.appendMarkdown(`${countOf(place.articles.length, 'article')} · ${countOf(meetings, 'meeting')}`);
  return tooltip;
}

function countOf(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** How many people or places a section or group holds. */
function leafCount(node: PeopleNode): number {
  return node.type === 'section' || node.type === 'group' ? node.children.reduce((sum, child) => sum + leafCount(child), 0) : 1;
}
