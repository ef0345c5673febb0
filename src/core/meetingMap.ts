import { compareEvents, TimelineEvent } from './corpus';
import { MeetingKind, MeetingStatus } from './types';

/** Rows the timeline chart and nodes the network draw at most: the people with the most meetings. */
export const MAX_PEOPLE = 40;
/** Marks drawn at most: the latest ones in timeline order. */
export const MAX_MARKS = 1000;
/** The year group of events with no date at all; it closes the chart. */
export const UNDATED_GROUP = 'Undated';

/** The legend's name of each kind of meeting, in legend order; typed so that a new kind needs one here. */
const KIND_LABELS: Readonly<Record<MeetingKind, string>> = {
  meeting: 'Meeting',
  talks: 'Talks',
  call: 'Call',
  visit: 'Visit',
  summit: 'Summit',
};

/** A person drawn as a row of the timeline chart and a node of the network. */
export interface MapPerson {
  id: string;
  name: string;
  /** Meetings drawn that the person took part in. */
  meetings: number;
}

/** Consecutive columns of one year ("2009"), or of the undated events. */
export interface MapGroup {
  label: string;
  /** The first column of the group and how many follow it. */
  first: number;
  count: number;
}

/** One meeting: one column of the timeline chart, with a dot on each participant's row. */
export interface MapMark {
  eventId: string;
  column: number;
  /** "2023-09-18", "2023-09", "2009" or "undated". */
  date: string;
  kind: MeetingKind;
  status: MeetingStatus;
  /** Indexes into `people` of the participants drawn, in row order. */
  people: number[];
  /** "2023-09-18 · meeting: Han Zheng — Antony Blinken in New York" */
  label: string;
}

/**
 * Who met whom: two people (indexes into `people`, a < b) and how many marks they share. The
 * marks themselves are not listed, as a summit of many would repeat its id for every pair:
 * marksOf finds them.
 */
export interface MapEdge {
  a: number;
  b: number;
  count: number;
}

/** A kind of meeting as the legend names it; marks of the kind have the class `kind-<kind>`. */
export interface MapKind {
  kind: MeetingKind;
  label: string;
}

/** Where a person's node goes in the network, in the unit square. */
export interface MapPoint {
  x: number;
  y: number;
}

/** Everything the meeting map draws, computed from timeline events; plain data, sent to the webview as is. */
export interface MeetingMapModel {
  title: string;
  /** People in order of their first meeting drawn, which is the row order. */
  people: MapPerson[];
  /** Network positions, parallel to people. */
  positions: MapPoint[];
  groups: MapGroup[];
  marks: MapMark[];
  edges: MapEdge[];
  /** Every kind of meeting, for the legend. */
  kinds: MapKind[];
  /** What the caps left out: events with none of the people drawn or beyond MAX_MARKS, and people beyond MAX_PEOPLE. */
  omitted: { events: number; people: number };
}

export interface MeetingMapOptions {
  title: string;
  maxPeople?: number;
  maxMarks?: number;
}

interface PersonTally {
  id: string;
  name: string;
  count: number;
  first: number;
}

/**
 * The meeting map of some timeline events (the corpus's, or a filter's): a column per event in
 * timeline order, grouped by year with undated events last; a row per person, ordered by first
 * meeting; and the network of who met whom, with an edge per pair of participants of an event.
 * Large corpora are capped to the MAX_PEOPLE people with the most meetings and the latest
 * MAX_MARKS of their events, and the model says how much was left out.
 */
export function buildMeetingMap(events: readonly TimelineEvent[], options: MeetingMapOptions): MeetingMapModel {
  const maxPeople = options.maxPeople ?? MAX_PEOPLE;
  const maxMarks = options.maxMarks ?? MAX_MARKS;
  const ordered = [...events].sort(compareEvents);

  const tallies = new Map<string, PersonTally>();
  ordered.forEach((event, index) => {
    for (const id of new Set(event.participantIds)) {
      const tally = tallies.get(id);
      if (tally) tally.count++;
      else tallies.set(id, { id, name: event.participants[event.participantIds.indexOf(id)] ?? id, count: 1, first: index });
    }
  });
  const chosen = [...tallies.values()].sort((a, b) => b.count - a.count || a.first - b.first).slice(0, maxPeople);
  const drawn = new Set(chosen.map((tally) => tally.id));
  const withPeople = ordered.filter((event) => event.participantIds.some((id) => drawn.has(id)));
  const shown = withPeople.slice(Math.max(0, withPeople.length - maxMarks));

  // Rows follow the first meeting drawn, and the order its participants are named in, so the chart
  // reads as a diagonal from the earliest contacts.
  const firstShown = new Map<string, number>();
  for (const event of shown) {
    for (const id of event.participantIds) if (drawn.has(id) && !firstShown.has(id)) firstShown.set(id, firstShown.size);
  }
  const rows = chosen.filter((tally) => firstShown.has(tally.id)).sort((a, b) => firstShown.get(a.id)! - firstShown.get(b.id)!);
  const rowOf = new Map(rows.map((tally, index) => [tally.id, index]));
  const people: MapPerson[] = rows.map((tally) => ({ id: tally.id, name: tally.name, meetings: 0 }));

  const marks: MapMark[] = [];
  const groups: MapGroup[] = [];
  const edges = new Map<string, MapEdge>();
  shown.forEach((event, column) => {
    const drawnRows = [...new Set(event.participantIds.flatMap((id) => (rowOf.has(id) ? [rowOf.get(id)!] : [])))].sort((a, b) => a - b);
    for (const row of drawnRows) people[row].meetings++;
    marks.push({ eventId: event.id, column, date: event.date.value ?? 'undated', kind: event.kind, status: event.status, people: drawnRows, label: markLabel(event) });

    const group = groupOf(event);
    const last = groups[groups.length - 1];
    if (last?.label === group) last.count++;
    else groups.push({ label: group, first: column, count: 1 });

    for (let i = 0; i < drawnRows.length; i++) {
      for (let j = i + 1; j < drawnRows.length; j++) {
        const key = `${drawnRows[i]}:${drawnRows[j]}`;
        const edge = edges.get(key);
        if (edge) edge.count++;
        else edges.set(key, { a: drawnRows[i], b: drawnRows[j], count: 1 });
      }
    }
  });

  const edgeList = [...edges.values()];
  return {
    title: options.title,
    people,
    positions: layoutNetwork(people.length, edgeList),
    groups,
    marks,
    edges: edgeList,
    kinds: Object.entries(KIND_LABELS).map(([kind, label]) => ({ kind: kind as MeetingKind, label })),
    omitted: { events: ordered.length - shown.length, people: tallies.size - people.length },
  };
}

/** The marks of the meetings an edge stands for, in timeline order. */
export function marksOf(model: MeetingMapModel, edge: MapEdge): MapMark[] {
  return model.marks.filter((mark) => mark.people.includes(edge.a) && mark.people.includes(edge.b));
}

/** "2023-09-18 · planned talks: Xi Jinping — Joe Biden in San Francisco · 2 sources" */
function markLabel(event: TimelineEvent): string {
  const what = event.status === 'planned' ? `planned ${event.kind}` : event.kind;
  const who = event.participants.length > 0 ? event.participants.join(' — ') : event.label;
  const where = event.place ? ` in ${event.place}` : '';
  const sources = event.sources.length > 1 ? ` · ${event.sources.length} sources` : '';
  return `${event.date.value ?? 'undated'} · ${what}: ${who}${where}${sources}`;
}

function groupOf(event: TimelineEvent): string {
  const value = event.date.value ?? event.date.earliest;
  return value === null ? UNDATED_GROUP : value.slice(0, 4);
}

const LAYOUT_ROUNDS = 300;
/** How hard everyone is pulled to the centre: enough to keep loners near, too little to crowd a group. */
const GRAVITY = 0.05;
/** People push apart only within this many ideal distances, so unconnected groups do not drift to the edges. */
const REPULSION_RANGE = 4;

/**
 * A force-directed layout (Fruchterman and Reingold) of `count` nodes: connected people pull
 * together, people near each other push apart, and a weak pull to the centre keeps unconnected
 * groups and loners close by.
 * It starts from a circle in row order and uses no randomness, so the same corpus always gives
 * the same picture. Positions are scaled to fill the unit square.
 */
export function layoutNetwork(count: number, edges: readonly MapEdge[]): MapPoint[] {
  if (count === 0) return [];
  if (count === 1) return [{ x: 0.5, y: 0.5 }];
  const x = Array.from({ length: count }, (_, i) => 0.5 + 0.4 * Math.cos((2 * Math.PI * i) / count));
  const y = Array.from({ length: count }, (_, i) => 0.5 + 0.4 * Math.sin((2 * Math.PI * i) / count));
  const ideal = 1 / Math.sqrt(count);
  let step = 0.1;
  for (let round = 0; round < LAYOUT_ROUNDS; round++) {
    const dx = new Array<number>(count).fill(0);
    const dy = new Array<number>(count).fill(0);
    for (let i = 0; i < count; i++) {
      for (let j = i + 1; j < count; j++) {
        const ex = x[i] - x[j];
        const ey = y[i] - y[j];
        const distance = Math.max(Math.hypot(ex, ey), 1e-3);
        if (distance > REPULSION_RANGE * ideal) continue;
        const push = (ideal * ideal) / distance / distance;
        dx[i] += ex * push;
        dy[i] += ey * push;
        dx[j] -= ex * push;
        dy[j] -= ey * push;
      }
    }
    for (const edge of edges) {
      const ex = x[edge.a] - x[edge.b];
      const ey = y[edge.a] - y[edge.b];
      const pull = (Math.hypot(ex, ey) / ideal) * (1 + Math.log(edge.count));
      dx[edge.a] -= ex * pull;
      dy[edge.a] -= ey * pull;
      dx[edge.b] += ex * pull;
      dy[edge.b] += ey * pull;
    }
    for (let i = 0; i < count; i++) {
      dx[i] += (0.5 - x[i]) * GRAVITY;
      dy[i] += (0.5 - y[i]) * GRAVITY;
      const length = Math.hypot(dx[i], dy[i]);
      if (length === 0) continue;
      const move = Math.min(length, step);
      x[i] += (dx[i] / length) * move;
      y[i] += (dy[i] / length) * move;
    }
    step = Math.max(step * 0.98, 0.002);
  }
  return fitToUnitSquare(x, y);
}

function fitToUnitSquare(x: number[], y: number[]): MapPoint[] {
  const scale = (values: number[]) => {
    const low = Math.min(...values);
    const span = Math.max(...values) - low;
    return (value: number) => (span < 1e-9 ? 0.5 : (value - low) / span);
  };
  const sx = scale(x);
  const sy = scale(y);
  return x.map((_, i) => ({ x: round(sx(x[i])), y: round(sy(y[i])) }));
}

/** Four decimals are finer than any pixel and keep the message small. */
function round(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}
