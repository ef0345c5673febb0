import type { MeetingMapModel } from './meetingMap';

/**
 * The messages between the extension and the meeting map's webview, shared by both sides. The
 * webview bundles this file, so it imports nothing from VS Code.
 */

/** Extension → webview: draw this model, replacing what is drawn. */
export interface RenderMessage {
  type: 'render';
  /**
   * Counts the models sent. Clicks name a mark or an edge by its index in the model drawn, and
   * say which model that was, so a click on a model since replaced is not taken for the new one's.
   */
  version: number;
  model: MeetingMapModel;
}

/** Webview → extension: the script is listening and wants a model. */
export interface ReadyMessage {
  type: 'ready';
}

/** Webview → extension: open the evidence sentence of the event a mark stands for. */
export interface OpenMarkMessage {
  type: 'openMark';
  version: number;
  /** An index into the model's marks. */
  mark: number;
}

/** Webview → extension: an edge was chosen; open one of the meetings it stands for. */
export interface PickEdgeMessage {
  type: 'pickEdge';
  version: number;
  /** An index into the model's edges. */
  edge: number;
}

export type FromWebview = ReadyMessage | OpenMarkMessage | PickEdgeMessage;

/**
 * A webview message checked field by field against the render message last sent, or undefined
 * for anything else: the webview shows document text, so what comes back from it is not trusted.
 * A mark or an edge must be one of that model's (and none is, before a model is sent).
 */
export function parseFromWebview(value: unknown, sent: RenderMessage | undefined): FromWebview | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const message = value as Record<string, unknown>;
  if (message.type === 'ready') return { type: 'ready' };
  if (!sent || message.version !== sent.version) return undefined;
  switch (message.type) {
    case 'openMark':
      return isIndex(message.mark, sent.model.marks.length) ? { type: 'openMark', version: sent.version, mark: message.mark } : undefined;
    case 'pickEdge':
      return isIndex(message.edge, sent.model.edges.length) ? { type: 'pickEdge', version: sent.version, edge: message.edge } : undefined;
    default:
      return undefined;
  }
}

function isIndex(value: unknown, length: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < length;
}
