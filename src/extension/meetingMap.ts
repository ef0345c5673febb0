import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { TimelineEvent } from '../core/corpus';
import { buildMeetingMap, marksOf } from '../core/meetingMap';
import { FromWebview, parseFromWebview, RenderMessage } from '../core/meetingMapProtocol';
import { CorpusModel } from './corpusModel';
import { formatDate } from './markdown';
import { TimelineFilter, TimelineView } from './timelineView';

const VIEW_TYPE = 'attache.meetingMap';
/** Corpus changes come in bursts while indexing: the map is redrawn once they pause this long. */
const REFRESH_DELAY_MS = 250;

/** What the open map last sent its webview, for the integration tests. */
export interface MeetingMapState {
  title: string;
  eventIds: string[];
}

export interface MeetingMap {
  /** Undefined while no map is open. */
  state(): MeetingMapState | undefined;
}

/**
 * Registers "Attaché: Show Meeting Map": a webview with the timeline chart and the network of who
 * met whom, of the whole corpus or of the Timeline's filter. One map at a time; it follows the
 * corpus and the filter, and a click on a mark or an edge opens the evidence sentence.
 */
export function registerMeetingMap(context: vscode.ExtensionContext, model: CorpusModel, timeline: TimelineView): MeetingMap {
  let panel: MeetingMapPanel | undefined;
  context.subscriptions.push(
    vscode.commands.registerCommand('attache.showMeetingMap', () => {
      if (panel) {
        panel.reveal();
        return;
      }
      panel = new MeetingMapPanel(context.extensionUri, model, timeline);
      panel.onDidDispose(() => (panel = undefined));
    }),
    { dispose: () => panel?.dispose() },
  );
  return { state: () => panel?.state() };
}

class MeetingMapPanel implements vscode.Disposable {
  private readonly panel: vscode.WebviewPanel;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly disposed = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposed.event;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  /** The render message last sent: clicks name its marks and edges. */
  private sent: RenderMessage | undefined;

  constructor(
    extensionUri: vscode.Uri,
    private readonly model: CorpusModel,
    private readonly timeline: TimelineView,
  ) {
    const media = vscode.Uri.joinPath(extensionUri, 'media');
    this.panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'Meeting Map', vscode.ViewColumn.Beside, {
      enableScripts: true,
      localResourceRoots: [media],
    });
    this.panel.iconPath = vscode.Uri.joinPath(media, 'attache.svg');
    this.panel.webview.html = pageHtml(this.panel.webview, media);
    this.disposables.push(
      this.disposed,
      this.panel.webview.onDidReceiveMessage((message: unknown) => this.receive(parseFromWebview(message, this.sent))),
      model.onDidChange(() => this.scheduleRefresh()),
      timeline.onDidChangeFilter(() => this.refresh()),
      this.panel.onDidDispose(() => this.dispose()),
    );
  }

  reveal(): void {
    this.panel.reveal();
  }

  state(): MeetingMapState | undefined {
    return this.sent && { title: this.sent.model.title, eventIds: this.sent.model.marks.map((mark) => mark.eventId) };
  }

  dispose(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = undefined;
    // The listeners go before the panel, so disposing the panel does not call back here.
    this.disposed.fire();
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
    this.panel.dispose();
  }

  private scheduleRefresh(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      this.refresh();
    }, REFRESH_DELAY_MS);
  }

  /** Sends the current model. A hidden webview gets it when shown again, since it reloads and says it is ready. */
  private refresh(): void {
    if (!this.panel.visible) return;
    const filter = this.timeline.filter;
    const model = buildMeetingMap(this.eventsOf(filter), { title: titleOf(filter) });
    this.sent = { type: 'render', version: (this.sent?.version ?? 0) + 1, model };
    void this.panel.webview.postMessage(this.sent);
  }

  private eventsOf(filter: TimelineFilter | undefined): readonly TimelineEvent[] {
    const corpus = this.model.corpus();
    if (!filter) return corpus.timeline();
    return filter.kind === 'person' ? corpus.eventsOf(filter.id) : corpus.eventsAt(filter.id);
  }

  /** Takes a message parseFromWebview checked against the model sent, so its indexes are in range. */
  private receive(message: FromWebview | undefined): void {
    if (!message) return;
    if (message.type === 'ready') {
      this.refresh();
    } else if (this.sent && message.type === 'openMark') {
      void this.openEvent(this.sent.model.marks[message.mark].eventId);
    } else if (this.sent && message.type === 'pickEdge') {
      const model = this.sent.model;
      void this.pickEvent(marksOf(model, model.edges[message.edge]).map((mark) => mark.eventId));
    }
  }

  private async pickEvent(ids: string[]): Promise<void> {
    if (ids.length === 1) return this.openEvent(ids[0]);
    const corpus = this.model.corpus();
    const items = ids.flatMap((id) => {
      const event = corpus.event(id);
      return event ? [{ label: event.label, description: `${formatDate(event.date)} · ${event.status === 'planned' ? `planned ${event.kind}` : event.kind}`, id }] : [];
    });
    const picked = await vscode.window.showQuickPick(items, { title: `${items.length} meetings`, placeHolder: 'Open the sentence that reports a meeting', matchOnDescription: true });
    if (picked) await this.openEvent(picked.id);
  }

  /**
   * Opens the event's evidence as the Timeline does, in the active editor group: first another
   * group than the map's (a new one to its left when it has the window to itself), so the map
   * stays in view for the next click.
   */
  private async openEvent(id: string): Promise<void> {
    if (this.panel.active) {
      const alone = vscode.window.tabGroups.all.length === 1;
      await vscode.commands.executeCommand(alone ? 'workbench.action.newGroupLeft' : 'workbench.action.focusPreviousGroup');
    }
    await vscode.commands.executeCommand('attache.openEvent', { id });
  }
}

function titleOf(filter: TimelineFilter | undefined): string {
  if (!filter) return 'All meetings in the corpus';
  return filter.kind === 'person' ? `Meetings of ${filter.name}` : `Meetings in ${filter.name}`;
}

/** The page: only the bundled script (with this page's nonce) and stylesheet, nothing remote, no inline style. */
function pageHtml(webview: vscode.Webview, media: vscode.Uri): string {
  const nonce = randomBytes(16).toString('base64');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(media, 'meetingMap', 'meetingMap.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(media, 'meetingMap.css'));
  const csp = `default-src 'none'; img-src ${webview.cspSource}; style-src ${webview.cspSource}; script-src 'nonce-${nonce}';`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}">
<title>Meeting Map</title>
</head>
<body>
<header>
<h1 id="title">Meeting Map</h1>
<p id="note" hidden></p>
<ul id="legend" aria-label="Legend"></ul>
</header>
<main>
<section aria-labelledby="chart-heading">
<h2 id="chart-heading">When</h2>
<div id="chart" class="scroll"></div>
</section>
<section aria-labelledby="network-heading">
<h2 id="network-heading">Who met whom</h2>
<div id="network"></div>
</section>
</main>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
}
