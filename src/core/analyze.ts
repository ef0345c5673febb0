import { ArticleContext, EngineResources, Stage, TimeBudget, UNKNOWN_DATE } from './article';
import { Corrections, nameSet, NO_CORRECTIONS } from './corrections';
import { EntityFinder, Mention } from './entities';
import { EventCatalog } from './events';
import { Gazetteer } from './gazetteer';
import { KnowledgeBase, loadBundledKnowledgeBase } from './knowledgeBase';
import { Lexicon } from './lexicon';
import { MeetingPatterns } from './patterns';
import { formatOf, readableText } from './readableText';
import { assembleStage, entitiesOf } from './stages/assemble';
import { datesStage } from './stages/dates';
import { meetingsStage } from './stages/meetings';
import { mentionsByRules, namesStage } from './stages/names';
import { peopleStage } from './stages/people';
import { referencesStage } from './stages/references';
import { rolesStage } from './stages/roles';
import { tokensStage } from './stages/tokens';
import { NameTagger, NameTaggerLoad } from './tagger/model';
import { RuleReading } from './tagger/training';
import { ArticleAnalysis, ArticleDocument, PartialAnalysis } from './types';

export interface EngineOptions {
  gazetteer?: Gazetteer;
  knowledgeBase?: KnowledgeBase;
  events?: EventCatalog;
  patterns?: MeetingPatterns;
  /** The name tagger to use; null for the rules alone; by default the model file's, read on first use. */
  nameTagger?: NameTagger | null;
  /** The name model file; by default the one shipped beside the engine. */
  nameModelFile?: string;
  /** What the reader's knowledge file corrects: people added, names that are not people or places, links broken. */
  corrections?: Corrections;
}

export interface AnalysisOptions {
  /** Milliseconds the article may take; by default no limit. */
  budgetMs?: number;
  /** The clock the budget is measured by, in milliseconds: performance.now unless a test steps its own. */
  clock?: () => number;
}

function partialAnalysis({ budget, tokenized, document }: ArticleContext): PartialAnalysis | undefined {
  if (budget.stopSentence === null || budget.stoppedIn === null) return undefined;
  const { sentences } = tokenized;
  const namesTo = sentences.length > 0 ? sentences[sentences.length - 1].end : 0;
  const analysedTo = sentences[budget.stopSentence]?.start ?? namesTo;
  if (analysedTo >= document.text.length) return undefined;
  return { stoppedIn: budget.stoppedIn, namesTo, analysedTo, budgetMs: budget.ms };
}

function partialNote({ budgetMs, namesTo, analysedTo }: PartialAnalysis, length: number): string {
  const share = (offset: number) => `the first ${Math.floor((offset / length) * 100)}% of the text only (up to offset ${offset} of ${length})`;
  const found = namesTo === analysedTo ? `names and meetings are found in ${share(namesTo)}` : `names are found in ${share(namesTo)}, meetings in ${share(analysedTo)}`;
  return `analysis stopped at its time budget of ${budgetMs} ms: ${found}`;
}

/** The analysis, in order; each stage reads what the ones before it left in the article context. */
export const STAGES: readonly Stage[] = [tokensStage, namesStage, rolesStage, peopleStage, referencesStage, meetingsStage, datesStage, assembleStage];

/** The whole analysis of one article: entities, roles, meetings, visits and the article's date. */
export class Engine {
  readonly gazetteer: Gazetteer;
  readonly knowledgeBase: KnowledgeBase;
  readonly events: EventCatalog;
  private readonly resources: EngineResources;

  constructor(private readonly options: EngineOptions = {}) {
    this.gazetteer = options.gazetteer ?? Gazetteer.bundled();
    const corrections = options.corrections ?? NO_CORRECTIONS;
    this.knowledgeBase = (options.knowledgeBase ?? loadBundledKnowledgeBase()).withCorrections(corrections);
    this.events = options.events ?? EventCatalog.bundled();
    const lexicon = Lexicon.get();
    this.resources = {
      gazetteer: this.gazetteer,
      knowledgeBase: this.knowledgeBase,
      events: this.events,
      lexicon,
      finder: new EntityFinder({ gazetteer: this.gazetteer, knowledgeBase: this.knowledgeBase, lexicon }),
      patterns: options.patterns ?? MeetingPatterns.bundled(),
      notPeople: nameSet(corrections.notPeople),
      notPlaces: nameSet(corrections.notPlaces),
      nameTagger: () => this.nameTaggerInUse(),
    };
  }

  /**
   * Loads what the engine otherwise loads on first use (the name model, compromise's lexicon) by
   * analysing one short article, so that a time budget afterwards measures analysis alone.
   */
  warmUp(): this {
    this.analyze({ uri: '', text: 'WASHINGTON, June 18 -- Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi in Beijing on Sunday.', version: 0 });
    return this;
  }

  /** Why the name model could not be read (names then come from the rules alone), or null. */
  nameTaggerProblem(): string | null {
    const model = this.nameModel();
    return 'problem' in model ? model.problem : null;
  }

  private nameTaggerInUse(): NameTagger | null {
    const model = this.nameModel();
    return 'tagger' in model ? model.tagger : null;
  }

  /** The tagger given in the options, or the model file's, read once. */
  private nameModel(): NameTaggerLoad | { tagger: null } {
    return this.options.nameTagger !== undefined ? { tagger: this.options.nameTagger } : NameTagger.load(this.options.nameModelFile);
  }

  /** The tokens and the rules' names of a text, before any tagger: what the tagger is trained to improve on. */
  readByRules(text: string): RuleReading {
    const context = this.contextFor({ uri: '', text, version: 0 });
    tokensStage.run(context);
    return { tokenized: context.tokenized, mentions: mentionsByRules(context), sources: this.resources };
  }

  /** Person, place and organization mentions only: the stages up to names, as the tagger and the rules read them together. */
  findMentions(text: string): Mention[] {
    const context = this.contextFor({ uri: '', text, version: 0 });
    for (const stage of STAGES.slice(0, STAGES.indexOf(namesStage) + 1)) stage.run(context);
    return context.mentions;
  }

  /**
   * The article's analysis. With a time budget, an article that would take longer is analysed up
   * to where the time ran out, and the result says so in `partial` and in a note.
   */
  analyze(document: ArticleDocument, options: AnalysisOptions = {}): ArticleAnalysis {
    const context = this.contextFor(document, new TimeBudget(options.budgetMs ?? Infinity, options.clock));
    for (const stage of STAGES) stage.run(context);
    const partial = partialAnalysis(context);
    return {
      path: document.uri,
      version: document.version,
      date: context.date,
      entities: entitiesOf(context),
      meetings: context.meetings,
      visits: context.visits,
      notes: partial ? [partialNote(partial, document.text.length)] : [],
      ...(partial ? { partial } : {}),
    };
  }

  private contextFor(document: ArticleDocument, budget = new TimeBudget(Infinity)): ArticleContext {
    const readable = readableText(document.text, formatOf(document));
    return {
      document,
      readable,
      resources: this.resources,
      budget,
      tokenized: { text: readable.text, tokens: [], sentences: [] },
      mentions: [],
      roles: null,
      people: [],
      personOf: new Map(),
      references: [],
      datelinePlace: null,
      statedDate: UNKNOWN_DATE,
      stated: [],
      statedVisits: [],
      date: UNKNOWN_DATE,
      meetings: [],
      visits: [],
    };
  }
}
