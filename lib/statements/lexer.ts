import { createToken, Lexer, type CustomPatternMatcherFunc, type TokenType } from "chevrotain";

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

export const Add = keyword("ADD");
export const Remove = keyword("REMOVE");
export const List = keyword("LIST");
export const Users = keyword("USERS");
export const User = keyword("USER");
export const Create = keyword("CREATE");
export const Drop = keyword("DROP");
export const Roles = keyword("ROLES");
export const Role = keyword("ROLE");
export const Describe = keyword("DESCRIBE");
export const Desc = keyword("DESC");
export const Grants = keyword("GRANTS");
export const Grant = keyword("GRANT");
export const Revoke = keyword("REVOKE");
export const To = keyword("TO");
export const From = keyword("FROM");
export const On = keyword("ON");
export const PrivilegeProperties = keyword("PRIVILEGEPROPERTIES");
export const Privileges = keyword("PRIVILEGES");
export const Show = keyword("SHOW");
export const For = keyword("FOR");
export const Acl = keyword("ACL");
export const SetProject = keyword("SETPROJECT");
export const Set = keyword("SET");
export const Label = keyword("LABEL");
export const With = keyword("WITH");
export const Expired = keyword("EXPIRED");
export const Exp = keyword("EXP");
export const Exception = keyword("EXCEPTION");
export const Clear = keyword("CLEAR");
export const SecurityConfiguration = keyword("SECURITYCONFIGURATION");
export const TrustedProjects = keyword("TRUSTEDPROJECTS");
export const TrustedProject = keyword("TRUSTEDPROJECT");
export const Packages = keyword("PACKAGES");
export const Package = keyword("PACKAGE");
export const Allow = keyword("ALLOW");
export const Disallow = keyword("DISALLOW");
export const Project = keyword("PROJECT");
export const Install = keyword("INSTALL");
export const Uninstall = keyword("UNINSTALL");
export const Using = keyword("USING");
export const Get = keyword("GET");
export const Put = keyword("PUT");
export const Policy = keyword("POLICY");
export const WhoAmI = keyword("WHOAMI");
export const True = keyword("TRUE");
export const False = keyword("FALSE");
export const Table = keyword("TABLE");
export const View = keyword("VIEW");
export const Function = keyword("FUNCTION");
export const Resource = keyword("RESOURCE");
export const Instance = keyword("INSTANCE");

export const KEYWORDS: readonly TokenType[] = [
  Add, Remove, List, Users, User, Create, Drop, Roles, Role, Describe, Desc, Grants, Grant, Revoke, To, From, On,
  PrivilegeProperties, Privileges, Show, For, Acl, SetProject, Set, Label, With, Expired, Exp, Exception, Clear,
  SecurityConfiguration, TrustedProjects, TrustedProject, Packages, Package, Allow, Disallow, Project, Install,
  Uninstall, Using, Get, Put, Policy, WhoAmI, True, False, Table, View, Function, Resource, Instance,
]; // prettier-ignore

/** The keywords as the console completes them (upper case, as the references write them). */
export const KEYWORD_WORDS: readonly string[] = KEYWORDS.map((token) => token.name);

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

/** Only `\n` ends a line, so lines and columns are counted as editors (and the console's caret) count them. */
const statementLexer = new Lexer(ALL_TOKENS as TokenType[], {
  positionTracking: "full",
  ensureOptimizations: false,
  lineTerminatorsPattern: /\n/g,
  lineTerminatorCharacters: ["\n"],
});

export function tokenizeStatements(text: string) {
  jsonScanFailed = false;
  return statementLexer.tokenize(text);
}
