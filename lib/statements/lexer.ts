import { createToken, Lexer, type CustomPatternMatcherFunc, type TokenType } from "chevrotain";
import { STATEMENT_KEYWORDS, type StatementKeyword } from "./keywords";

/** The longest JSON document (a policy) one statement may carry. */
export const MAX_JSON_LENGTH = 32 * 1024;

/**
 * Set once a JSON scan fails in the current tokenize (tokenizeStatements resets it). That `{` is the text's
 * first error whatever follows, and only the first error is reported, so later `{` are not scanned again:
 * without this, a text of many unclosed `{` would cost one bounded scan per brace (quadratic).
 */
let jsonScanFailed = false;

/**
 * A JSON object as one token: from `{` to its balanced `}`, skipping braces inside strings. Scanning is linear
 * and bounded by MAX_JSON_LENGTH; an unbalanced or over-long object does not match, and the lexer reports the
 * `{` as unexpected at its position. JSON.parse judges the span afterwards (lib/statements/parser.ts).
 */
const matchJsonObject: CustomPatternMatcherFunc = (text, offset) => {
  if (text[offset] !== "{" || jsonScanFailed) return null;
  let depth = 0;
  let inString = false;
  const end = Math.min(text.length, offset + MAX_JSON_LENGTH);
  for (let at = offset; at < end; at++) {
    const char = text[at];
    if (inString) {
      if (char === "\\") at++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === "{") depth++;
    else if (char === "}" && --depth === 0) return [text.slice(offset, at + 1)] as [string];
  }
  jsonScanFailed = true;
  return null;
};

export const WhiteSpace = createToken({ name: "WhiteSpace", pattern: /\s+/, group: Lexer.SKIPPED });
export const LineComment = createToken({ name: "LineComment", pattern: /--[^\n\r]*/, group: Lexer.SKIPPED });
export const Json = createToken({
  name: "Json",
  pattern: { exec: matchJsonObject },
  line_breaks: true,
  start_chars_hint: ["{"],
});
export const Semicolon = createToken({ name: "Semicolon", pattern: /;/, label: "';'" });
export const Comma = createToken({ name: "Comma", pattern: /,/, label: "','" });
export const LParen = createToken({ name: "LParen", pattern: /\(/, label: "'('" });
export const RParen = createToken({ name: "RParen", pattern: /\)/, label: "')'" });
export const Equals = createToken({ name: "Equals", pattern: /=/, label: "'='" });
/** `"..."` or `'...'` (no line breaks): a principal, a property value or a whitelist. */
export const QuotedString = createToken({
  name: "QuotedString",
  pattern: /"(?:[^"\\\r\n]|\\.){0,1024}"|'(?:[^'\\\r\n]|\\.){0,1024}'/,
  label: "a quoted string",
});
/** `` `name` ``: an identifier that may be a keyword or hold any character but a backtick. */
export const BacktickName = createToken({
  name: "BacktickName",
  pattern: /`[^`\r\n]{1,256}`/,
  label: "a `quoted` name",
});
/** A number, or an address such as 10.0.0.0/8 or 192.168.1.1-192.168.1.9 (SETPROJECT's whitelist). */
export const NumberLike = createToken({ name: "NumberLike", pattern: /[0-9][0-9A-Za-z.:/-]*/, label: "a number" });
/**
 * A name: letters, digits and `_`, joined by `.`, `@`, `:`, `-`, `$` or `*`, so that principals
 * (ALIYUN$alice@aliyun.com, RAM$yunma@aliyun.com:Allen), qualified names (owner_project.package) and property
 * names (odps.security.ip.whitelist) are one token.
 */
export const Word = createToken({
  name: "Word",
  pattern: /[A-Za-z_][A-Za-z0-9_]*(?:[.@:$-]+[A-Za-z0-9_*]+)*/,
  label: "a name",
});

/** The match of `word` at `offset`, in any case (a custom pattern: no RegExp is built from data in lib/). */
const anyCase =
  (word: string): CustomPatternMatcherFunc =>
  (text, offset) => {
    const found = text.slice(offset, offset + word.length);
    if (found.toUpperCase() !== word) return null;
    return [found] as [string];
  };

/** Every keyword: matched case-insensitively, and only as a whole word (a longer name is a Word). */
const keyword = (word: string): TokenType =>
  createToken({
    name: word,
    pattern: { exec: anyCase(word) },
    start_chars_hint: [word[0]!, word[0]!.toLowerCase()],
    line_breaks: false,
    longer_alt: Word,
    label: word,
  });

const KW = Object.fromEntries(STATEMENT_KEYWORDS.map((word) => [word, keyword(word)])) as Record<
  StatementKeyword,
  TokenType
>;

export const Add = KW.ADD;
export const Remove = KW.REMOVE;
export const List = KW.LIST;
export const Users = KW.USERS;
export const User = KW.USER;
export const Create = KW.CREATE;
export const Drop = KW.DROP;
export const Roles = KW.ROLES;
export const Role = KW.ROLE;
export const Describe = KW.DESCRIBE;
export const Desc = KW.DESC;
export const Grants = KW.GRANTS;
export const Grant = KW.GRANT;
export const Revoke = KW.REVOKE;
export const To = KW.TO;
export const From = KW.FROM;
export const On = KW.ON;
export const PrivilegeProperties = KW.PRIVILEGEPROPERTIES;
export const Privileges = KW.PRIVILEGES;
export const Show = KW.SHOW;
export const For = KW.FOR;
export const Acl = KW.ACL;
export const SetProject = KW.SETPROJECT;
export const Set = KW.SET;
export const Label = KW.LABEL;
export const With = KW.WITH;
export const Expired = KW.EXPIRED;
export const Exp = KW.EXP;
export const Exception = KW.EXCEPTION;
export const Clear = KW.CLEAR;
export const SecurityConfiguration = KW.SECURITYCONFIGURATION;
export const TrustedProjects = KW.TRUSTEDPROJECTS;
export const TrustedProject = KW.TRUSTEDPROJECT;
export const Packages = KW.PACKAGES;
export const Package = KW.PACKAGE;
export const Allow = KW.ALLOW;
export const Disallow = KW.DISALLOW;
export const Project = KW.PROJECT;
export const Install = KW.INSTALL;
export const Uninstall = KW.UNINSTALL;
export const Using = KW.USING;
export const Get = KW.GET;
export const Put = KW.PUT;
export const Policy = KW.POLICY;
export const WhoAmI = KW.WHOAMI;
export const True = KW.TRUE;
export const False = KW.FALSE;
export const Table = KW.TABLE;
export const View = KW.VIEW;
export const Function = KW.FUNCTION;
export const Resource = KW.RESOURCE;
export const Instance = KW.INSTANCE;

/** In STATEMENT_KEYWORDS' order, which puts a longer keyword before its prefix (USERS before USER). */
export const KEYWORDS: readonly TokenType[] = STATEMENT_KEYWORDS.map((word) => KW[word]);

/**
 * Order matters where patterns overlap: a longer keyword before its prefix (USERS before USER, SETPROJECT
 * before SET, EXPIRED before EXP); keywords before Word (each falls back to Word through longer_alt).
 */
export const ALL_TOKENS: readonly TokenType[] = [
  WhiteSpace,
  LineComment,
  Json,
  Semicolon,
  Comma,
  LParen,
  RParen,
  Equals,
  QuotedString,
  BacktickName,
  NumberLike,
  ...KEYWORDS,
  Word,
];

/**
 * Only `\n` ends a line, so lines and columns are counted as editors (and the console's caret) count them.
 * Lexing stops at the first error (only the first is reported): recovery would try every pattern at each
 * following character, about 2 µs a character, for an answer nobody reads.
 */
const statementLexer = new Lexer(ALL_TOKENS as TokenType[], {
  positionTracking: "full",
  recoveryEnabled: false,
  ensureOptimizations: false,
  lineTerminatorsPattern: /\n/g,
  lineTerminatorCharacters: ["\n"],
});

export function tokenizeStatements(text: string) {
  jsonScanFailed = false;
  return statementLexer.tokenize(text);
}
