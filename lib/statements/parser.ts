import { EmbeddedActionsParser, EOF, type IToken, type TokenType } from "chevrotain";
import { PRIVILEGES, PRIVILEGES_BY_TYPE, type ObjectType, type Privilege } from "@/lib/authz/model/privileges";
import { jsonErrorOffset } from "@/lib/catalog/json-error-offset";
import {
  SECURITY_CONFIGURATIONS,
  WHITELIST_PROPERTY,
  type PackageObjectType,
  type ParseResult,
  type PrincipalType,
  type SourcePosition,
  type Statement,
  type StatementBody,
} from "./ast";
import * as T from "./lexer";

/** The longest statement text accepted, and the most statements one text may hold. */
export const MAX_STATEMENT_LENGTH = 64 * 1024;
export const MAX_STATEMENTS = 100;
/** The most names one list (columns, privileges, roles, whitelist entries) may hold. */
export const MAX_LIST_LENGTH = 1_200;
/** WITH EXP / expires: at most ten years. */
export const MAX_DAYS = 3_650;

/** An invalid statement found while parsing: where, and what to do about it. */
class StatementSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: SourcePosition,
  ) {
    super(message);
  }
}

const positionOf = (token: IToken): SourcePosition => ({
  offset: token.startOffset,
  line: token.startLine ?? 1,
  column: token.startColumn ?? 1,
});

const fail = (token: IToken, message: string): never => {
  throw new StatementSyntaxError(message, positionOf(token));
};

/** A name as written: a backticked or quoted one without its quotes (a quoted one's escapes resolved). */
function nameText(token: IToken): string {
  if (token.tokenType === T.BacktickName) return token.image.slice(1, -1);
  if (token.tokenType === T.QuotedString) return token.image.slice(1, -1).replace(/\\(.)/g, "$1");
  return token.image;
}

const OBJECT_TYPE_OF_TOKEN = new Map<TokenType, ObjectType>([
  [T.Table, "Table"],
  [T.View, "View"],
  [T.Function, "Function"],
  [T.Resource, "Resource"],
  [T.Instance, "Instance"],
  [T.Project, "Project"],
  [T.Package, "Package"],
]);

interface Named {
  text: string;
  token: IToken;
}

/**
 * The grammar of MaxCompute's security statements (the references' syntax), with the AST built as it parses.
 * One instance is reused (chevrotain parsers are built once and re-fed); it is not re-entrant, and parsing is
 * synchronous, so that is safe in one process. Semantic checks (a label above 9, a privilege the object type
 * does not have) throw StatementSyntaxError at the offending token.
 */
class StatementParser extends EmbeddedActionsParser {
  constructor() {
    super(T.ALL_TOKENS as TokenType[], { maxLookahead: 2 });
    this.performSelfAnalysis();
  }

  /** `stmt (; stmt)* ;?` — empty statements (`;;`) are skipped; two statements need a `;` between them. */
  public script = this.RULE("script", (): Statement[] => {
    const statements: Statement[] = [];
    let separated = true;
    this.MANY(() => {
      this.OR([
        {
          ALT: () => {
            this.CONSUME(T.Semicolon);
            separated = true;
          },
        },
        {
          ALT: () => {
            const first = this.LA(1);
            const body = this.SUBRULE(this.statement);
            const last = this.LA(0);
            this.ACTION(() => {
              if (!separated) fail(first, "Separate statements with ';'.");
              if (statements.length === MAX_STATEMENTS)
                fail(first, `At most ${MAX_STATEMENTS} statements may run at once.`);
              statements.push({
                ...body,
                position: positionOf(first),
                text: this.source.slice(first.startOffset, (last.endOffset ?? first.startOffset) + 1),
              });
              separated = false;
            });
          },
        },
      ]);
    });
    return statements;
  });

  /** The text being parsed (for each statement's own text). */
  source = "";

  private statement = this.RULE("statement", (): StatementBody => {
    return this.OR([
      { ALT: () => this.SUBRULE(this.addStatement) },
      { ALT: () => this.SUBRULE(this.removeStatement) },
      { ALT: () => this.SUBRULE(this.listStatement) },
      { ALT: () => this.SUBRULE(this.createStatement) },
      { ALT: () => this.SUBRULE(this.dropStatement) },
      { ALT: () => this.SUBRULE(this.describeStatement) },
      { ALT: () => this.SUBRULE(this.grantStatement) },
      { ALT: () => this.SUBRULE(this.revokeStatement) },
      { ALT: () => this.SUBRULE(this.showStatement) },
      { ALT: () => this.SUBRULE(this.setStatement) },
      { ALT: () => this.SUBRULE(this.setProjectStatement) },
      { ALT: () => this.SUBRULE(this.clearStatement) },
      { ALT: () => this.SUBRULE(this.allowStatement) },
      { ALT: () => this.SUBRULE(this.disallowStatement) },
      { ALT: () => this.SUBRULE(this.installStatement) },
      { ALT: () => this.SUBRULE(this.uninstallStatement) },
      { ALT: () => this.SUBRULE(this.getPolicyStatement) },
      { ALT: () => this.SUBRULE(this.putPolicyStatement) },
      {
        ALT: () => {
          this.CONSUME(T.WhoAmI);
          return { kind: "WhoAmI" as const };
        },
      },
    ]);
  });

  // ADD USER p | ADD TRUSTEDPROJECT q | ADD <type> name TO PACKAGE k [WITH PRIVILEGES a, b]
  private addStatement = this.RULE("addStatement", (): StatementBody => {
    this.CONSUME(T.Add);
    return this.OR([
      {
        ALT: () => {
          this.CONSUME(T.User);
          return { kind: "AddUser" as const, principal: this.SUBRULE(this.name).text };
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.TrustedProject);
          return { kind: "AddTrustedProject" as const, project: this.SUBRULE2(this.name).text };
        },
      },
      {
        ALT: () => {
          const type = this.SUBRULE(this.packageObjectType);
          const object = this.SUBRULE3(this.name);
          this.CONSUME(T.To);
          this.CONSUME(T.Package);
          const pkg = this.SUBRULE4(this.name);
          const privileges =
            this.OPTION(() => {
              this.CONSUME(T.With);
              this.CONSUME(T.Privileges);
              return this.SUBRULE(this.privilegeList, { ARGS: [type] });
            }) ?? [];
          return {
            kind: "AddToPackage" as const,
            objectType: type,
            objectName: object.text,
            packageName: pkg.text,
            privileges,
          };
        },
      },
    ]);
  });

  // REMOVE USER p | REMOVE TRUSTEDPROJECT q | REMOVE <type> name FROM PACKAGE k
  private removeStatement = this.RULE("removeStatement", (): StatementBody => {
    this.CONSUME(T.Remove);
    return this.OR([
      {
        ALT: () => {
          this.CONSUME(T.User);
          return { kind: "RemoveUser" as const, principal: this.SUBRULE(this.name).text };
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.TrustedProject);
          return { kind: "RemoveTrustedProject" as const, project: this.SUBRULE2(this.name).text };
        },
      },
      {
        ALT: () => {
          const type = this.SUBRULE(this.packageObjectType);
          const object = this.SUBRULE3(this.name);
          this.CONSUME(T.From);
          this.CONSUME(T.Package);
          const pkg = this.SUBRULE4(this.name);
          return {
            kind: "RemoveFromPackage" as const,
            objectType: type,
            objectName: object.text,
            packageName: pkg.text,
          };
        },
      },
    ]);
  });

  private listStatement = this.RULE("listStatement", (): StatementBody => {
    this.CONSUME(T.List);
    return this.OR([
      { ALT: () => (this.CONSUME(T.Users), { kind: "ListUsers" as const }) },
      { ALT: () => (this.CONSUME(T.Roles), { kind: "ListRoles" as const }) },
      { ALT: () => (this.CONSUME(T.TrustedProjects), { kind: "ListTrustedProjects" as const }) },
    ]);
  });

  private createStatement = this.RULE("createStatement", (): StatementBody => {
    this.CONSUME(T.Create);
    return this.OR([
      { ALT: () => (this.CONSUME(T.Role), { kind: "CreateRole" as const, role: this.SUBRULE(this.name).text }) },
      {
        ALT: () => (
          this.CONSUME(T.Package),
          { kind: "CreatePackage" as const, packageName: this.SUBRULE2(this.name).text }
        ),
      },
    ]);
  });

  private dropStatement = this.RULE("dropStatement", (): StatementBody => {
    this.CONSUME(T.Drop);
    return this.OR([
      { ALT: () => (this.CONSUME(T.Role), { kind: "DropRole" as const, role: this.SUBRULE(this.name).text }) },
      {
        ALT: () => (
          this.CONSUME(T.Package),
          { kind: "DropPackage" as const, packageName: this.SUBRULE2(this.name).text }
        ),
      },
    ]);
  });

  // DESCRIBE ROLE r | DESCRIBE PACKAGE k | DESCRIBE [TABLE|VIEW] t   (DESC for short)
  private describeStatement = this.RULE("describeStatement", (): StatementBody => {
    this.OR([{ ALT: () => this.CONSUME(T.Describe) }, { ALT: () => this.CONSUME(T.Desc) }]);
    return this.OR2([
      { ALT: () => (this.CONSUME(T.Role), { kind: "DescribeRole" as const, role: this.SUBRULE(this.name).text }) },
      {
        ALT: () => (
          this.CONSUME(T.Package),
          { kind: "DescribePackage" as const, packageName: this.SUBRULE2(this.name).text }
        ),
      },
      {
        ALT: () => {
          const objectType = this.OPTION(() => this.SUBRULE(this.labelledType)) ?? "Table";
          return { kind: "Describe" as const, objectType, objectName: this.SUBRULE3(this.name).text };
        },
      },
    ]);
  });

  // GRANT LABEL n ON TABLE t[(cols)] TO USER|ROLE p [WITH EXP d]
  // GRANT a, b ON <type> name[(cols)] TO USER|ROLE p [PRIVILEGEPROPERTIES(...)]
  // GRANT role, ... TO [USER] p
  private grantStatement = this.RULE("grantStatement", (): StatementBody => {
    this.CONSUME(T.Grant);
    return this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Label);
          const level = this.SUBRULE(this.level);
          this.CONSUME(T.On);
          const objectType = this.SUBRULE(this.labelledType);
          const object = this.SUBRULE(this.name);
          const columns = this.OPTION(() => this.SUBRULE(this.columnList)) ?? [];
          this.CONSUME(T.To);
          const { type: principalType, name: principal } = this.SUBRULE(this.typedPrincipal);
          const days = this.OPTION2(() => {
            this.CONSUME(T.With);
            this.CONSUME(T.Exp);
            return this.SUBRULE(this.days);
          });
          return {
            kind: "GrantLabel" as const,
            level,
            objectType,
            objectName: object.text,
            columns,
            principalType,
            principal,
            days: days ?? null,
          };
        },
      },
      {
        ALT: () => {
          const items = this.SUBRULE(this.itemList);
          return this.OR2([
            {
              ALT: () => {
                const target = this.SUBRULE(this.grantTarget);
                this.CONSUME3(T.To);
                const { type: granteeType, name: grantee } = this.SUBRULE2(this.typedPrincipal);
                const expiresInDays = this.OPTION3(() => this.SUBRULE(this.privilegeProperties)) ?? null;
                return {
                  kind: "GrantPrivileges" as const,
                  privileges: this.ACTION(() => privilegesOf(items, target.objectType)),
                  ...target,
                  granteeType,
                  grantee,
                  expiresInDays,
                };
              },
            },
            {
              ALT: () => {
                this.CONSUME2(T.To);
                this.OPTION4(() => this.CONSUME(T.User));
                const principal = this.SUBRULE2(this.name).text;
                return {
                  kind: "GrantRole" as const,
                  roles: this.ACTION(() => items.map((item) => item.text)),
                  principal,
                };
              },
            },
          ]);
        },
      },
    ]);
  });

  // REVOKE LABEL ON TABLE t[(cols)] FROM USER|ROLE p | REVOKE a, b ON <type> name[(cols)] FROM USER|ROLE p
  // REVOKE role, ... FROM [USER] p
  private revokeStatement = this.RULE("revokeStatement", (): StatementBody => {
    this.CONSUME(T.Revoke);
    return this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Label);
          this.CONSUME(T.On);
          const objectType = this.SUBRULE(this.labelledType);
          const object = this.SUBRULE(this.name);
          const columns = this.OPTION(() => this.SUBRULE(this.columnList)) ?? [];
          this.CONSUME(T.From);
          const { type: principalType, name: principal } = this.SUBRULE(this.typedPrincipal);
          return {
            kind: "RevokeLabel" as const,
            objectType,
            objectName: object.text,
            columns,
            principalType,
            principal,
          };
        },
      },
      {
        ALT: () => {
          const items = this.SUBRULE(this.itemList);
          return this.OR2([
            {
              ALT: () => {
                const target = this.SUBRULE(this.grantTarget);
                this.CONSUME2(T.From);
                const { type: granteeType, name: grantee } = this.SUBRULE2(this.typedPrincipal);
                return {
                  kind: "RevokePrivileges" as const,
                  privileges: this.ACTION(() => privilegesOf(items, target.objectType)),
                  ...target,
                  granteeType,
                  grantee,
                };
              },
            },
            {
              ALT: () => {
                this.CONSUME3(T.From);
                this.OPTION2(() => this.CONSUME(T.User));
                const principal = this.SUBRULE2(this.name).text;
                return {
                  kind: "RevokeRole" as const,
                  roles: this.ACTION(() => items.map((item) => item.text)),
                  principal,
                };
              },
            },
          ]);
        },
      },
    ]);
  });

  /** `ON <type> name[(columns)]`. */
  private grantTarget = this.RULE("grantTarget", () => {
    this.CONSUME(T.On);
    const objectType = this.SUBRULE(this.objectType);
    const object = this.SUBRULE(this.name);
    const columns = this.OPTION(() => this.SUBRULE(this.columnList)) ?? [];
    return { objectType, objectName: object.text, columns };
  });

  // PRIVILEGEPROPERTIES("expires" = "30"): the only property honoured is the grant's lifetime in days.
  private privilegeProperties = this.RULE("privilegeProperties", (): number | null => {
    this.CONSUME(T.PrivilegeProperties);
    this.CONSUME(T.LParen);
    let days: number | null = null;
    this.AT_LEAST_ONE_SEP({
      SEP: T.Comma,
      DEF: () => {
        const key = this.SUBRULE(this.name);
        this.CONSUME(T.Equals);
        const value = this.OR([{ ALT: () => this.CONSUME(T.QuotedString) }, { ALT: () => this.CONSUME(T.NumberLike) }]);
        this.ACTION(() => {
          if (key.text.toLowerCase() !== "expires")
            fail(key.token, `Unknown privilege property ${key.text}; the one supported is "expires" (days).`);
          days = daysOf(value, nameText(value));
        });
      },
    });
    this.CONSUME(T.RParen);
    return days;
  });

  // SHOW GRANTS [FOR USER|ROLE p] | SHOW ACL FOR [<type>] name | SHOW LABEL [n] GRANTS [ON TABLE t] [FOR USER p]
  // SHOW SECURITYCONFIGURATION | SHOW PACKAGES
  private showStatement = this.RULE("showStatement", (): StatementBody => {
    this.CONSUME(T.Show);
    return this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Grants);
          const target = this.OPTION(() => {
            this.CONSUME(T.For);
            return this.SUBRULE(this.typedPrincipal);
          });
          return { kind: "ShowGrants" as const, principalType: target?.type ?? null, principal: target?.name ?? null };
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Acl);
          this.CONSUME2(T.For);
          const objectType = this.OPTION2(() => this.SUBRULE(this.objectType)) ?? "Table";
          return { kind: "ShowAcl" as const, objectType, objectName: this.SUBRULE(this.name).text };
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Label);
          const level = this.OPTION3(() => this.SUBRULE(this.level)) ?? null;
          this.CONSUME2(T.Grants);
          const objectName = this.OPTION4(() => {
            this.CONSUME(T.On);
            this.SUBRULE(this.labelledType);
            return this.SUBRULE2(this.name).text;
          });
          const principal = this.OPTION5(() => {
            this.CONSUME3(T.For);
            this.CONSUME(T.User);
            return this.SUBRULE3(this.name).text;
          });
          return {
            kind: "ShowLabelGrants" as const,
            level,
            objectName: objectName ?? null,
            principal: principal ?? null,
          };
        },
      },
      { ALT: () => (this.CONSUME(T.SecurityConfiguration), { kind: "ShowSecurityConfiguration" as const }) },
      { ALT: () => (this.CONSUME(T.Packages), { kind: "ShowPackages" as const }) },
    ]);
  });

  // SET LABEL n TO USER|ROLE p | SET LABEL n TO TABLE t[(cols)] | SET <configuration>=true|false [WITH EXCEPTION {…}]
  private setStatement = this.RULE("setStatement", (): StatementBody => {
    this.CONSUME(T.Set);
    return this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Label);
          const level = this.SUBRULE(this.level);
          this.CONSUME(T.To);
          return this.OR2([
            {
              ALT: () => {
                const { type: principalType, name: principal } = this.SUBRULE(this.typedPrincipal);
                return { kind: "SetPrincipalLabel" as const, level, principalType, principal };
              },
            },
            {
              ALT: () => {
                const objectType = this.SUBRULE(this.labelledType);
                const object = this.SUBRULE(this.name);
                const columns = this.OPTION(() => this.SUBRULE(this.columnList)) ?? [];
                return { kind: "SetObjectLabel" as const, level, objectType, objectName: object.text, columns };
              },
            },
          ]);
        },
      },
      {
        ALT: () => {
          const name = this.CONSUME(T.Word);
          this.CONSUME(T.Equals);
          const value = this.OR3([
            { ALT: () => (this.CONSUME(T.True), true) },
            { ALT: () => (this.CONSUME(T.False), false) },
          ]);
          const exception = this.OPTION2(() => {
            const withToken = this.CONSUME(T.With);
            this.CONSUME(T.Exception);
            return { json: this.CONSUME(T.Json), withToken };
          });
          return this.ACTION(() => {
            const setting = SECURITY_CONFIGURATIONS.find((known) => known.toLowerCase() === name.image.toLowerCase());
            if (!setting)
              return fail(
                name,
                `Unknown security configuration ${name.image}; use one of ${SECURITY_CONFIGURATIONS.join(", ")}.`,
              );
            if (exception && !(setting === "ProjectProtection" && value))
              fail(exception.withToken, "WITH EXCEPTION goes only with SET ProjectProtection=true.");
            return {
              kind: "SetSecurityConfiguration" as const,
              setting,
              value,
              exception: exception ? jsonOf(exception.json) : null,
            };
          });
        },
      },
    ]);
  });

  // SETPROJECT odps.security.ip.whitelist=10.0.0.0/8,192.168.1.1   (empty: no project whitelist)
  private setProjectStatement = this.RULE("setProjectStatement", (): StatementBody => {
    this.CONSUME(T.SetProject);
    const property = this.CONSUME(T.Word);
    this.CONSUME(T.Equals);
    const entries: string[] = [];
    this.MANY_SEP({
      SEP: T.Comma,
      DEF: () => {
        const entry = this.OR([
          { ALT: () => this.CONSUME(T.NumberLike) },
          { ALT: () => this.CONSUME2(T.Word) },
          { ALT: () => this.CONSUME(T.QuotedString) },
        ]);
        this.ACTION(() => {
          if (entries.length === MAX_LIST_LENGTH) fail(entry, `At most ${MAX_LIST_LENGTH} entries.`);
          entries.push(
            ...nameText(entry)
              .split(",")
              .map((part) => part.trim())
              .filter(Boolean),
          );
        });
      },
    });
    return this.ACTION(() => {
      if (property.image.toLowerCase() !== WHITELIST_PROPERTY)
        fail(property, `SETPROJECT sets ${WHITELIST_PROPERTY} only.`);
      return { kind: "SetWhitelist" as const, entries };
    });
  });

  private clearStatement = this.RULE("clearStatement", (): StatementBody => {
    this.CONSUME(T.Clear);
    this.CONSUME(T.Expired);
    this.CONSUME(T.Grants);
    return { kind: "ClearExpiredGrants" as const };
  });

  // ALLOW PROJECT q TO INSTALL PACKAGE k [USING LABEL n]
  private allowStatement = this.RULE("allowStatement", (): StatementBody => {
    this.CONSUME(T.Allow);
    const { project, packageName } = this.SUBRULE(this.installTarget);
    const label = this.OPTION(() => {
      this.CONSUME(T.Using);
      this.CONSUME(T.Label);
      return this.SUBRULE(this.level);
    });
    return { kind: "AllowInstall" as const, project, packageName, label: label ?? null };
  });

  private disallowStatement = this.RULE("disallowStatement", (): StatementBody => {
    this.CONSUME(T.Disallow);
    return { kind: "DisallowInstall" as const, ...this.SUBRULE(this.installTarget) };
  });

  /** `PROJECT q TO INSTALL PACKAGE k`. */
  private installTarget = this.RULE("installTarget", () => {
    this.CONSUME(T.Project);
    const project = this.SUBRULE(this.name).text;
    this.CONSUME(T.To);
    this.CONSUME(T.Install);
    this.CONSUME(T.Package);
    return { project, packageName: this.SUBRULE2(this.name).text };
  });

  private installStatement = this.RULE("installStatement", (): StatementBody => {
    this.CONSUME(T.Install);
    this.CONSUME(T.Package);
    return { kind: "InstallPackage" as const, ...this.SUBRULE(this.qualifiedPackage) };
  });

  private uninstallStatement = this.RULE("uninstallStatement", (): StatementBody => {
    this.CONSUME(T.Uninstall);
    this.CONSUME(T.Package);
    return { kind: "UninstallPackage" as const, ...this.SUBRULE(this.qualifiedPackage) };
  });

  /** `owner_project.package`. */
  private qualifiedPackage = this.RULE("qualifiedPackage", () => {
    const named = this.SUBRULE(this.name);
    return this.ACTION(() => {
      const parts = named.text.split(".");
      if (parts.length !== 2 || parts.some((part) => part === ""))
        fail(named.token, `Name the package as owner_project.package, not ${named.text}.`);
      return { ownerProject: parts[0]!, packageName: parts[1]! };
    });
  });

  private getPolicyStatement = this.RULE("getPolicyStatement", (): StatementBody => {
    this.CONSUME(T.Get);
    this.CONSUME(T.Policy);
    return { kind: "GetPolicy" as const, role: this.OPTION(() => this.SUBRULE(this.onRole)) ?? null };
  });

  private putPolicyStatement = this.RULE("putPolicyStatement", (): StatementBody => {
    this.CONSUME(T.Put);
    this.CONSUME(T.Policy);
    const json = this.CONSUME(T.Json);
    const role = this.OPTION(() => this.SUBRULE(this.onRole)) ?? null;
    return { kind: "PutPolicy" as const, document: this.ACTION(() => jsonOf(json)), role };
  });

  private onRole = this.RULE("onRole", (): string => {
    this.CONSUME(T.On);
    this.CONSUME(T.Role);
    return this.SUBRULE(this.name).text;
  });

  /** `USER p` or `ROLE r`. */
  private typedPrincipal = this.RULE("typedPrincipal", (): { type: PrincipalType; name: string } => {
    const type = this.OR([
      { ALT: () => (this.CONSUME(T.User), "User" as const) },
      { ALT: () => (this.CONSUME(T.Role), "Role" as const) },
    ]);
    return { type, name: this.SUBRULE(this.name).text };
  });

  private objectType = this.RULE("objectType", (): ObjectType => {
    const token = this.OR([
      { ALT: () => this.CONSUME(T.Table) },
      { ALT: () => this.CONSUME(T.View) },
      { ALT: () => this.CONSUME(T.Function) },
      { ALT: () => this.CONSUME(T.Resource) },
      { ALT: () => this.CONSUME(T.Instance) },
      { ALT: () => this.CONSUME(T.Project) },
      { ALT: () => this.CONSUME(T.Package) },
    ]);
    return OBJECT_TYPE_OF_TOKEN.get(token.tokenType) ?? "Table";
  });

  private packageObjectType = this.RULE("packageObjectType", (): PackageObjectType => {
    const token = this.OR([
      { ALT: () => this.CONSUME(T.Table) },
      { ALT: () => this.CONSUME(T.View) },
      { ALT: () => this.CONSUME(T.Function) },
      { ALT: () => this.CONSUME(T.Resource) },
      { ALT: () => this.CONSUME(T.Instance) },
    ]);
    return (OBJECT_TYPE_OF_TOKEN.get(token.tokenType) ?? "Table") as PackageObjectType;
  });

  private labelledType = this.RULE("labelledType", (): "Table" | "View" =>
    this.OR([
      { ALT: () => (this.CONSUME(T.Table), "Table" as const) },
      { ALT: () => (this.CONSUME(T.View), "View" as const) },
    ]),
  );

  /** A user, role, object, column, project or package name: plain, `backticked` or "quoted". */
  private name = this.RULE("name", (): Named => {
    const token = this.OR([
      { ALT: () => this.CONSUME(T.Word) },
      { ALT: () => this.CONSUME(T.BacktickName) },
      { ALT: () => this.CONSUME(T.QuotedString) },
    ]);
    return this.ACTION(() => {
      const text = nameText(token);
      if (text.trim() === "") fail(token, "A name may not be empty.");
      if (text.length > 320) fail(token, "A name has at most 320 characters.");
      return { text, token };
    });
  });

  /** Privileges or role names before ON / TO / FROM: names, and the privileges spelled like keywords. */
  private itemList = this.RULE("itemList", (): Named[] => {
    const items: Named[] = [];
    this.AT_LEAST_ONE_SEP({
      SEP: T.Comma,
      DEF: () => {
        const item = this.OR([
          { ALT: () => this.SUBRULE(this.name) },
          { ALT: () => this.SUBRULE(this.keywordPrivilege) },
        ]);
        this.ACTION(() => {
          if (items.length === MAX_LIST_LENGTH) fail(item.token, `At most ${MAX_LIST_LENGTH} names in a list.`);
          items.push(item);
        });
      },
    });
    return items;
  });

  /** DESCRIBE, DROP and LIST are keywords and privileges. */
  private keywordPrivilege = this.RULE("keywordPrivilege", (): Named => {
    const token = this.OR([
      { ALT: () => this.CONSUME(T.Describe) },
      { ALT: () => this.CONSUME(T.Drop) },
      { ALT: () => this.CONSUME(T.List) },
    ]);
    return { text: token.image, token };
  });

  /** `WITH PRIVILEGES a, b` of a package: each a privilege of the object type. */
  private privilegeList = this.RULE("privilegeList", (type: ObjectType): Privilege[] => {
    const items = this.SUBRULE(this.itemList);
    return this.ACTION(() => privilegesOf(items, type));
  });

  private columnList = this.RULE("columnList", (): string[] => {
    this.CONSUME(T.LParen);
    const columns: string[] = [];
    this.AT_LEAST_ONE_SEP({
      SEP: T.Comma,
      DEF: () => {
        const column = this.SUBRULE(this.name);
        this.ACTION(() => {
          if (columns.length === MAX_LIST_LENGTH) fail(column.token, `At most ${MAX_LIST_LENGTH} columns.`);
          columns.push(column.text);
        });
      },
    });
    this.CONSUME(T.RParen);
    return columns;
  });

  private level = this.RULE("level", (): number => {
    const token = this.CONSUME(T.NumberLike);
    return this.ACTION(() => {
      if (!/^[0-9]$/.test(token.image)) fail(token, `A label is a whole number from 0 to 9, not ${token.image}.`);
      return Number(token.image);
    });
  });

  private days = this.RULE("days", (): number => {
    const token = this.CONSUME(T.NumberLike);
    return this.ACTION(() => daysOf(token, token.image));
  });
}

function daysOf(token: IToken, text: string): number {
  const days = /^[0-9]{1,5}$/.test(text) ? Number(text) : NaN;
  if (!(days >= 1 && days <= MAX_DAYS))
    fail(token, `Give the days as a whole number from 1 to ${MAX_DAYS}, not ${text}.`);
  return days;
}

/** Privilege names (any case) as the engine spells them, each one the object type has. */
function privilegesOf(items: readonly Named[], type: ObjectType): Privilege[] {
  const valid = PRIVILEGES_BY_TYPE[type];
  const privileges: Privilege[] = [];
  for (const item of items) {
    const privilege = PRIVILEGES.find((known) => known.toLowerCase() === item.text.toLowerCase());
    if (!privilege) fail(item.token, `${item.text} is not a privilege; use one of ${valid.join(", ")}.`);
    else if (!valid.includes(privilege))
      fail(item.token, `A ${type.toLowerCase()} has no ${privilege} privilege; use one of ${valid.join(", ")}.`);
    else if (!privileges.includes(privilege)) privileges.push(privilege);
  }
  return privileges;
}

/** A JSON token's value, or an error at the exact character where the JSON stops being valid. */
function jsonOf(token: IToken): unknown {
  try {
    return JSON.parse(token.image) as unknown;
  } catch {
    const at = jsonErrorOffset(token.image) ?? 0;
    const before = token.image.slice(0, at);
    const lines = before.split("\n");
    const line = (token.startLine ?? 1) + lines.length - 1;
    const column = lines.length === 1 ? (token.startColumn ?? 1) + at : lines.at(-1)!.length + 1;
    throw new StatementSyntaxError("The policy is not valid JSON here.", {
      offset: token.startOffset + at,
      line,
      column,
    });
  }
}

const parser = new StatementParser();

/** Where the text ends (for an error at the end of input). */
function endOf(text: string): SourcePosition {
  const lines = text.split("\n");
  return { offset: text.length, line: lines.length, column: lines.at(-1)!.length + 1 };
}

/**
 * Parses one or more statements separated by `;`. Never throws: any input answers either the statements or the
 * first error with its position. Nothing runs when any statement is invalid.
 */
export function parseStatements(text: string): ParseResult {
  if (text.length > MAX_STATEMENT_LENGTH)
    return {
      ok: false,
      error: { message: `Statements may be at most ${MAX_STATEMENT_LENGTH} characters long.`, position: endOf("") },
    };
  const lexed = T.tokenizeStatements(text);
  const lexError = lexed.errors[0];
  if (lexError) {
    const char = text[lexError.offset] ?? "";
    const message =
      char === "{"
        ? `The JSON object starting here is not closed (or is longer than ${T.MAX_JSON_LENGTH} characters).`
        : `Unexpected character ${JSON.stringify(char)}.`;
    return {
      ok: false,
      error: { message, position: { offset: lexError.offset, line: lexError.line ?? 1, column: lexError.column ?? 1 } },
    };
  }
  parser.source = text;
  parser.input = lexed.tokens;
  try {
    const statements = parser.script();
    const parseError = parser.errors[0];
    if (parseError) {
      const token = parseError.token;
      const position = token.tokenType === EOF || Number.isNaN(token.startOffset) ? endOf(text) : positionOf(token);
      const message =
        parseError.name === "NotAllInputParsedException"
          ? `Unexpected ${foundText(token)}; a statement starts with ${STATEMENT_STARTS}.`
          : friendlyMessage(parseError.message, token);
      return { ok: false, error: { message, position } };
    }
    if (statements.length === 0)
      return { ok: false, error: { message: "Type a statement, such as LIST USERS.", position: endOf(text) } };
    return { ok: true, statements };
  } catch (error) {
    if (error instanceof StatementSyntaxError) {
      return { ok: false, error: { message: error.message, position: error.position } };
    }
    throw error;
  } finally {
    parser.source = "";
    parser.input = [];
  }
}

/** The first words of every statement, for the error at a word that starts none. */
const STATEMENT_STARTS = [T.Add, T.Remove, T.List, T.Create, T.Drop, T.Describe, T.Grant, T.Revoke, T.Show, T.Set,
  T.SetProject, T.Clear, T.Allow, T.Disallow, T.Install, T.Uninstall, T.Get, T.Put, T.WhoAmI]
  .map((token) => token.name)
  .join(", "); // prettier-ignore

const foundText = (token: IToken) => (token.tokenType === EOF ? "end of input" : `'${token.image.slice(0, 40)}'`);

/** Chevrotain's messages list token sequences; one line naming what was found reads better. */
function friendlyMessage(message: string, token: IToken): string {
  const found = foundText(token);
  const expected = /Expecting token of type --> (.+?) <--/.exec(message)?.[1];
  if (expected) return `Expected ${expected} but found ${found}.`;
  const sequences = /one of these possible Token sequences:\n([\s\S]*?)\nbut found/.exec(message)?.[1];
  if (sequences) {
    const firsts = [...sequences.matchAll(/\[([^\],]+)/g)].map((match) => match[1]!.trim());
    return `Unexpected ${found}; expected ${[...new Set(firsts)].slice(0, 12).join(", ")}.`;
  }
  return `Unexpected ${found}.`;
}
