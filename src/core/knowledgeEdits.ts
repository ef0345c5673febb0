import { applyEdits, Edit, findNodeAtLocation, getNodeValue, JSONPath, modify, Node, parseTree, ParseError } from 'jsonc-parser';
import { KNOWLEDGE_LISTS, NEW_KNOWLEDGE_FILE, slugOf } from './corrections';
import { KbRole, normalizeNameForm } from './knowledgeBase';

/** One correction a quick fix adds to the knowledge file. */
export type KnowledgeChange =
  | { kind: 'notPerson'; name: string }
  | { kind: 'notPlace'; name: string }
  | { kind: 'samePerson'; names: [string, string] }
  /** `id` is the official's when the person is in the knowledge base, so the role is added to theirs. */
  | { kind: 'addRole'; person: { id?: string; name: string }; role: KbRole }
  | { kind: 'unlink'; name: string; official: string; title?: string };

/** Text edits (offset, length, content) that make the change, or why the file is left as it is. */
export type KnowledgeEditResult = { edits: Edit[]; text: string } | { unchanged: string } | { refused: string };

const FORMATTING = { insertSpaces: true, tabSize: 2, eol: '\n' };

/**
 * The edits that add one correction to a knowledge file's text ('' for a file not made yet),
 * keeping its layout and comments. A file with a syntax error is not touched: an edit could
 * land in the wrong place, and the reader's text would be lost.
 */
export function editKnowledgeFile(text: string, change: KnowledgeChange): KnowledgeEditResult {
  const base = text.trim() === '' ? NEW_KNOWLEDGE_FILE : text;
  const errors: ParseError[] = [];
  const root = parseTree(base, errors, { allowTrailingComma: true });
  if (errors.length > 0 || !root || root.type !== 'object') return { refused: 'the knowledge file has an error; fix it (see the Problems panel) and try again' };
  const notAList = KNOWLEDGE_LISTS.find((field) => {
    const node = findNodeAtLocation(root, [field]);
    return node !== undefined && node.type !== 'array';
  });
  if (notAList) return { refused: `"${notAList}" in the knowledge file is not a list; fix it (see the Problems panel) and try again` };
  const list = (field: string): unknown[] => {
    const node = findNodeAtLocation(root, [field]);
    return node?.type === 'array' ? (getNodeValue(node) as unknown[]) : [];
  };
  const sameName = (a: unknown, b: string) => typeof a === 'string' && normalizeNameForm(a) === normalizeNameForm(b);
  let path: JSONPath;
  let value: unknown;
  switch (change.kind) {
    case 'notPerson':
    case 'notPlace': {
      const field = change.kind === 'notPerson' ? 'notPeople' : 'notPlaces';
      if (list(field).some((name) => sameName(name, change.name))) return { unchanged: `"${change.name}" is already in ${field}` };
      [path, value] = appendTo(root, field, change.name);
      break;
    }
    case 'samePerson': {
      const [a, b] = change.names;
      const groups = list('samePerson');
      const known = groups.some((group) => Array.isArray(group) && group.some((n) => sameName(n, a)) && group.some((n) => sameName(n, b)));
      if (known) return { unchanged: `"${a}" and "${b}" are already one person there` };
      [path, value] = appendTo(root, 'samePerson', [a, b]);
      break;
    }
    case 'addRole': {
      const id = change.person.id ?? slugOf(change.person.name);
      const people = list('people');
      const index = people.findIndex((p) => typeof p === 'object' && p !== null && ((p as { id?: unknown }).id === id || ((p as { id?: unknown }).id === undefined && sameName((p as { name?: unknown }).name, change.person.name))));
      const role = { title: change.role.title, country: change.role.country, from: change.role.from, to: change.role.to };
      if (index < 0) {
        const entry = { ...(change.person.id ? { id } : {}), name: change.person.name, roles: [role] };
        [path, value] = appendTo(root, 'people', entry);
      } else {
        const roles = findNodeAtLocation(root, ['people', index, 'roles']);
        if (roles && roles.type !== 'array') return { refused: `"roles" of ${change.person.name} in the knowledge file is not a list; fix it and try again` };
        path = roles?.type === 'array' ? ['people', index, 'roles', roles.children?.length ?? 0] : ['people', index, 'roles'];
        value = roles?.type === 'array' ? role : [role];
      }
      break;
    }
    case 'unlink': {
      const links = list('unlink');
      const sameTitle = (title: unknown) => (title === undefined ? change.title === undefined : change.title !== undefined && sameName(title, change.title));
      const known = links.some((link) => {
        const { name, official, title } = (typeof link === 'object' && link !== null ? link : {}) as { name?: unknown; official?: unknown; title?: unknown };
        return sameName(name, change.name) && official === change.official && sameTitle(title);
      });
      if (known) return { unchanged: `"${change.name}"${change.title ? ` as ${change.title}` : ''} is already unlinked from ${change.official}` };
      [path, value] = appendTo(root, 'unlink', { name: change.name, official: change.official, ...(change.title ? { title: change.title } : {}) });
      break;
    }
  }
  const edits = modify(base, path, value, { formattingOptions: FORMATTING, isArrayInsertion: typeof path[path.length - 1] === 'number' });
  const newText = applyEdits(base, edits);
  // The edits are against `base`; for a file not made yet, one edit writes the whole of it.
  return base === text ? { edits, text: newText } : { edits: [{ offset: 0, length: text.length, content: newText }], text: newText };
}

/** Where to put a new entry of a top-level list: at its end, or a new list with it when the file has none. */
function appendTo(root: Node, field: string, entry: unknown): [JSONPath, unknown] {
  const node = findNodeAtLocation(root, [field]);
  if (node?.type === 'array') return [[field, node.children?.length ?? 0], entry];
  return [[field], [entry]];
}
