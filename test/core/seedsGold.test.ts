import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Engine } from '../../src/core/analyze';
import { ArticleAnalysis, Entity, Span } from '../../src/core/types';
import gold from '../fixtures/seeds.gold.json';

interface GoldMeeting {
  participants: string[];
  place: string | null;
  date: string | null;
  status: string;
}

const engine = new Engine();
const analyses = new Map<string, ArticleAnalysis>();
for (const article of gold.articles) {
  const text = fs.readFileSync(path.join('seeds', article.file), 'utf8');
  analyses.set(article.file, engine.analyze({ uri: `seeds/${article.file}`, text, version: 1 }));
}

function person(analysis: ArticleAnalysis, name: string): Entity | undefined {
  return analysis.entities.find((e) => e.kind === 'person' && e.name === name);
}

/** Every whole-word occurrence of each form; where forms overlap the longest wins. */
function occurrences(text: string, forms: string[]): Span[] {
  const found: Span[] = [];
  for (const form of [...forms].sort((a, b) => b.length - a.length)) {
    const escaped = form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    for (const m of text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'gu'))) {
      const span = { start: m.index!, end: m.index! + form.length };
      if (!found.some((f) => f.start < span.end && span.start < f.end)) found.push(span);
    }
  }
  return found;
}

const key = (s: Span) => `${s.start}:${s.end}`;

describe('seed articles against the gold standard', () => {
  for (const article of gold.articles) {
    describe(article.file, () => {
      const analysis = () => analyses.get(article.file)!;

      it(`dates the article ${article.date.required}`, () => {
        const value = analysis().date.value;
        assert.ok(value && value.startsWith(article.date.required), `got ${value} (${analysis().date.basis})`);
      });

      for (const gp of article.people) {
        it(`finds ${gp.name} as ${gp.role}, ${gp.country}`, () => {
          const found = person(analysis(), gp.name);
          assert.ok(found, `people found: ${analysis().entities.filter((e) => e.kind === 'person').map((e) => e.name).join(', ')}`);
          const role = found.roles[0];
          assert.ok(role, `${gp.name} has no role`);
          assert.strictEqual(role.title.toLowerCase(), gp.role.toLowerCase());
          assert.strictEqual(role.country, gp.country);
        });
      }

      it('finds every required place', () => {
        const names = analysis().entities.filter((e) => e.kind === 'place').map((e) => e.name);
        for (const place of article.places.required) assert.ok(names.includes(place.name), `${place.name} missing from ${names.join(', ')}`);
      });

      for (const meeting of article.meetings.required as GoldMeeting[]) {
        it(`finds the ${meeting.status} meeting of ${meeting.participants.join(' and ')}`, () => {
          const wanted = [...meeting.participants].sort().join('|');
          const candidates = analysis().meetings.filter((m) => [...m.participants].sort().join('|') === wanted && m.status === meeting.status);
          assert.ok(candidates.length > 0, `meetings found: ${JSON.stringify(analysis().meetings.map((m) => [m.participants, m.status]))}`);
          const match = candidates.find((m) => m.place === meeting.place && (meeting.date === null || (m.date.value ?? '').startsWith(meeting.date)));
          assert.ok(match, `wanted ${meeting.place} ${meeting.date}; got ${JSON.stringify(candidates.map((m) => [m.place, m.date.value]))}`);
        });
      }
    });
  }

  it('finds at least 98 % of the gold person and place mentions, and at least 97 % of its own are right', () => {
    let goldCount = 0;
    let found = 0;
    let predicted = 0;
    let correct = 0;
    const misses: string[] = [];
    const wrong: string[] = [];
    for (const article of gold.articles) {
      const text = fs.readFileSync(path.join('seeds', article.file), 'utf8');
      const analysis = analyses.get(article.file)!;
      const required = [...article.people.flatMap((p) => p.mentions), ...article.places.required.flatMap((p) => p.mentions)];
      const goldSpans = occurrences(text, required);
      const allowed = new Set([...goldSpans, ...occurrences(text, [...required, ...article.places.optional])].map(key));
      const goldPeople = new Set(article.people.map((p) => p.name));
      const mine = analysis.entities.filter((e) => e.kind === 'person' || e.kind === 'place');
      const mineSpans = new Set(mine.flatMap((e) => e.mentions.map(key)));
      goldCount += goldSpans.length;
      for (const span of goldSpans) {
        if (mineSpans.has(key(span))) found++;
        else misses.push(`${article.file}: ${text.slice(span.start, span.end)}`);
      }
      for (const entity of mine) {
        for (const span of entity.mentions) {
          predicted++;
          // A title alone ("the vice premier") linked to the right person counts as a correct mention.
          const linkedTitle = entity.kind === 'person' && goldPeople.has(entity.name) && !/^\p{Lu}/u.test(text.slice(span.start, span.end));
          if (allowed.has(key(span)) || linkedTitle) correct++;
          else wrong.push(`${article.file}: ${text.slice(span.start, span.end)} (${entity.kind})`);
        }
      }
    }
    const recall = found / goldCount;
    const precision = correct / predicted;
    assert.ok(recall >= 0.98, `recall ${recall.toFixed(3)}; missed ${misses.join('; ')}`);
    assert.ok(precision >= 0.97, `precision ${precision.toFixed(3)}; wrong ${wrong.join('; ')}`);
  });
});
