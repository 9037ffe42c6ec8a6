/** The layout file a plan made by `doichieu add` from a PDF, DOCX or image has beside its text. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DocumentLayout, formatZodError, type PlanMeta } from '@doichieu/core';
import { UserError } from './errors.ts';

export function readPlanLayout(corpusDir: string, meta: PlanMeta): DocumentLayout | undefined {
  if (!meta.layout) return undefined;
  const path = resolve(corpusDir, meta.layout);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(
      `plan ${meta.id}: ${code === 'ENOENT' ? `layout file not found: ${meta.layout}` : `cannot read layout ${meta.layout}: ${code ?? (e as Error).message.split('\n')[0]}`}`,
    );
  }
  const parsed = DocumentLayout.safeParse(json);
  if (!parsed.success) throw new UserError(`plan ${meta.id}: ${formatZodError(parsed.error, meta.layout)}`);
  return parsed.data;
}
