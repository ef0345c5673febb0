export * from './types';
export { Engine, EngineOptions } from './analyze';
export { analyzeCorpus, CorpusAnalysis, CorpusPerson, TimelineEvent } from './corpus';
export { decodeArticle, DecodedArticle } from './text';
export { Gazetteer } from './gazetteer';
export { KnowledgeBase, loadBundledKnowledgeBase } from './knowledgeBase';
export { EventCatalog } from './events';
export { tokenize } from './tokens';
