import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/** One exported declaration without a doc comment: `path` is relative to the repository root, `line` 1-based. */
export interface UndocumentedExport {
  path: string;
  line: number;
  name: string;
}

/** Every `.ts` file under `dir`, sorted, as absolute paths. */
function typeScriptFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

function isExported(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
}

/**
 * A `/** … *\/` block right above the declaration (no blank line between: a file's header comment
 * followed by a blank line documents the file, not its first export) with some text or a tag: an
 * empty `/** *\/` does not document anything.
 */
function hasDocComment(node: ts.Node, source: ts.SourceFile): boolean {
  const declarationLine = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
  return ts.getJSDocCommentsAndTags(node).some((doc) => {
    if (!ts.isJSDoc(doc)) return true;
    if (source.getLineAndCharacterOfPosition(doc.getEnd()).line < declarationLine - 1) return false;
    const text = typeof doc.comment === 'string' ? doc.comment : (doc.comment ?? []).map((part) => part.text).join('');
    return text.trim() !== '' || (doc.tags?.length ?? 0) > 0;
  });
}

/** The exported declarations of one statement: name and whether it counts (function, class, interface, type, const, enum). */
function declarationNames(statement: ts.Statement): string[] {
  if (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) return [statement.name?.text ?? 'default'];
  if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement) || ts.isEnumDeclaration(statement)) {
    return [statement.name.text];
  }
  if (ts.isVariableStatement(statement)) {
    return statement.declarationList.declarations.map((declaration) => declaration.name.getText());
  }
  return [];
}

/**
 * Exported functions, classes, interfaces, type aliases, variables (const/let) and enums of every
 * file under `srcDir` that carry no JSDoc comment. Re-exports (`export … from`) are documented where
 * they are declared; an overloaded function is documented when any of its signatures is.
 */
export function findUndocumentedExports(rootDir: string, srcDir = 'src'): UndocumentedExport[] {
  const found: UndocumentedExport[] = [];
  for (const file of typeScriptFiles(join(rootDir, srcDir))) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const documented = new Set<string>();
    const candidates: { name: string; line: number }[] = [];
    for (const statement of source.statements) {
      if (!isExported(statement)) continue;
      const names = declarationNames(statement);
      const line = source.getLineAndCharacterOfPosition(statement.getStart(source)).line + 1;
      for (const name of names) {
        if (hasDocComment(statement, source)) documented.add(name);
        else candidates.push({ name, line });
      }
    }
    const path = relative(rootDir, file).split('\\').join('/');
    const seen = new Set<string>();
    for (const { name, line } of candidates) {
      if (documented.has(name) || seen.has(name)) continue;
      seen.add(name);
      found.push({ path, line, name });
    }
  }
  return found;
}

/** `src/x.ts name`: how an allow-list line names an export (no line number, so edits above it do not stale the list). */
export function allowListKey(entry: { path: string; name: string }): string {
  return `${entry.path} ${entry.name}`;
}
