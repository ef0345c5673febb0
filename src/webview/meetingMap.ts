// The meeting map's webview: draws the model the extension sends as two linked SVG pictures, a
// timeline chart and the network of who met whom, and reports clicks back as typed messages.
// Every piece of text from the corpus goes in through textContent or an attribute value, never
// as markup.
import type { MapEdge, MapKind, MapMark, MeetingMapModel } from '../core/meetingMap';
import type { FromWebview, RenderMessage } from '../core/meetingMapProtocol';

declare function acquireVsCodeApi(): { postMessage(message: FromWebview): void };

const vscode = acquireVsCodeApi();
const SVG = 'http://www.w3.org/2000/svg';

// Timeline chart geometry, in pixels.
const LABEL_WIDTH = 170;
const ROW_HEIGHT = 24;
const COLUMN_WIDTH = 20;
const GROUP_GAP = 14;
/** A year group is at least this wide, so its label fits. */
const GROUP_MIN_WIDTH = 40;
const AXIS_HEIGHT = 28;
const DOT_RADIUS = 5;
const NAME_CHARACTERS = 24;

// Network geometry, in pixels: the picture fills its box, and is drawn again when the box resizes.
const NETWORK_MIN_WIDTH = 300;
const NETWORK_MIN_HEIGHT = 260;
const NETWORK_MARGIN = 60;

/** What is drawn for each person, to highlight them in both pictures at once. */
interface PersonElements {
  row: SVGGElement;
  node: SVGGElement;
  marks: SVGGElement[];
  edges: SVGGElement[];
}

let people: PersonElements[] = [];
let personIds: string[] = [];
/** The person chosen by a click, kept across redraws while the corpus changes. */
let selectedId: string | undefined;
/** The message last drawn, to draw again when the window resizes. */
let shown: RenderMessage | undefined;

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>, parent?: Element): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  parent?.appendChild(element);
  return element;
}

function text(parent: Element, content: string, attributes: Record<string, string | number>): SVGTextElement {
  const element = svg('text', attributes, parent);
  element.textContent = content;
  return element;
}

function shortName(name: string): string {
  return name.length > NAME_CHARACTERS ? `${name.slice(0, NAME_CHARACTERS - 1)}…` : name;
}

/** Makes an SVG group act as a button: focusable, named for screen readers, with a tooltip. */
function actionable(element: SVGGElement, label: string, activate: () => void): void {
  element.setAttribute('tabindex', '0');
  element.setAttribute('role', 'button');
  element.setAttribute('aria-label', label);
  svg('title', {}, element).textContent = label;
  element.addEventListener('click', activate);
  element.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    activate();
  });
}

function render(message: RenderMessage): void {
  shown = message;
  const model = message.model;
  byId('title').textContent = model.title;
  drawLegend(model.kinds);
  const note = byId('note');
  const omitted: string[] = [];
  if (model.omitted.people > 0) omitted.push(`${model.omitted.people} people with fewer meetings`);
  if (model.omitted.events > 0) omitted.push(`${model.omitted.events} earlier meetings`);
  note.textContent = omitted.length > 0 ? `Not shown: ${omitted.join(' and ')}. Filter the Timeline by a person or place to see theirs.` : '';
  note.hidden = omitted.length === 0;

  personIds = model.people.map((person) => person.id);
  people = [];
  const chart = byId('chart');
  const network = byId('network');
  chart.replaceChildren();
  network.replaceChildren();
  if (model.marks.length === 0) {
    const empty = document.createElement('p');
    empty.className = 'empty';
    empty.textContent = 'No meetings to show yet. Attaché lists the meetings of the articles in your workspace here as it reads them.';
    chart.appendChild(empty);
    return;
  }
  // A click names its mark or edge by index in this model, and says which model it is.
  const rows = drawChart(chart, model, (mark) => vscode.postMessage({ type: 'openMark', version: message.version, mark }));
  const nodes = drawNetwork(network, model, (edge) => vscode.postMessage({ type: 'pickEdge', version: message.version, edge }));
  people = rows.map((row, index) => ({ row, node: nodes[index], marks: [], edges: [] }));
  for (const mark of chart.querySelectorAll<SVGGElement>('g.mark')) {
    for (const row of (mark.dataset.people ?? '').split(' ').filter(Boolean)) people[Number(row)].marks.push(mark);
  }
  for (const edge of network.querySelectorAll<SVGGElement>('g.edge')) {
    people[Number(edge.dataset.a)].edges.push(edge);
    people[Number(edge.dataset.b)].edges.push(edge);
  }
  highlight(selectedId === undefined ? undefined : personIds.indexOf(selectedId));
}

/** Columns left to right in timeline order, a gap between years; returns the row label of each person. */
function drawChart(container: HTMLElement, model: MeetingMapModel, openMark: (index: number) => void): SVGGElement[] {
  const columnX: number[] = [];
  let x = LABEL_WIDTH;
  const groupSpans = model.groups.map((group) => {
    const width = Math.max(group.count * COLUMN_WIDTH, GROUP_MIN_WIDTH);
    for (let i = 0; i < group.count; i++) columnX[group.first + i] = x + COLUMN_WIDTH / 2 + i * COLUMN_WIDTH;
    const span = { label: group.label, x, width };
    x += width + GROUP_GAP;
    return span;
  });
  const width = x;
  const height = AXIS_HEIGHT + model.people.length * ROW_HEIGHT + 8;
  const rowY = (row: number) => AXIS_HEIGHT + row * ROW_HEIGHT + ROW_HEIGHT / 2;

  const root = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'group', 'aria-label': 'Meetings over time, one row per person' }, container);
  const axis = svg('g', { class: 'axis' }, root);
  for (const span of groupSpans) {
    svg('line', { x1: span.x, x2: span.x + span.width, y1: AXIS_HEIGHT - 6, y2: AXIS_HEIGHT - 6 }, axis);
    text(axis, span.label, { x: span.x, y: AXIS_HEIGHT - 12 });
  }

  const rows = model.people.map((person, index) => {
    const row = svg('g', { class: 'row' }, root);
    svg('line', { class: 'guide', x1: LABEL_WIDTH, x2: width, y1: rowY(index), y2: rowY(index) }, row);
    const label = svg('g', { class: 'person' }, row);
    actionable(label, `${person.name}: ${plural(person.meetings, 'meeting')}`, () => select(index));
    linkOnHover(label, [index]);
    text(label, shortName(person.name), { x: LABEL_WIDTH - 10, y: rowY(index), 'text-anchor': 'end', 'dominant-baseline': 'middle' });
    return row;
  });

  const marks = svg('g', { class: 'marks' }, root);
  model.marks.forEach((mark, index) => drawMark(marks, mark, () => openMark(index), columnX[mark.column], rowY));
  return rows;
}

function drawMark(parent: SVGGElement, mark: MapMark, open: () => void, x: number, rowY: (row: number) => number): void {
  const group = svg('g', { class: `mark kind-${mark.kind} ${mark.status}` }, parent);
  group.dataset.people = mark.people.join(' ');
  actionable(group, mark.label, open);
  if (mark.people.length > 1) svg('line', { class: 'link', x1: x, x2: x, y1: rowY(mark.people[0]), y2: rowY(mark.people[mark.people.length - 1]) }, group);
  for (const row of mark.people) svg('circle', { cx: x, cy: rowY(row), r: DOT_RADIUS }, group);
  linkOnHover(group, mark.people);
}

/** Nodes sized by meetings, edges as thick as the meetings the two share; returns the node of each person. */
function drawNetwork(container: HTMLElement, model: MeetingMapModel, pickEdge: (index: number) => void): SVGGElement[] {
  const width = Math.max(container.clientWidth, NETWORK_MIN_WIDTH);
  const height = Math.max(Math.min(width * 0.75, window.innerHeight - 160), NETWORK_MIN_HEIGHT);
  const root = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'group', 'aria-label': 'Who met whom' }, container);
  const at = (index: number) => ({
    x: NETWORK_MARGIN + model.positions[index].x * (width - 2 * NETWORK_MARGIN),
    y: NETWORK_MARGIN / 2 + model.positions[index].y * (height - NETWORK_MARGIN),
  });
  const edges = svg('g', { class: 'edges' }, root);
  model.edges.forEach((edge, index) => drawEdge(edges, edge, () => pickEdge(index), model, at));
  const nodes = svg('g', { class: 'nodes' }, root);
  const labels: NodeLabel[] = [];
  const drawn = model.people.map((person, index) => {
    const { x, y } = at(index);
    const node = svg('g', { class: 'node' }, nodes);
    actionable(node, `${person.name}: ${plural(person.meetings, 'meeting')}`, () => select(index));
    const radius = 4 + 3 * Math.sqrt(person.meetings);
    svg('circle', { cx: x, cy: y, r: radius }, node);
    labels.push({ label: text(node, shortName(person.name), { x, y: y + radius + 12, 'text-anchor': 'middle' }), x, y, radius });
    linkOnHover(node, [index]);
    return node;
  });
  separateLabels(labels);
  return drawn;
}

/** Where a node's name starts out: under its node, centred. */
interface NodeLabel {
  label: SVGTextElement;
  x: number;
  y: number;
  radius: number;
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

function intersects(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/**
 * Names of nodes drawn close together would run into each other ("Antony BlinkenWang Yi") or
 * over a neighbour's circle: each name goes under its node, else above it, to its right or to
 * its left, the first place that is clear of the names already placed and of the other circles
 * (or, with none clear, the one that covers fewest). People are few (the model keeps 40 at
 * most), so every pair can be compared.
 */
function separateLabels(labels: readonly NodeLabel[]): void {
  const circles: Box[] = labels.map(({ x, y, radius }) => ({ x: x - radius, y: y - radius, width: 2 * radius, height: 2 * radius }));
  const placed: Box[] = [];
  labels.forEach(({ label, x, y, radius }, index) => {
    const positions: Array<Record<string, string | number>> = [
      { x, y: y + radius + 12, 'text-anchor': 'middle' },
      { x, y: y - radius - 5, 'text-anchor': 'middle' },
      { x: x + radius + 4, y: y + 4, 'text-anchor': 'start' },
      { x: x - radius - 4, y: y + 4, 'text-anchor': 'end' },
    ];
    const move = (position: Record<string, string | number>) => {
      for (const [name, value] of Object.entries(position)) label.setAttribute(name, String(value));
    };
    let best: { position: Record<string, string | number>; box: Box; covered: number } | undefined;
    for (const position of positions) {
      move(position);
      const box = label.getBBox();
      const covered = placed.filter((other) => intersects(box, other)).length + circles.filter((circle, other) => other !== index && intersects(box, circle)).length;
      if (!best || covered < best.covered) best = { position, box, covered };
      if (covered === 0) break;
    }
    if (best) {
      move(best.position);
      placed.push(best.box);
    }
  });
}

function drawEdge(parent: SVGGElement, edge: MapEdge, pick: () => void, model: MeetingMapModel, at: (index: number) => { x: number; y: number }): void {
  const a = at(edge.a);
  const b = at(edge.b);
  const group = svg('g', { class: 'edge' }, parent);
  group.dataset.a = String(edge.a);
  group.dataset.b = String(edge.b);
  const names = `${model.people[edge.a].name} and ${model.people[edge.b].name}`;
  actionable(group, `${names}: ${plural(edge.count, 'meeting')}`, pick);
  svg('line', { class: 'line', x1: a.x, y1: a.y, x2: b.x, y2: b.y, 'stroke-width': 1.5 + 2 * Math.log2(edge.count) }, group);
  // A wide transparent line makes a thin edge easy to hit.
  svg('line', { class: 'hit', x1: a.x, y1: a.y, x2: b.x, y2: b.y }, group);
  linkOnHover(group, [edge.a, edge.b]);
}

/** While the pointer or the keyboard focus is on an element, its people light up in both pictures. */
function linkOnHover(element: SVGGElement, indexes: number[]): void {
  element.addEventListener('mouseenter', () => lightUp(indexes));
  element.addEventListener('focus', () => lightUp(indexes));
  element.addEventListener('mouseleave', () => highlight(selectedIndex()));
  element.addEventListener('blur', () => highlight(selectedIndex()));
}

function selectedIndex(): number | undefined {
  const index = selectedId === undefined ? -1 : personIds.indexOf(selectedId);
  return index < 0 ? undefined : index;
}

/** A click on a person's row or node selects them in both pictures; a second click clears it. */
function select(index: number): void {
  selectedId = selectedId === personIds[index] ? undefined : personIds[index];
  highlight(selectedIndex());
}

function highlight(index: number | undefined): void {
  lightUp(index === undefined ? [] : [index]);
  for (const [i, person] of people.entries()) {
    const selected = i === index;
    person.row.classList.toggle('selected', selected);
    person.node.classList.toggle('selected', selected);
    person.node.setAttribute('aria-pressed', String(selected));
  }
}

/** Dims everything but the given people, their marks and the edges among them; none lights everything. */
function lightUp(indexes: number[]): void {
  document.body.classList.toggle('focusing', indexes.length > 0);
  for (const element of document.querySelectorAll('.lit')) element.classList.remove('lit');
  const chosen = new Set(indexes);
  for (const index of indexes) {
    const person = people[index];
    if (!person) continue;
    person.row.classList.add('lit');
    person.node.classList.add('lit');
    for (const mark of person.marks) mark.classList.add('lit');
    for (const edge of person.edges) {
      // With one person, all their edges; with several (a mark, an edge), the edges among them.
      if (chosen.size === 1 || (chosen.has(Number(edge.dataset.a)) && chosen.has(Number(edge.dataset.b)))) edge.classList.add('lit');
    }
  }
}

function drawLegend(kinds: readonly MapKind[]): void {
  const legend = byId('legend');
  legend.replaceChildren();
  const item = (label: string, classes: string) => {
    const entry = document.createElement('li');
    const swatch = svg('svg', { width: 14, height: 14, viewBox: '0 0 14 14', 'aria-hidden': 'true' }, entry);
    svg('g', { class: `swatch ${classes}` }, swatch).appendChild(svg('circle', { cx: 7, cy: 7, r: DOT_RADIUS }));
    entry.append(label);
    legend.appendChild(entry);
  };
  for (const { kind, label } of kinds) item(label, `kind-${kind} held`);
  item('Held (filled)', 'kind-none held');
  item('Planned (hollow)', 'kind-none planned');
}

function plural(count: number, noun: string): string {
  return `${count} ${count === 1 ? noun : `${noun}s`}`;
}

function byId(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (!element) throw new Error(`the page has no #${id}`);
  return element;
}

function isRenderMessage(value: unknown): value is RenderMessage {
  const message = value as Partial<RenderMessage> | null;
  return typeof message === 'object' && message !== null && message.type === 'render' && typeof message.version === 'number' && typeof message.model === 'object' && message.model !== null;
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (isRenderMessage(event.data)) render(event.data);
});
let resizing = 0;
window.addEventListener('resize', () => {
  cancelAnimationFrame(resizing);
  resizing = requestAnimationFrame(() => shown && render(shown));
});
document.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape' || selectedId === undefined) return;
  selectedId = undefined;
  highlight(undefined);
});
vscode.postMessage({ type: 'ready' });
