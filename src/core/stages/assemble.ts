import { ArticleContext, Stage } from '../article';
import { Mention } from '../entities';
import { uniqueIds } from '../ids';
import { isAllCaps } from '../tokens';
import { DateValue, Entity, Meeting, Role } from '../types';
import { countryOf } from './people';

/** The article's entities with their mentions and roles, and its meetings with one statement each. */
export const assembleStage: Stage = {
  name: 'assemble',
  run(context) {
    context.meetings = mergeMeetings(context.meetings);
    context.visits = mergeMeetings(context.visits);
  },
};

/**
 * The article's entities. Ids come from names, the same for the same name in every article; two
 * people of one article under one name (which the people stage could not tell apart or join)
 * get "~2", "~3" in reading order, so ids stay unique and, for unchanged text, the same.
 */
export function entitiesOf(context: ArticleContext): Entity[] {
  const entities: Entity[] = [];
  const uniqueId = uniqueIds('~');
  for (const person of context.people) {
    const name = person.official?.name ?? person.fullName;
    entities.push({
      id: uniqueId(`person:${slug(name)}`),
      kind: 'person',
      name,
      roles: person.titles.map((t): Role => ({ title: t.title, country: t.country, source: t.span.start >= 0 ? 'text' : 'knowledge-base', ...(t.span.start >= 0 ? { span: t.span } : {}) })),
      mentions: person.mentions.map((m) => ({ start: m.start, end: m.end })).sort((a, b) => a.start - b.start),
      ...(person.titleOnly.length > 0 ? { titleMentions: [...person.titleOnly].sort((a, b) => a.start - b.start) } : {}),
      country: countryOf(person),
      ...(person.official ? { kbId: person.official.id, aliases: [person.official.name, ...person.official.aliases] } : {}),
    });
  }
  // Places and organizations are one entity per id: "NATO" and "Nato", "MILAN" and "Milan" are one.
  const byId = new Map<string, Entity>();
  for (const m of context.mentions) {
    if (m.kind === 'person' || (m.nested && !isCountry(m))) continue;
    const id = `${m.kind}:${slug(m.key)}`;
    let entity = byId.get(id);
    if (entity && isAllCaps(entity.name) && !isAllCaps(m.key)) entity.name = m.key;
    if (!entity) {
      entity = { id: uniqueId(id), kind: m.kind, name: m.key, roles: [], mentions: [] };
      if (m.place) {
        entity.placeType = m.place.type;
        entity.country = m.place.country ?? (m.place.type === 'country' ? m.place.name : null);
      }
      byId.set(id, entity);
      entities.push(entity);
    }
    entity.mentions.push({ start: m.start, end: m.end });
  }
  return entities;
}

/** How many earlier meetings of a person one meeting is compared with: one event is restated close by. */
const MERGE_REACH = 32;

function precisionRank(d: DateValue): number {
  return d.precision === 'day' ? 3 : d.precision === 'month' ? 2 : d.precision === 'year' ? 1 : 0;
}

function datesCompatible(a: DateValue, b: DateValue): boolean {
  if (!a.value || !b.value) return true;
  return a.value.startsWith(b.value) || b.value.startsWith(a.value);
}

/**
 * One meeting stated several times ("Han met Blinken", "the talks between Han and Blinken") is one
 * meeting; so is a pair stated again inside a joint meeting of the same status and date.
 */
function mergeMeetings(meetings: Meeting[]): Meeting[] {
  const bySize = [...meetings].sort((a, b) => b.participants.length - a.participants.length || a.evidence.start - b.evidence.start);
  const merged: Meeting[] = [];
  // Kept meetings by their first participant; only the latest few are compared, so merging stays linear.
  const byParticipant = new Map<string, Meeting[]>();
  for (const m of bySize) {
    const same = (byParticipant.get(m.participants[0]) ?? []).slice(-MERGE_REACH).find(
      (o) =>
        m.participants.every((p) => o.participants.includes(p)) &&
        o.status === m.status &&
        datesCompatible(o.date, m.date) &&
        (!o.place || !m.place || o.place === m.place),
    );
    if (!same) {
      const kept = { ...m };
      merged.push(kept);
      for (const p of kept.participants) {
        const list = byParticipant.get(p);
        if (list) list.push(kept);
        else byParticipant.set(p, [kept]);
      }
      continue;
    }
    same.place ??= m.place;
    if (precisionRank(m.date) > precisionRank(same.date)) same.date = m.date;
  }
  return merged.sort((a, b) => a.evidence.start - b.evidence.start);
}

function slug(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9\p{L}]+/gu, '-')
    .replace(/^-|-$/g, '');
  // A name of no letters or digits (symbols only) still needs an id.
  return words || 'unnamed';
}

/**
 * A city inside an organization's name is part of that name ("New York Stock Exchange", "Real
 * Madrid"); a country is still a mention of the country ("the U.S. Embassy", "Communist Party of China").
 */
const isCountry = (m: Mention) => m.place?.type === 'country';
