'use strict';
// What the corpus generator writes about, read from the project's own data: the officials of the
// knowledge base (data/kb/*.json) with their dated roles, its summits and dated meetings
// (data/kb/events.json), and the gazetteer's countries and cities (data/gazetteer/).

const fs = require('fs');
const path = require('path');

const repoRoot = path.resolve(__dirname, '..', '..');
const DAY_MS = 86400000;

/** Articles are dated between these days (inclusive), so every role used has a known holder. */
const FIRST_DAY = toDay('2001-01-01');
const LAST_DAY = toDay('2025-12-31');

/** Days since 1970-01-01 of a knowledge-base date ("2013", "2013-03", "2013-03-14"); `end` reads a partial date as its last day. */
function toDay(text, end = false) {
  const [year, month, day] = String(text).split('-').map(Number);
  if (day) return Date.UTC(year, month - 1, day) / DAY_MS;
  if (month) return end ? Date.UTC(year, month, 0) / DAY_MS : Date.UTC(year, month - 1, 1) / DAY_MS;
  return end ? Date.UTC(year, 11, 31) / DAY_MS : Date.UTC(year, 0, 1) / DAY_MS;
}

function dateOf(day) {
  return new Date(day * DAY_MS);
}

function readJson(...parts) {
  return JSON.parse(fs.readFileSync(path.join(repoRoot, ...parts), 'utf8'));
}

/** How newsworthy an office is: how often its holder leads a story. */
const TITLE_WEIGHT = {
  President: 6,
  'Prime Minister': 5,
  Chancellor: 5,
  Premier: 4,
  'Secretary of State': 6,
  'Foreign Minister': 4,
  'Foreign Secretary': 4,
  'External Affairs Minister': 4,
  'Vice Premier': 2.5,
  'Vice President': 2,
  'State Councilor': 2,
  'Treasury Secretary': 3,
  'Defense Secretary': 3,
  'Defense Minister': 2,
  'Defence Secretary': 2,
  'National Security Adviser': 3,
  'Trade Representative': 2,
  'Commerce Secretary': 2,
  'Commerce Minister': 2,
  'Finance Minister': 2,
  'Chancellor of the Exchequer': 2,
  'Climate Envoy': 2,
  'Ambassador to China': 1.5,
  'Ambassador to the United States': 1,
  'High Representative for Foreign Affairs': 2,
  'President of the European Commission': 2.5,
  'President of the European Council': 2,
  'Chairperson of the African Union Commission': 1,
  'Director of the Central Foreign Affairs Commission Office': 3,
  'First Lady': 0.3,
  'Acting President': 0.2,
  'Acting Prime Minister': 0.2,
};

const COUNTRY_WEIGHT = {
  'United States': 5,
  China: 5,
  Russia: 2.5,
  'United Kingdom': 2,
  Japan: 2,
  Germany: 2,
  France: 2,
  India: 2,
  'South Korea': 1.5,
  'European Union': 1.5,
};

/** Which offices meet which: a foreign minister mostly meets foreign ministers and heads of government. */
const LEVEL_OF = {
  President: 'head',
  'Prime Minister': 'head',
  Chancellor: 'head',
  Premier: 'head',
  King: 'head',
  'Crown Prince': 'head',
  Emperor: 'head',
  'Acting President': 'head',
  'Acting Prime Minister': 'head',
  'President of the European Commission': 'head',
  'President of the European Council': 'head',
  'Vice President': 'minister',
  'Vice Premier': 'economy',
  'State Councilor': 'minister',
  'Secretary of State': 'minister',
  'Foreign Minister': 'minister',
  'Foreign Secretary': 'minister',
  'External Affairs Minister': 'minister',
  'High Representative for Foreign Affairs': 'minister',
  'Director of the Central Foreign Affairs Commission Office': 'minister',
  'Chairperson of the African Union Commission': 'minister',
  'Deputy Secretary of State': 'envoy',
  'Treasury Secretary': 'economy',
  'Finance Minister': 'economy',
  'Chancellor of the Exchequer': 'economy',
  'Commerce Secretary': 'economy',
  'Commerce Minister': 'economy',
  'Trade Representative': 'economy',
  'International Trade Representative': 'economy',
  'Defense Secretary': 'security',
  'Defense Minister': 'security',
  'Defence Secretary': 'security',
  'National Security Adviser': 'security',
  'Chairman of the Joint Chiefs of Staff': 'security',
  'Ambassador to China': 'envoy',
  'Ambassador to the United States': 'envoy',
  'Climate Envoy': 'envoy',
};

/** The office whose holder "leads" a country in a story, in order of preference. */
const HEAD_TITLES = {
  default: ['President', 'Prime Minister', 'Chancellor'],
  'United Kingdom': ['Prime Minister'],
  Japan: ['Prime Minister'],
  India: ['Prime Minister'],
  Italy: ['Prime Minister'],
  Canada: ['Prime Minister'],
  Australia: ['Prime Minister'],
  Germany: ['Chancellor'],
  'Saudi Arabia': ['Crown Prince', 'King'],
  'European Union': ['President of the European Commission'],
};

/** Cities a story would not be datelined in (boroughs and suburbs of bigger ones). */
const NOT_DATELINES = new Set(['Brooklyn', 'Queens', 'Manhattan', 'The Bronx', 'Staten Island', 'Nanchong', 'Dongguan', 'Ecatepec', 'Antwerpen']);

/** Seats of organisations that are not countries. */
const SEATS = { 'European Union': ['Brussels'], 'African Union': ['Addis Ababa'] };

function loadNewsData() {
  const kbDir = path.join(repoRoot, 'data', 'kb');
  const officials = [];
  for (const file of fs.readdirSync(kbDir).filter((f) => f.endsWith('.json')).sort()) {
    const json = readJson('data', 'kb', file);
    if (json.schema !== 'attache-officials/1') continue;
    for (const entry of json.officials) {
      const roles = [];
      for (const role of entry.roles) {
        if (!role.from) continue;
        const from = Math.max(FIRST_DAY, toDay(role.from));
        const to = Math.min(LAST_DAY, role.to ? toDay(role.to, true) : LAST_DAY);
        if (from > to) continue;
        roles.push({ title: role.title, country: role.country, from, to });
      }
      if (roles.length === 0) continue;
      officials.push({ id: entry.id, name: entry.name, aliases: entry.aliases, familyNameFirst: entry.familyNameFirst, surname: surnameOf(entry), roles });
    }
  }
  const byId = new Map(officials.map((o) => [o.id, o]));

  const roleEntries = [];
  for (const official of officials) {
    for (const role of official.roles) {
      const weight = (TITLE_WEIGHT[role.title] ?? 1) * (COUNTRY_WEIGHT[role.country] ?? 1);
      roleEntries.push({ official, role, weight, level: LEVEL_OF[role.title] ?? 'other' });
    }
  }

  const countries = new Map(readJson('data', 'gazetteer', 'countries.json').map((c) => [c.name, c]));
  const citiesByCountry = new Map();
  for (const [name, country] of readJson('data', 'gazetteer', 'cities.json')) {
    if (NOT_DATELINES.has(name) || /\d/.test(name)) continue;
    if (!citiesByCountry.has(country)) citiesByCountry.set(country, []);
    const list = citiesByCountry.get(country);
    if (list.length < 8) list.push(name);
  }

  const events = readJson('data', 'kb', 'events.json').events
    .map((event) => ({ ...event, fromDay: toDay(event.from), toDay: toDay(event.to, true) }))
    .filter((event) => event.fromDay >= FIRST_DAY && event.toDay <= LAST_DAY && event.place);
  const summits = events.filter((event) => event.participants.length === 0);
  const knownMeetings = events.filter((event) => event.participants.length >= 2 && event.participants.every((id) => byId.has(id)));

  return { officials, byId, roleEntries, countries, citiesByCountry, summits, knownMeetings };
}

/** The one-word form a story uses after the first mention: "Xi", "Blinken", "Lula". */
function surnameOf(entry) {
  const tokens = entry.name.split(/\s+/);
  const guess = entry.familyNameFirst ? tokens[0] : tokens[tokens.length - 1];
  const single = (entry.aliases ?? []).filter((alias) => !/\s/.test(alias) && !/^[A-Z]{2,}$/.test(alias));
  if (single.includes(guess)) return guess;
  return single.find((alias) => entry.name.includes(alias)) ?? single[0] ?? guess;
}

module.exports = { loadNewsData, toDay, dateOf, DAY_MS, FIRST_DAY, LAST_DAY, HEAD_TITLES, SEATS };
