import * as vscode from 'vscode';
import { EntityKind } from '../core/types';
import { articleLanguages, CorpusIndex } from './corpusIndex';
import { HighlightToggle } from './highlightToggle';

export interface HighlightRanges {
  people: vscode.Range[];
  places: vscode.Range[];
  organizations: vscode.Range[];
}

const SETTING_OF: Record<EntityKind, string> = {
  person: 'highlight.people',
  place: 'highlight.places',
  organization: 'highlight.organizations',
};

/**
 * Highlights the people, places and organizations of the analysed article in every visible
 * editor of the configured languages, with three decoration types made once.
 */
export class Decorations implements vscode.Disposable {
  private readonly types: Record<EntityKind, vscode.TextEditorDecorationType>;
  /** What each visible document shows now, by URI string (what decorationRanges reports). */
  private readonly applied = new Map<string, HighlightRanges>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly index: CorpusIndex,
    private readonly toggle: HighlightToggle,
  ) {
    this.types = {
      person: vscode.window.createTextEditorDecorationType({
        backgroundColor: new vscode.ThemeColor('attache.personBackground'),
        borderColor: new vscode.ThemeColor('attache.personBorder'),
        borderStyle: 'solid',
        borderWidth: '0 0 2px 0',
        overviewRulerColor: new vscode.ThemeColor('attache.personBorder'),
        overviewRulerLane: vscode.OverviewRulerLane.Right,
        rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
      }),
      place: vscode.window.createTextEditorDecorationType({
        backgroundColor: new vscode.ThemeColor('attache.placeBackground'),
        borderColor: new vscode.ThemeColor('attache.placeBorder'),
        borderStyle: 'dotted',
        borderWidth: '0 0 2px 0',
        rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
      }),
      organization: vscode.window.createTextEditorDecorationType({
        backgroundColor: new vscode.ThemeColor('attache.organizationBackground'),
        rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
      }),
    };
    this.disposables.push(
      ...Object.values(this.types),
      index.onDidChange(() => this.refresh()),
      index.onDidAnalyzeDocument((uri) => this.refresh(uri.toString())),
      toggle.onDidChange(() => this.refresh()),
      vscode.window.onDidChangeVisibleTextEditors(() => this.refresh()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('attache.highlight') || event.affectsConfiguration('attache.languages')) this.refresh();
      }),
    );
    this.refresh();
  }

  /** The ranges highlighted now in the editors showing `uri`; empty when none shows it. */
  rangesOf(uri: vscode.Uri): HighlightRanges {
    const ranges = this.applied.get(uri.toString());
    return ranges ? { people: [...ranges.people], places: [...ranges.places], organizations: [...ranges.organizations] } : noRanges();
  }

  /** Applies the current analyses to the visible editors: all of them, or those showing `only`. */
  refresh(only?: string): void {
    const visible = new Set<string>();
    for (const editor of vscode.window.visibleTextEditors) {
      const key = editor.document.uri.toString();
      visible.add(key);
      if (only !== undefined && key !== only) continue;
      const ranges = this.rangesFor(editor.document);
      // An analysis of an older version would put highlights in the wrong places: keep what the
      // editor shows (it moves decorations along with edits) until the new one arrives.
      if (!ranges) continue;
      editor.setDecorations(this.types.person, ranges.people);
      editor.setDecorations(this.types.place, ranges.places);
      editor.setDecorations(this.types.organization, ranges.organizations);
      this.applied.set(key, ranges);
    }
    for (const key of [...this.applied.keys()]) if (!visible.has(key)) this.applied.delete(key);
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }

  /** What `document` should show, or undefined when its analysis is not up to date yet. */
  private rangesFor(document: vscode.TextDocument): HighlightRanges | undefined {
    const config = vscode.workspace.getConfiguration('attache');
    if (!this.toggle.enabled || !articleLanguages().includes(document.languageId)) return noRanges();
    const key = document.uri.toString();
    if (this.index.skipped().has(key)) return noRanges();
    const analysis = this.index.analysisOf(document.uri);
    if (!analysis) return this.index.summaryOf(document.uri) ? undefined : noRanges();
    const ranges = noRanges();
    const target: Record<EntityKind, vscode.Range[]> = { person: ranges.people, place: ranges.places, organization: ranges.organizations };
    for (const entity of analysis.entities) {
      if (!config.get<boolean>(SETTING_OF[entity.kind], entity.kind !== 'organization')) continue;
      for (const span of [...entity.mentions, ...(entity.titleMentions ?? [])]) {
        target[entity.kind].push(new vscode.Range(document.positionAt(span.start), document.positionAt(span.end)));
      }
    }
    return ranges;
  }
}

function noRanges(): HighlightRanges {
  return { people: [], places: [], organizations: [] };
}
