import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

// mocha runs from the repository root.
const GRAMMAR_PATH = path.join(process.cwd(), 'syntaxes', 'diplomatic-article.tmLanguage.json');
const ONIG_WASM = path.join(process.cwd(), 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm');
const SCOPE = 'text.article.diplomatic';

async function loadGrammar(): Promise<textmate.IGrammar> {
  const wasm = fs.readFileSync(ONIG_WASM);
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName: string) => (scopeName === SCOPE ? textmate.parseRawGrammar(fs.readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH) : null),
  });
  const grammar = await registry.loadGrammar(SCOPE);
  assert.ok(grammar, 'the grammar did not load');
  return grammar;
}

/** Tokenizes lines in order (quotes may span lines) and returns each line's tokens. */
function tokenize(grammar: textmate.IGrammar, lines: string[]): textmate.IToken[][] {
  let state = textmate.INITIAL;
  return lines.map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens;
  });
}

/** The scopes on every character of `part` in `line`, failing when any character lacks `scope`. */
function assertScope(grammar: textmate.IGrammar, line: string, part: string, scope: string): void {
  const [tokens] = tokenize(grammar, [line]);
  assertTokensScope(tokens, line, part, scope);
}

function assertTokensScope(tokens: textmate.IToken[], line: string, part: string, scope: string): void {
  const start = line.indexOf(part);
  assert.ok(start >= 0, `"${part}" is not in "${line}"`);
  const end = start + part.length;
  for (const token of tokens.filter((t) => t.startIndex < end && t.endIndex > start)) {
    const text = line.slice(token.startIndex, token.endIndex);
    assert.ok(
      token.scopes.some((s) => s === scope || s.startsWith(`${scope}.`)),
      `"${text}" in "${line}" has scopes ${token.scopes.join(' ')}, not ${scope}`,
    );
  }
}

function assertNoScope(grammar: textmate.IGrammar, line: string, part: string, scopePrefix: string): void {
  const [tokens] = tokenize(grammar, [line]);
  const start = line.indexOf(part);
  const end = start + part.length;
  for (const token of tokens.filter((t) => t.startIndex < end && t.endIndex > start)) {
    assert.ok(!token.scopes.some((s) => s.startsWith(scopePrefix)), `"${line.slice(token.startIndex, token.endIndex)}" should not be ${scopePrefix}`);
  }
}

describe('Diplomatic Article grammar', () => {
  let grammar: textmate.IGrammar;

  before(async () => {
    grammar = await loadGrammar();
  });

  it('is valid JSON with the scope name the language contributes', () => {
    const raw = JSON.parse(fs.readFileSync(GRAMMAR_PATH, 'utf8')) as { scopeName: string; patterns: unknown[] };
    assert.equal(raw.scopeName, SCOPE);
    assert.ok(raw.patterns.length > 0);
  });

  it('marks datelines at the start of a line: place, date, credit', () => {
    const line = ' WASHINGTON, Jan. 31 (Xinhua) -- U.S. President Donald Trump on Thursday met with Chinese Vice Premier Liu He';
    assertScope(grammar, line, 'WASHINGTON', 'markup.heading.dateline');
    assertScope(grammar, line, 'Jan. 31', 'constant.numeric.date');
    assertScope(grammar, line, '(Xinhua)', 'entity.name.tag.credit');
    assertScope(grammar, 'BEIJING - Chinese President Xi Jinping met with the mayor', 'BEIJING', 'markup.heading.dateline');
    assertScope(grammar, 'BUENOS AIRES, March 16 - Leaders gathered', 'BUENOS AIRES', 'markup.heading.dateline');
    assertScope(grammar, 'BUENOS AIRES, March 16 - Leaders gathered', 'March 16', 'constant.numeric.date');
  });

  it('does not take capitals inside a sentence or a hyphenated word for a dateline', () => {
    assertNoScope(grammar, 'Talks between the U.S. and China - both sides agreed', 'U.S.', 'markup.heading');
    assertNoScope(grammar, 'U.S.-China relations are at a critical stage.', 'U.S.', 'markup.heading');
  });

  it('marks agency credits', () => {
    assertScope(grammar, 'held two rounds of talks in Washington D.C. on Thursday and Friday, Reuters reports.', 'Reuters', 'entity.name.tag.credit');
    assertScope(grammar, 'The meeting ended early (Agencies)', '(Agencies)', 'entity.name.tag.credit');
    assertScope(grammar, 'Xinhua | Updated: 2013-05-28 15:18', 'Xinhua', 'entity.name.tag.credit');
  });

  it('marks publication stamps: the keyword and the date and time', () => {
    const line = 'Xinhua | Updated: 2013-05-28 15:18';
    assertScope(grammar, line, 'Updated', 'keyword.other.stamp');
    assertScope(grammar, line, '2013-05-28 15:18', 'constant.numeric.date');
    assertScope(grammar, 'Published: 1987-03-11', '1987-03-11', 'constant.numeric.date');
  });

  it('marks titles of office, longest first', () => {
    const line = 'Han met US Secretary of State Antony Blinken and State Councilor Dai Bingguo.';
    assertScope(grammar, line, 'Secretary of State', 'entity.name.type.title');
    assertScope(grammar, line, 'State Councilor', 'entity.name.type.title');
    assertScope(grammar, 'Chinese Vice Premier Liu He', 'Vice Premier', 'entity.name.type.title');
    assertScope(grammar, 'Vice president Han Zheng and America', 'Vice president', 'entity.name.type.title');
    assertScope(grammar, 'Foreign Minister Wang Yi and Mayor Antonio Villaraigosa', 'Mayor', 'entity.name.type.title');
    assertNoScope(grammar, 'the Presidential palace and the Ministry', 'Presidential', 'entity.name.type');
    assertNoScope(grammar, 'the Presidential palace and the Ministry', 'Ministry', 'entity.name.type');
  });

  it('marks quoted speech, straight and curly, also across a line break', () => {
    assertScope(grammar, 'the talks involved "a candid and constructive discussion."', '"a candid and constructive discussion."', 'string.quoted.double');
    assertScope(grammar, 'He said \u201cmutual trust\u201d matters', '\u201cmutual trust\u201d', 'string.quoted.double');
    const lines = ['"According to the consensus we have reached, economic teams ', '', 'and achieved positive progress," said Xi.'];
    const tokens = tokenize(grammar, lines);
    assertTokensScope(tokens[2], lines[2], 'and achieved positive progress,"', 'string.quoted.double');
    const said = tokens[2].find((t) => lines[2].slice(t.startIndex, t.endIndex).includes('said'));
    assert.ok(said && !said.scopes.some((s) => s.startsWith('string')), 'the quote should end at its closing mark');
  });

  it('marks dates, weekdays and relative dates', () => {
    assertScope(grammar, 'when he and Trump met in Argentina last December, the two', 'last December', 'constant.other.date');
    assertScope(grammar, 'met with Chinese Vice Premier Liu He on Thursday', 'Thursday', 'constant.other.date');
    assertScope(grammar, 'a visit in November 2009 to Beijing', 'November 2009', 'constant.numeric.date');
    assertScope(grammar, 'on Sept. 18, 2023 in New York', 'Sept. 18, 2023', 'constant.numeric.date');
    assertNoScope(grammar, 'the two sides may agree', 'may', 'constant');
  });
});
