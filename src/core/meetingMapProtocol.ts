import { MAX_MARKS, MeetingMapModel } from './meetingMap';

/**
 * The messages between the extension and the meeting map's webview, shared by both sides. The
 * webview bundles this file, so it imports nothing from VS Code.
 */

/** Extension → webview: draw this model, replacing what is drawn. */
export interface RenderMessage {
  type: 'render';
  model: MeetingMapModel;
}

export type ToWebview = RenderMessage;

/** Webview → extension: the script is listening and wants a model. */
export interface ReadyMessage {
  type: 'ready';
}

/** Webview → extension: open the evidence sentence of the event a mark stands for. */
export interface OpenEventMessage {
  type: 'openEvent';
  eventId: string;
}

/** Webview → extension: an edge was chosen; open one of the meetings it stands for. */
export interface PickEventMessage {
  type: 'pickEvent';
  eventIds: string[];
}

export type FromWebview = ReadyMessage | OpenEventMessage | PickEventMessage;

/** Longer than any event id the corpus makes ("<uri>#<offset>:<participants>#n"). */
const MAX_ID_LENGTH = 4096;

/**
 * A webview message checked field by field, or undefined for anything else: the webview shows
 * document text, so what comes back from it is not trusted. Callers still check that the ids
 * name events they drew.
 */
export function parseFromWebview(value: unknown): FromWebview | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const message = value as Record<string, unknown>;
  switch (message.type) {
    case 'ready':
      return { type: 'ready' };
    case 'openEvent':
      return isEventId(message.eventId) ? { type: 'openEvent', eventId: message.eventId } : undefined;
    case 'pickEvent': {
      const ids = message.eventIds;
      if (!Array.isArray(ids) || ids.length === 0 || ids.length > MAX_MARKS || !ids.every(isEventId)) return undefined;
      return { type: 'pickEvent', eventIds: [...ids] };
    }
    default:
      return undefined;
  }
}

function isEventId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_ID_LENGTH;
}
