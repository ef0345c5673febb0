import type { ArticleAnalysis, Entity, Span } from './types';

/** The person or place an article names at `offset`, by name or by title alone, and the words that name it there. */
export function mentionAt(analysis: ArticleAnalysis, offset: number): { entity: Entity; span: Span } | undefined {
  const covers = (span: Span) => span.start <= offset && offset < span.end;
  for (const entity of analysis.entities) {
    if (entity.kind === 'organization') continue;
    const span = entity.mentions.find(covers) ?? entity.titleMentions?.find(covers);
    if (span) return { entity, span };
  }
  return undefined;
}
