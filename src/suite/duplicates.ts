import type { SuiteIssue } from './issues.js';
import type { YamlSource } from './yamlSource.js';

/**
 * One issue per repeated identifier, at the repeat, naming the line of the first: ids key the
 * output files and job ids, so two entries with one id would silently overwrite each other.
 */
export function duplicateIssues(ids: readonly unknown[], source: YamlSource, idPathOf: (index: number) => PropertyKey[], what: string): SuiteIssue[] {
  const firstIndexById = new Map<string, number>();
  const issues: SuiteIssue[] = [];
  ids.forEach((id, index) => {
    if (typeof id !== 'string') return;
    const firstIndex = firstIndexById.get(id);
    if (firstIndex === undefined) {
      firstIndexById.set(id, index);
      return;
    }
    const firstLine = source.lineOf(idPathOf(firstIndex));
    issues.push(source.toSuiteIssue({ path: idPathOf(index), message: `duplicate ${what} "${id}" (first defined on line ${firstLine})` }));
  });
  return issues;
}
