import { ArticleContext, EngineResources, Stage, UNKNOWN_DATE } from './article';
import { EntityFinder, Mention } from './entities';
import { EventCatalog } from './events';
import { Gazetteer } from './gazetteer';
import { KnowledgeBase, loadBundledKnowledgeBase } from './knowledgeBase';
import { Lexicon } from './lexicon';
import { MeetingPatterns } from './patterns';
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
import { ArticleAnalysis, ArticleDocument } from './types';

export interface EngineOptions {
  gazetteer?: Gazetteer;
  knowledgeBase?: KnowledgeBase;
  events?: EventCatalog;
  patterns?: MeetingPatterns;
  /** The name tagger to use; null for the rules alone; by default the model file's, read on first use. */
  nameTagger?: NameTagger | null;
  /** The name model file; by default the one shipped beside the engine. */
  nameModelFile?: string;
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
    this.knowledgeBase = options.knowledgeBase ?? loadBundledKnowledgeBase();
    this.events = options.events ?? EventCatalog.bundled();
    const lexicon = Lexicon.get();
    this.resources = {
      gazetteer: this.gazetteer,
      knowledgeBase: this.knowledgeBase,
      events: this.events,
      lexicon,
      finder: new EntityFinder({ gazetteer: this.gazetteer, knowledgeBase: this.knowledgeBase, lexicon }),
      patterns: options.patterns ?? MeetingPatterns.bundled(),
      nameTagger: () => this.nameTaggerInUse(),
    };
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

  analyze(document: ArticleDocument): ArticleAnalysis {
    const context = this.contextFor(document);
    for (const stage of STAGES) stage.run(context);
    return {
      path: document.uri,
      version: document.version,
      date: context.date,
      entities: entitiesOf(context),
      meetings: context.meetings,
      visits: context.visits,
      notes: [],
    };
  }

  private contextFor(document: ArticleDocument): ArticleContext {
    return {
      document,
      resources: this.resources,
      tokenized: { text: document.text, tokens: [], sentences: [] },
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
