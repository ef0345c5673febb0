import * as path from 'node:path';
import * as vscode from 'vscode';
import { articleLanguages, CorpusIndex } from './corpusIndex';
import { HighlightToggle } from './highlightToggle';

/** What the status bar item shows: for tests. */
export interface StatusSnapshot {
  visible: boolean;
  text: string;
  tooltip: string;
}

/**
 * "$(person) 5 people · 11 places · 3 meetings" for the active article; a warning when the file
 * was skipped; hidden for documents that are not articles. Clicking shows the timeline.
 */
export class StatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];
  private visible = false;

  constructor(
    private readonly index: CorpusIndex,
    private readonly toggle: HighlightToggle,
  ) {
    this.item = vscode.window.createStatusBarItem('attache.status', vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'Attaché';
    this.item.command = 'attache.showTimeline';
    this.disposables.push(
      this.item,
      index.onDidChange(() => this.update()),
      toggle.onDidChange(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('attache.languages')) this.update();
      }),
    );
    this.update();
  }

  snapshot(): StatusSnapshot {
    const tooltip = this.item.tooltip;
    return { visible: this.visible, text: this.item.text, tooltip: typeof tooltip === 'string' ? tooltip : (tooltip?.value ?? '') };
  }

  update(): void {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !articleLanguages().includes(document.languageId)) {
      this.item.hide();
      this.visible = false;
      return;
    }
    const tooltip = new vscode.MarkdownString('', false);
    tooltip.isTrusted = false;
    tooltip.supportHtml = false;
    tooltip.appendMarkdown('**Attaché** — ');
    tooltip.appendText(path.posix.basename(document.uri.path));
    tooltip.appendMarkdown('\n\n');
    const skipped = this.index.skipped().get(document.uri.toString());
    const summary = this.index.summaryOf(document.uri);
    if (skipped) {
      this.item.text = `$(warning) Attaché: skipped (${shortReason(skipped)})`;
      tooltip.appendText(`Not analysed: ${skipped}.`);
    } else if (summary) {
      const { people, places, meetings } = summary.counts;
      const counts = `${count(people, 'person', 'people')} · ${count(places, 'place', 'places')} · ${count(meetings, 'meeting', 'meetings')}`;
      this.item.text = summary.partial ? `$(warning) ${counts} · partial` : `$(person) ${counts}`;
      tooltip.appendText(`This article names ${counts.replace(/ · /g, ', ')}.`);
      if (summary.partial) {
        tooltip.appendMarkdown('\n\n');
        tooltip.appendText(`The ${summary.notes.join('; ')}. The setting "attache.timeBudgetMs" gives articles more time.`);
      }
    } else {
      this.item.text = '$(sync~spin) Attaché';
      tooltip.appendText('Analysing this article…');
    }
    tooltip.appendMarkdown('\n\n');
    tooltip.appendText(
      this.toggle.enabled ? 'Highlights are on ("Attaché: Toggle Highlights" turns them off).' : 'Highlights are off ("Attaché: Toggle Highlights" turns them on).',
    );
    tooltip.appendMarkdown('\n\n');
    tooltip.appendText('Click to show the timeline.');
    this.item.tooltip = tooltip;
    this.item.show();
    this.visible = true;
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "too large (50.0 MB; the limit is 2.0 MB)" → "too large". */
function shortReason(reason: string): string {
  return reason.replace(/\s*\(.*$/, '').replace(/:.*$/, '');
}
