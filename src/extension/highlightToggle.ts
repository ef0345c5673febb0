import * as vscode from 'vscode';

const STATE_KEY = 'attache.highlightsEnabled';

/** Whether Attaché highlights anything at all; kept in global state so it survives restarts. */
export class HighlightToggle implements vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<boolean>();
  readonly onDidChange = this.changeEmitter.event;

  constructor(private readonly state: vscode.Memento) {}

  get enabled(): boolean {
    return this.state.get<boolean>(STATE_KEY, true);
  }

  async set(enabled: boolean): Promise<void> {
    await this.state.update(STATE_KEY, enabled);
    this.changeEmitter.fire(enabled);
  }

  dispose(): void {
    this.changeEmitter.dispose();
  }
}
