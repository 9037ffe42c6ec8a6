/** Shared by the format tests and the bench: the same plan through the text route and a file route. */
import { readFileSync } from 'node:fs';
import { type GoldRow, parseGold } from '@doichieu/align';
import {
  type DocumentLayout,
  type IngestedPlan,
  ingestPlan,
  ingestText,
  loadLexicon,
  type PlanMeta,
} from '@doichieu/core';
import { CORPUS_DIR, planBytes, readDirective, readManifest } from '@doichieu/core/testing';
import { decodeDocument } from '@doichieu/formats';
import { analysePlan, type PreparedModels, prepareModels } from '@doichieu/report';

export const lexicon = loadLexicon();
export const directive = readDirective();
export const manifest = readManifest();

export function readGold(): GoldRow[] {
  return parseGold(
    readFileSync(`${CORPUS_DIR}gold/annotations.csv`, 'utf8'),
    directive.taskGroups.map((g) => g.id),
  );
}

let models: PreparedModels | undefined;
export function sharedModels(): PreparedModels {
  if (!models) models = prepareModels(directive, readGold());
  return models;
}

export function textRoute(meta: PlanMeta): IngestedPlan {
  return ingestPlan(planBytes(meta), meta, { lexicon });
}

export async function fileRoute(
  meta: PlanMeta,
  bytes: Uint8Array,
  name: string,
): Promise<{ plan: IngestedPlan; text: string; layout: DocumentLayout }> {
  const doc = await decodeDocument(bytes, { name });
  if (!doc) throw new Error(`${name} decoded as a text file`);
  return {
    plan: ingestText(doc.text, meta, { lexicon, layout: doc.layout }),
    text: doc.text,
    layout: doc.layout,
  };
}

/** Unit id → sorted labels, for units that are labelled (engine or gold) on the text route. */
export function labelsOf(plan: IngestedPlan): Map<string, string> {
  const { plan: analysed } = analysePlan(directive, plan, sharedModels());
  const out = new Map<string, string>();
  for (const u of analysed.units) {
    const a = u.alignment as { content: boolean; labels: string[]; gold?: string[] };
    out.set(u.id, a.content ? [...a.labels].sort().join('+') : '(not content)');
  }
  return out;
}

export interface Agreement {
  labelled: number;
  agreeing: number;
  share: number;
  disagreements: string[];
}

export function labelAgreement(reference: IngestedPlan, candidate: IngestedPlan): Agreement {
  const ref = labelsOf(reference);
  const cand = labelsOf(candidate);
  const gold = new Set(sharedModels().gold ? Object.keys(sharedModels().gold) : []);
  let labelled = 0;
  let agreeing = 0;
  const disagreements: string[] = [];
  for (const [id, labels] of ref) {
    const isLabelled = (labels !== '(not content)' && labels !== '') || gold.has(id);
    if (!isLabelled) continue;
    labelled++;
    if (cand.get(id) === labels) agreeing++;
    else disagreements.push(`${id}: ${labels} → ${cand.get(id) ?? '(missing)'}`);
  }
  return { labelled, agreeing, share: labelled === 0 ? 1 : agreeing / labelled, disagreements };
}
