import * as vscode from 'vscode';
import { INVISIBLE_CHARACTERS } from '../core/readableText';
import { DateValue } from '../core/types';

/** The only commands a hover or tooltip link may run: Attaché's own, never one a document names. */
export const LINK_COMMANDS = ['attache.openEvidence', 'attache.filterTimeline', 'attache.showSources'];

/** What attache.showSources lists: the articles that state one of a person's roles, or the reports of one event. */
export type SourcesTarget = { person: string; role: number } | { event: string };

export interface EvidenceTarget {
  uri: string;
  start: number;
  end: number;
}

/**
 * Text from an article rendered literally: every ASCII punctuation character that can start or
 * shape markdown is backslash-escaped (CommonMark allows escaping any of them), so no link,
 * image, HTML tag, entity, autolink, emphasis or theme icon can form from a document's words.
 * Commas, apostrophes, semicolons and question marks mean nothing there and stay readable.
 */
export function escapeMarkdown(text: string): string {
  return showInvisible(text)
    .replace(/[!"#$%&()*+\-./:<=>@[\\\]^_`{|}~]/g, '\\$&')
    .replace(/\s+/g, ' ');
}

/**
 * Control characters, bidi overrides, zero-width and other invisible characters, and halves of no
 * character, written as "⟨U+202E⟩": a card shows that the text has them, and they cannot reorder
 * or hide what follows.
 */
export function showInvisible(text: string): string {
  return text.replace(SHOWN_AS_CODE, (c) => `⟨U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}⟩`);
}

/** What the engine never puts in a name (tab and line ends aside, which show as spaces), and halves of no character. */
const SHOWN_AS_CODE = new RegExp(`(?![\\t\\n\\r\\f])[${INVISIBLE_CHARACTERS}]|\\p{Surrogate}`, 'gu');

/** A markdown link to one of LINK_COMMANDS; the label is escaped here. */
export function commandLink(label: string, command: string, args: unknown): string {
  // encodeURIComponent leaves parentheses alone, and an unbalanced one would end the link early.
  const query = encodeURIComponent(JSON.stringify([args])).replace(/\(/g, '%28').replace(/\)/g, '%29');
  return `[${escapeMarkdown(label)}](command:${command}?${query})`;
}

/** A MarkdownString that may run Attaché's own commands and nothing else, and renders no HTML. */
export function safeMarkdown(): vscode.MarkdownString {
  const markdown = new vscode.MarkdownString('', false);
  markdown.isTrusted = { enabledCommands: LINK_COMMANDS };
  markdown.supportHtml = false;
  return markdown;
}

/** "2023-09-18", "2023-09", "2009" or "undated". */
export function formatDate(date: DateValue): string {
  return date.value ?? 'undated';
}

/** "2021-01-26 – 2025-01-20", "2013-03-14 – present", "? – 2013-03-14", or "" when nothing is known. */
export function formatTenure(from: string | null, to: string | null): string {
  if (!from && !to) return '';
  return `${from ?? '?'} – ${to ?? 'present'}`;
}

/** "1 article", "3 articles", "1,204 articles". */
export function countOf(count: number, noun: string, plural = `${noun}s`): string {
  return `${formatCount(count)} ${count === 1 ? noun : plural}`;
}

/** "1,204": thousands grouped without Intl, whose first use costs tens of milliseconds. */
export function formatCount(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "September 2009" for a timeline bucket "2009-09"; the key itself for anything else. */
export function formatMonth(key: string): string {
  const month = Number(key.slice(5, 7));
  return /^\d{4}-\d{2}$/.test(key) && month >= 1 && month <= 12 ? `${MONTHS[month - 1]} ${key.slice(0, 4)}` : key;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The article's path as a reader knows it: relative to its workspace folder when it has one. */
export function articleName(article: string): string {
  try {
    return showInvisible(vscode.workspace.asRelativePath(vscode.Uri.parse(article, true), false));
  } catch {
    return showInvisible(article);
  }
}
