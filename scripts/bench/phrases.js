'use strict';
// Word pools for the corpus generator's prose: topics, quotes, background and closing lines.
// Each pool is large enough, and the pools combine, so that no two articles read alike.

const TOPICS = [
  'trade and investment',
  'climate change',
  'the situation on the Korean Peninsula',
  'the crisis in Ukraine',
  'maritime security',
  'nuclear non-proliferation',
  'counter-narcotics cooperation',
  'public health',
  'supply chain resilience',
  'energy security',
  'food security',
  'agricultural exports',
  'export controls on advanced semiconductors',
  'tariffs on steel and aluminium',
  'market access for financial services',
  'people-to-people exchanges',
  'student visas',
  'military-to-military communication',
  'cybersecurity',
  'artificial intelligence governance',
  'debt relief for developing countries',
  'the Middle East peace process',
  'the Iranian nuclear programme',
  'counterterrorism',
  'regional connectivity',
  'infrastructure financing',
  'the reform of the World Trade Organization',
  'global economic recovery',
  'the fight against fentanyl trafficking',
  'clean energy technology',
  'intellectual property protection',
  'the humanitarian situation in Gaza',
  'stability in the Taiwan Strait',
  'fisheries management',
  'space cooperation',
  'pandemic preparedness',
  'currency policy',
  'arms control',
  'sanctions enforcement',
  'tourism and civil aviation',
];

const COOPERATION_GOALS = [
  'deepen practical cooperation in {topic}',
  'keep channels of communication open at every level',
  'manage {our} differences in a responsible way',
  'build on the consensus reached by {our} leaders',
  'bring the relationship back onto a stable track',
  'expand two-way trade and investment',
  'strengthen coordination on {topic}',
  'find common ground on {topic}',
  'turn the agreements of our leaders into concrete results',
  'make sure competition does not veer into conflict',
  'work together on {topic} and {topic2}',
  'resume regular dialogue on {topic}',
  'open a new chapter in {our} partnership',
  'deliver real benefits to the people of both countries',
];

const SHARED_VIEWS = [
  'should respect each other\'s core interests and major concerns',
  'share broad common interests in {topic}',
  'must not let disagreements over {topic} define the relationship',
  'have every reason to be partners rather than rivals',
  'should treat each other as equals',
  'bear special responsibilities for peace and development',
  'need to step up coordination on {topic}',
  'had made steady progress on {topic} over the past year',
  'should avoid misunderstanding and miscalculation',
  'could do more together on {topic}',
];

const TALK_ADJECTIVES = [
  'candid and constructive',
  'frank, in-depth and productive',
  'substantive',
  'useful and forward-looking',
  'open and pragmatic',
  'businesslike',
  'positive and fruitful',
  'friendly and sincere',
  'direct but respectful',
];

const QUOTES = [
  'We are ready to {goal}',
  'Dialogue is always better than confrontation',
  'Our two countries have far more in common than what divides us',
  'The world is watching how we handle {topic}',
  'We have agreed to {goal}',
  'This visit shows that both sides want to {goal}',
  'There is no substitute for face-to-face diplomacy',
  'We cannot solve {topic} without each other',
  'I made clear that we will continue to raise our concerns about {topic}',
  'Progress on {topic} is in the interest of both our peoples',
  'We had a long discussion on {topic}, and we will continue it',
  'Stable relations between our countries matter for the whole region',
  'Neither side gains from a slide into confrontation',
  'We spoke frankly about the areas where we disagree',
  'Our partnership rests on mutual respect and mutual benefit',
  'We will judge progress by actions, not words',
  'The door to negotiations remains open',
  'Both of us know how much is at stake on {topic}',
  'We expect the working groups to report back within weeks',
  'I was encouraged by the tone of today\'s conversation',
  'This is a relationship that the whole world depends on',
  'We agreed that our teams will meet again soon on {topic}',
  'There are no quick fixes, but there is a path forward',
  'Our businesses and our farmers want predictability',
  'We have a shared interest in a peaceful and prosperous region',
  'Misunderstandings on {topic} can be dangerous, which is why we talk',
  'Today we took a step, not a leap',
  'We will continue to stand up for our interests and our values',
  'Cooperation on {topic} is not a favour to either side',
  'We owe it to the next generation to get {topic} right',
];

const ATTRIBUTIONS = [
  'said',
  'added',
  'stressed',
  'noted',
  'said in a statement',
  'told a joint news conference',
  'wrote on social media after the talks',
  'said in remarks broadcast by state television',
  'told journalists travelling with the delegation',
];

const REACTIONS = [
  'Opposition lawmakers in {capital} criticised the talks as {critique}.',
  'A joint press conference planned for the afternoon was cancelled at short notice.',
  'Protesters gathered outside the venue in {city} as the talks began.',
  'State media in {capital} gave the meeting prominent coverage.',
  'Newspapers in {capital} described the visit as a test of the new government\'s foreign policy.',
  'The talks ran into the evening, and a working dinner followed.',
  'Security was tight in central {city}, with several roads closed to traffic.',
  'The two delegations included senior officials from the finance and commerce ministries.',
  'Commentators noted that the two sides issued separate readouts rather than a joint statement.',
  'A senior official who briefed reporters on condition of anonymity called the talks {critique2}.',
  'Shares of exporters in {capital} edged higher as news of the meeting spread.',
  'Human rights groups urged both sides to put {topic} on the agenda.',
];

const CRITIQUES = ['long on words and short on results', 'a photo opportunity', 'premature', 'a concession to pressure', 'overdue', 'a missed opportunity'];
const CRITIQUES_2 = ['workmanlike', 'tough but necessary', 'better than expected', 'a reset', 'a first step', 'cordial but cautious'];

const HISTORY = [
  'Relations between {countryA} and {countryB} have {trend} since {year}.',
  '{topicCap} has dominated the agenda between the two capitals since {year}.',
  '{countryA} is {countryB}\'s {rank} trading partner.',
  'The two countries marked {n} years of diplomatic ties last year.',
  'Ties were strained in {year} by a dispute over {topic}, but contacts have since resumed.',
  'The economy of {countryA} grew {p} percent last year, official data show.',
  'Tourism between the two countries has yet to recover to levels seen before {year}.',
];

const TRENDS = ['warmed steadily', 'cooled markedly', 'gone through ups and downs', 'deepened', 'been tested repeatedly', 'stabilised after a difficult period'];
const RANKS = ['largest', 'second-largest', 'third-largest', 'fifth-largest'];

const ANALYST_LINES = [
  'Analysts said {topic} remains the thorniest issue between the two sides.',
  'Observers in {city} said the meeting was a sign that both governments wanted to lower tensions.',
  'Diplomats said a joint statement on {topic} was still being negotiated.',
  'Business groups welcomed the talks, saying uncertainty over {topic} had weighed on investment.',
  'Officials on both sides have played down expectations of a breakthrough on {topic}.',
  'The talks come amid growing concern over {topic}.',
  'Critics at home have accused the government of moving too slowly on {topic}.',
  'A working group on {topic} is due to report back before the end of the year.',
  'Markets in {city} rose slightly after the meeting was announced.',
  'Neither side mentioned {topic} in its public statements.',
];

const CLOSING_LINES = [
  '{ministry} did not give further details.',
  'No joint statement was issued after the talks.',
  'The two sides agreed to keep in close contact.',
  'Both sides agreed to hold the next round of consultations at an early date.',
  'The meeting lasted about two hours, longer than scheduled.',
  'A spokesperson for {ministry} described the atmosphere as {adjective}.',
  'Details of the agreements signed were not immediately released.',
  'Officials said working-level contacts would continue in the coming weeks.',
];

const TRADE_FIGURES = [
  'Bilateral trade reached {n} billion dollars in {year}, according to official figures.',
  'Two-way trade grew by {p} percent in {year}, customs data show.',
  'Direct investment between the two countries has topped {n} billion dollars since {year}.',
  'The two economies signed {k} agreements on {topic} during the last round of talks in {year}.',
];

const OUTLETS = [
  { name: 'Xinhua', style: 'xinhua', weight: 5, paragraphGap: '\n' },
  { name: 'Reuters', style: 'reuters', weight: 4, paragraphGap: '\n\n' },
  { name: 'The Associated Press', short: 'AP', style: 'ap', weight: 3, paragraphGap: '\n\n' },
  { name: 'AFP', style: 'afp', weight: 2, paragraphGap: '\n\n' },
  { name: 'Kyodo', style: 'agency', weight: 1.5, paragraphGap: '\n' },
  { name: 'Yonhap', style: 'agency', weight: 1.5, paragraphGap: '\n' },
  { name: 'TASS', style: 'tass', weight: 1.5, paragraphGap: '\n' },
  { name: 'China Daily', style: 'stamp', weight: 2, paragraphGap: '\n\n' },
  { name: 'CGTN', style: 'published', weight: 1.5, paragraphGap: '\n\n' },
  { name: 'Global Times', style: 'plain', weight: 1.5, paragraphGap: '\n' },
  { name: 'The Harbour Post', style: 'fulldate', weight: 2, paragraphGap: '\n\n' },
  { name: 'The Capital Ledger', style: 'fulldate', weight: 2, paragraphGap: '\n\n' },
  { name: 'Eastern Wire', style: 'plain', weight: 1, paragraphGap: '\n' },
  { name: 'Anadolu Agency', style: 'published', weight: 1, paragraphGap: '\n\n' },
];

module.exports = {
  TOPICS,
  COOPERATION_GOALS,
  SHARED_VIEWS,
  TALK_ADJECTIVES,
  QUOTES,
  ATTRIBUTIONS,
  REACTIONS,
  CRITIQUES,
  CRITIQUES_2,
  HISTORY,
  TRENDS,
  RANKS,
  ANALYST_LINES,
  CLOSING_LINES,
  TRADE_FIGURES,
  OUTLETS,
};
