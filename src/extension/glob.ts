import * as fs from 'node:fs';

/**
 * Whether a workspace-relative path ("news/2023/a.txt") matches a glob in VS Code's syntax:
 * `**` across folders, `*` and `?` within a name, `{a,b}` alternatives, `[abc]` and `[!abc]`
 * classes. The file watcher applies the include glob itself; this decides the exclude glob for
 * the files it reports, which the watcher cannot.
 */
export function matchesGlob(relativePath: string, glob: string): boolean {
  return globToRegExp(glob).test(relativePath);
}

const cache = new Map<string, RegExp>();

export function globToRegExp(glob: string): RegExp {
  let pattern = cache.get(glob);
  if (!pattern) {
    pattern = new RegExp(`^${translate(glob)}$`);
    cache.set(glob, pattern);
  }
  return pattern;
}

function translate(glob: string): string {
  let out = '';
  let i = 0;
  while (i < glob.length) {
    const char = glob[i];
    if (glob.startsWith('**/', i)) {
      out += '(?:.*/)?';
      i += 3;
    } else if (glob.startsWith('/**', i) && i + 3 === glob.length) {
      out += '(?:/.*)?';
      i += 3;
    } else if (glob.startsWith('**', i)) {
      out += '.*';
      i += 2;
    } else if (char === '*') {
      out += '[^/]*';
      i++;
    } else if (char === '?') {
      out += '[^/]';
      i++;
    } else if (char === '{') {
      const close = matchingBrace(glob, i);
      if (close < 0) {
        out += '\\{';
        i++;
        continue;
      }
      out += `(?:${splitAlternatives(glob.slice(i + 1, close)).map(translate).join('|')})`;
      i = close + 1;
    } else if (char === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close < 0) {
        out += '\\[';
        i++;
        continue;
      }
      const body = glob.slice(i + 1, close).replace(/\\/g, '\\\\');
      out += body.startsWith('!') ? `[^${body.slice(1)}]` : `[${body}]`;
      i = close + 1;
    } else {
      out += char.replace(/[.+^$()|\\/\]]/g, '\\$&');
      i++;
    }
  }
  return out;
}

function matchingBrace(glob: string, open: number): number {
  let depth = 0;
  for (let i = open; i < glob.length; i++) {
    if (glob[i] === '{') depth++;
    else if (glob[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/** "a,{b,c},d" → ["a", "{b,c}", "d"]: commas inside nested braces stay. */
function splitAlternatives(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '{') depth++;
    else if (body[i] === '}') depth--;
    else if (body[i] === ',' && depth === 0) {
      parts.push(body.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(body.slice(start));
  return parts;
}

/**
 * The files under `root` (a folder on this machine's disk) whose path relative to it matches
 * `include` and not `exclude`, as absolute paths. Excluded folders are not entered; links are
 * followed, each real folder once. Much quicker than a search through VS Code's file service,
 * which this replaces for local folders.
 */
export async function filesMatching(root: string, include: string, exclude: string | undefined, cancelled: () => boolean): Promise<string[]> {
  const included = globToRegExp(include);
  const excluded = exclude ? globToRegExp(exclude) : undefined;
  const found: string[] = [];
  const visited = new Set<string>();
  const visit = async (folder: string, relative: string): Promise<void> => {
    let real: string;
    let entries: fs.Dirent[];
    try {
      real = await fs.promises.realpath(folder);
      if (visited.has(real)) return;
      visited.add(real);
      entries = await fs.promises.readdir(folder, { withFileTypes: true });
    } catch {
      // Unreadable or gone: as a search would, list what can be read.
      return;
    }
    for (const entry of entries) {
      if (cancelled()) return;
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      if (excluded?.test(path)) continue;
      const full = `${folder}/${entry.name}`;
      let isFolder = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const target = await fs.promises.stat(full);
          isFolder = target.isDirectory();
          isFile = target.isFile();
        } catch {
          continue;
        }
      }
      if (isFolder) await visit(full, path);
      else if (isFile && included.test(path)) found.push(full);
    }
  };
  await visit(root.replace(/\/+$/, ''), '');
  return found;
}
