import * as vscode from 'vscode';
import { CorpusChange, CorpusPerson, CorpusPlace } from '../core/corpus';
import { CorpusModel } from './corpusModel';
import { countOf, escapeMarkdown, formatTenure, safeMarkdown } from './markdown';
import { TimelineFilter, TimelineView } from './timelineView';

interface SectionNode {
  type: 'section';
  id: string;
  kind: 'person' | 'place';
}

interface GroupNode {
  type: 'group';
  id: string;
  kind: 'person' | 'place';
  /** A country, or a place type ("city"). */
  key: string;
  label: string;
}

interface PersonNode {
  type: 'person';
  id: string;
  person: CorpusPerson;
}

interface PlaceNode {
  type: 'place';
  id: string;
  place: CorpusPlace;
}

type PeopleNode = SectionNode | GroupNode | PersonNode | PlaceNode;

/** Who is in one group, and the nodes shown for them once the group was opened. */
interface Group<T> {
  node: GroupNode;
  members: Map<string, T>;
  children?: Array<PersonNode | PlaceNode>;
}

const UNKNOWN_COUNTRY = 'Country unknown';
/** A change touching more people or places than this rebuilds the view rather than patching it. */
const PATCH_LIMIT = 500;

const PLACE_GROUPS: Array<[string, string]> = [
  ['country', 'Countries'],
  ['city', 'Cities'],
  ['region', 'Regions'],
  ['water', 'Bodies of water'],
  ['continent', 'Continents'],
  ['landmark', 'Landmarks'],
  ['other', 'Other places'],
];

const SECTIONS: Record<'person' | 'place', SectionNode> = {
  person: { type: 'section', id: 'attache.people', kind: 'person' },
  place: { type: 'section', id: 'attache.places', kind: 'place' },
};

/**
 * The "People & Places" view: people by country (the country of their latest stated role, else
 * the knowledge base's), places by type; choosing one filters the timeline. Meeting counts come
 * from the corpus's indexes. A corpus change refreshes the groups of the people and places it
 * touched, and a section only when one of its groups appears or disappears.
 */
class PeopleView implements vscode.TreeDataProvider<PeopleNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<PeopleNode | PeopleNode[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[];
  /** Groups by key, built on the first read; undefined until then or after a rebuild. */
  private people: Map<string, Group<CorpusPerson>> | undefined;
  private places: Map<string, Group<CorpusPlace>> | undefined;
  /** Each member's group key, to find where a changed person or place was. */
  private readonly personGroup = new Map<string, string>();
  private readonly placeGroup = new Map<string, string>();
  private readonly leaves = new Map<string, PersonNode | PlaceNode>();

  constructor(
    private readonly model: CorpusModel,
    private readonly timeline: TimelineView,
  ) {
    let filter = timeline.filter;
    this.disposables = [
      this.changed,
      vscode.window.createTreeView('attache.peoplePlaces', { treeDataProvider: this, showCollapseAll: true }),
      model.onDidChange((change) => this.update(change)),
      timeline.onDidChangeFilter((next) => {
        // Only the entries that were or now are the filter change their look.
        const nodes = [filter, next].flatMap((f) => (f ? [this.leaves.get(leafId(f.kind, f.id))] : [])).filter((node): node is PersonNode | PlaceNode => node !== undefined);
        filter = next;
        if (nodes.length > 0) this.changed.fire(nodes);
      }),
    ];
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }

  getChildren(node?: PeopleNode): PeopleNode[] {
    if (!node) return [SECTIONS.person, SECTIONS.place];
    if (node.type === 'section') return this.groupsOf(node.kind).map((group) => group.node);
    if (node.type === 'group') {
      const group: Group<CorpusPerson> | Group<CorpusPlace> | undefined = this.groupMap(node.kind).get(node.key);
      if (!group) return [];
      group.children ??= [...group.members.values()]
        .sort(byName)
        .map((member) => (node.kind === 'person' ? this.personNode(member as CorpusPerson) : this.placeNode(member as CorpusPlace)));
      return group.children;
    }
    return [];
  }

  getTreeItem(node: PeopleNode): vscode.TreeItem {
    if (node.type === 'section') {
      const item = new vscode.TreeItem(node.kind === 'person' ? 'People' : 'Places', vscode.TreeItemCollapsibleState.Expanded);
      item.id = node.id;
      item.iconPath = new vscode.ThemeIcon(node.kind === 'person' ? 'person' : 'location');
      return item;
    }
    const corpus = this.model.corpus();
    if (node.type === 'group') {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = node.id;
      item.description = `${this.groupMap(node.kind).get(node.key)?.members.size ?? 0}`;
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
    item.tooltip = node.type === 'person' ? personTooltip(node.person, corpus.eventCountOf(node.person.id)) : placeTooltip(node.place, corpus.eventCountAt(node.place.id));
    item.command = { title: 'Show in timeline', command: 'attache.filterTimeline', arguments: [filter] };
    item.contextValue = `attache.${node.type}`;
    return item;
  }

  private groupsOf(kind: 'person' | 'place'): Array<Group<CorpusPerson> | Group<CorpusPlace>> {
    const groups = this.groupMap(kind);
    const keys = [...groups.keys()];
    if (kind === 'person') keys.sort(compareCountries);
    else keys.sort((a, b) => placeGroupOrder(a) - placeGroupOrder(b));
    return keys.map((key) => groups.get(key)!);
  }

  private groupMap(kind: 'person'): Map<string, Group<CorpusPerson>>;
  private groupMap(kind: 'place'): Map<string, Group<CorpusPlace>>;
  private groupMap(kind: 'person' | 'place'): Map<string, Group<CorpusPerson>> | Map<string, Group<CorpusPlace>>;
  private groupMap(kind: 'person' | 'place'): Map<string, Group<CorpusPerson>> | Map<string, Group<CorpusPlace>> {
    if (kind === 'person') {
      if (!this.people) {
        this.people = new Map();
        this.personGroup.clear();
        for (const person of this.model.corpus().people()) this.addMember(this.people, this.personGroup, 'person', countryKey(person), person);
      }
      return this.people;
    }
    if (!this.places) {
      this.places = new Map();
      this.placeGroup.clear();
      for (const place of this.model.corpus().places()) this.addMember(this.places, this.placeGroup, 'place', placeTypeKey(place), place);
    }
    return this.places;
  }

  private addMember<T extends { id: string }>(groups: Map<string, Group<T>>, where: Map<string, string>, kind: 'person' | 'place', key: string, member: T): Group<T> {
    let group = groups.get(key);
    if (!group) {
      const label = kind === 'person' ? key : (PLACE_GROUPS.find(([type]) => type === key)?.[1] ?? key);
      group = { node: { type: 'group', id: `attache.${kind === 'person' ? 'people/country' : 'places/type'}/${key}`, kind, key, label }, members: new Map() };
      groups.set(key, group);
    }
    group.members.set(member.id, member);
    group.children = undefined;
    where.set(member.id, key);
    return group;
  }

  private personNode(person: CorpusPerson): PersonNode {
    const id = leafId('person', person.id);
    const node = this.leaves.get(id);
    if (node?.type === 'person') {
      node.person = person;
      return node;
    }
    const created: PersonNode = { type: 'person', id, person };
    this.leaves.set(id, created);
    return created;
  }

  private placeNode(place: CorpusPlace): PlaceNode {
    const id = leafId('place', place.id);
    const node = this.leaves.get(id);
    if (node?.type === 'place') {
      node.place = place;
      return node;
    }
    const created: PlaceNode = { type: 'place', id, place };
    this.leaves.set(id, created);
    return created;
  }

  /** Moves the people and places a change touched to their groups now, and refreshes those groups. */
  private update(change: CorpusChange): void {
    if (change.people.length + change.places.length === 0) return;
    if (change.people.length + change.places.length > PATCH_LIMIT || (!this.people && !this.places)) {
      this.people = undefined;
      this.places = undefined;
      this.leaves.clear();
      this.changed.fire(undefined);
      return;
    }
    const corpus = this.model.corpus();
    const nodes = new Set<PeopleNode>();
    if (this.people) this.patch(this.people, this.personGroup, 'person', change.people, (id) => corpus.person(id), countryKey, nodes);
    if (this.places) this.patch(this.places, this.placeGroup, 'place', change.places, (id) => corpus.place(id), placeTypeKey, nodes);
    if (nodes.size > 0) this.changed.fire([...nodes]);
  }

  private patch<T extends { id: string }>(
    groups: Map<string, Group<T>>,
    where: Map<string, string>,
    kind: 'person' | 'place',
    ids: string[],
    lookUp: (id: string) => T | undefined,
    keyOf: (member: T) => string,
    nodes: Set<PeopleNode>,
  ): void {
    const section = SECTIONS[kind];
    for (const id of ids) {
      const oldKey = where.get(id);
      const member = lookUp(id);
      if (oldKey !== undefined) {
        const group = groups.get(oldKey)!;
        group.members.delete(id);
        group.children = undefined;
        where.delete(id);
        if (group.members.size === 0) {
          groups.delete(oldKey);
          nodes.add(section);
        } else {
          nodes.add(group.node);
        }
      }
      if (member) {
        const isNew = !groups.has(keyOf(member));
        const group = this.addMember(groups, where, kind, keyOf(member), member);
        nodes.add(isNew ? section : group.node);
      } else {
        this.leaves.delete(leafId(kind, id));
      }
    }
    // A refreshed section refreshes its groups.
    if (nodes.has(section)) for (const node of [...nodes]) if (node.type === 'group' && node.kind === kind) nodes.delete(node);
  }
}

/** Registers the "People & Places" view; it refreshes with the corpus and marks the timeline's filter. */
export function registerPeopleView(context: vscode.ExtensionContext, model: CorpusModel, timeline: TimelineView): void {
  context.subscriptions.push(new PeopleView(model, timeline));
}

function leafId(kind: 'person' | 'place', id: string): string {
  return `attache.${kind === 'person' ? 'people/person' : 'places/place'}/${id}`;
}

function countryKey(person: CorpusPerson): string {
  return person.country ?? UNKNOWN_COUNTRY;
}

function placeTypeKey(place: CorpusPlace): string {
  return PLACE_GROUPS.some(([known]) => known === place.placeType) ? place.placeType! : 'other';
}

function placeGroupOrder(key: string): number {
  return PLACE_GROUPS.findIndex(([type]) => type === key);
}

function compareCountries(a: string, b: string): number {
  return a === UNKNOWN_COUNTRY ? 1 : b === UNKNOWN_COUNTRY ? -1 : a.localeCompare(b);
}

function byName(a: { name: string; id: string }, b: { name: string; id: string }): number {
  return a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function personTooltip(person: CorpusPerson, meetings: number): vscode.MarkdownString {
  const tooltip = safeMarkdown();
  tooltip.appendMarkdown(`**${escapeMarkdown(person.name)}**${person.country ? ` · ${escapeMarkdown(person.country)}` : ''}\n\n`);
  // The latest few roles: a tooltip is no place for a whole career.
  const roles = person.roles.slice(-4);
  if (person.roles.length > roles.length) tooltip.appendMarkdown(`- …${countOf(person.roles.length - roles.length, 'earlier role')}\n`);
  for (const role of roles) {
    const tenure = formatTenure(role.from, role.to);
    const source = role.fromKnowledgeFile ? ' *(your knowledge file)*' : role.source === 'knowledge-base' ? ' *(knowledge base)*' : '';
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
