/**
 * A check of analysis.json at load: the fields every view reads, with one
 * clear message naming the first bad path (`analysis.json: plans[0].units:
 * required`) instead of a blank page or a TypeError further on. The CLI and
 * scripts/view.ts check the whole file against its zod schema; this stays
 * small so that zod does not enter the bundle.
 */
import type { ViewerIndex, ViewerPlanFile } from './split.ts';
import type { Analysis } from './types.ts';

type Kind = 'string' | 'number' | 'object' | 'array';

class Bad extends Error {}

function kindOf(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  return typeof value;
}

function need(value: unknown, kind: Kind, path: string): void {
  const found = kindOf(value);
  if (found === kind) return;
  throw new Bad(found === 'undefined' ? `${path}: required` : `${path}: expected ${kind}, found ${found}`);
}

const field = (value: unknown, key: string): unknown => (value as Record<string, unknown>)[key];

/** Returns the parsed JSON typed as an Analysis, or throws an Error whose message names the first bad path. */
export function checkAnalysis(json: unknown, name: string): Analysis {
  try {
    need(json, 'object', '(root)');
    const directive = field(json, 'directive');
    need(directive, 'object', 'directive');
    need(field(directive, 'taskGroups'), 'array', 'directive.taskGroups');
    (field(directive, 'taskGroups') as unknown[]).forEach((g, i) => {
      need(g, 'object', `directive.taskGroups[${i}]`);
      need(field(g, 'id'), 'string', `directive.taskGroups[${i}].id`);
    });
    need(field(json, 'plans'), 'array', 'plans');
    (field(json, 'plans') as unknown[]).forEach((p, i) => {
      const at = `plans[${i}]`;
      need(p, 'object', at);
      need(field(p, 'id'), 'string', `${at}.id`);
      need(field(p, 'meta'), 'object', `${at}.meta`);
      need(field(p, 'source'), 'object', `${at}.source`);
      need(field(field(p, 'source'), 'text'), 'string', `${at}.source.text`);
      need(field(p, 'units'), 'array', `${at}.units`);
      (field(p, 'units') as unknown[]).forEach((u, j) => {
        need(u, 'object', `${at}.units[${j}]`);
        need(field(u, 'id'), 'string', `${at}.units[${j}].id`);
        need(field(u, 'text'), 'string', `${at}.units[${j}].text`);
        need(field(u, 'span'), 'array', `${at}.units[${j}].span`);
      });
    });
    need(field(json, 'coverage'), 'array', 'coverage');
    (field(json, 'coverage') as unknown[]).forEach((c, i) => {
      need(c, 'object', `coverage[${i}]`);
      need(field(c, 'planId'), 'string', `coverage[${i}].planId`);
      need(field(c, 'cells'), 'array', `coverage[${i}].cells`);
    });
  } catch (e) {
    if (e instanceof Bad) throw new Error(`${name}: ${e.message}`);
    throw e;
  }
  return json as Analysis;
}

function checked<T>(name: string, body: () => void, json: unknown): T {
  try {
    body();
  } catch (e) {
    if (e instanceof Bad) throw new Error(`${name}: ${e.message}`);
    throw e;
  }
  return json as T;
}

function checkPlanShape(p: unknown, at: string): void {
  need(p, 'object', at);
  need(field(p, 'id'), 'string', `${at}.id`);
  need(field(p, 'meta'), 'object', `${at}.meta`);
  need(field(p, 'source'), 'object', `${at}.source`);
  need(field(p, 'units'), 'array', `${at}.units`);
}

/** The viewer's data index (data/index.json): the fields the first view and the loader read. */
export function checkIndex(json: unknown, name: string): ViewerIndex {
  return checked<ViewerIndex>(
    name,
    () => {
      need(json, 'object', '(root)');
      if (field(json, 'format') !== 'doichieu-viewer/1')
        throw new Bad(`format: expected "doichieu-viewer/1", found ${JSON.stringify(field(json, 'format'))}`);
      need(field(field(json, 'directive'), 'taskGroups'), 'array', 'directive.taskGroups');
      const plans = field(json, 'plans') as unknown[];
      need(plans, 'array', 'plans');
      for (const [i, p] of plans.entries()) {
        need(field(p, 'id'), 'string', `plans[${i}].id`);
        need(field(p, 'meta'), 'object', `plans[${i}].meta`);
      }
      const coverage = field(json, 'coverage');
      need(coverage, 'object', 'coverage');
      for (const k of ['groups', 'plans', 'directive', 'status', 'share', 'units', 'operational'])
        need(field(coverage, k), 'array', `coverage.${k}`);
      const cells =
        (field(coverage, 'plans') as unknown[]).length * (field(coverage, 'groups') as unknown[]).length;
      for (const k of ['status', 'share', 'units', 'operational'])
        if ((field(coverage, k) as unknown[]).length !== cells)
          throw new Bad(`coverage.${k}: not one value per cell`);
      need(field(json, 'files'), 'object', 'files');
      for (const k of ['plans', 'bytes']) {
        need(field(field(json, 'files'), k), 'array', `files.${k}`);
        if ((field(field(json, 'files'), k) as unknown[]).length !== plans.length)
          throw new Bad(`files.${k}: not one per plan`);
      }
    },
    json,
  );
}

/** One plan file (data/plans/NNNNN.json). */
export function checkPlanFile(json: unknown, name: string): ViewerPlanFile {
  return checked<ViewerPlanFile>(
    name,
    () => {
      need(json, 'object', '(root)');
      need(field(json, 'planId'), 'string', 'planId');
      const plan = field(json, 'plan');
      checkPlanShape(plan, 'plan');
      need(field(field(plan, 'source'), 'text'), 'string', 'plan.source.text');
      (field(plan, 'units') as unknown[]).forEach((u, j) => {
        need(field(u, 'id'), 'string', `plan.units[${j}].id`);
        need(field(u, 'text'), 'string', `plan.units[${j}].text`);
      });
    },
    json,
  );
}
