/**
 * The alignment engine: each unit → a probability per task group, the set of
 * groups it carries (multi-label, possibly none), a confidence, and the
 * evidence (terms and weights) that decided it.
 *
 * Two layers. The lexical layer uses only the directive file (its groups'
 * phrases), so a new directive works without annotations. The supervised
 * layer, trained on annotated units, learns weights for syllable n-grams,
 * directive-phrase scores, the heading's group and the unit's role.
 */
import type { Directive, Unit } from '@doichieu/core';
import {
  buildDirectiveLexicon,
  type DirectiveLexicon,
  scoreTokens,
  scoreWithDirective,
} from './directive-scorer.ts';
import {
  contentText,
  contextFeatures,
  FEATURE_SETTINGS,
  FeatureIndex,
  gramCount,
  gramNorm,
  unitFeatures,
} from './features.ts';
import { type LogisticModel, type SparseVector, trainLogistic } from './logistic.ts';
import { syllables } from './tokens.ts';

export interface Evidence {
  /** A term of the unit, a directive phrase, the heading, or the role. */
  feature: string;
  kind: 'term' | 'directive' | 'heading' | 'role' | 'kind' | 'length';
  weight: number;
}

export interface UnitAlignment {
  unitId: string;
  /** Whether the unit is content the engine labels (not a heading, header, recipients or signature). */
  content: boolean;
  scores: Record<string, number>;
  labels: string[];
  confidence: number;
  evidence: Record<string, Evidence[]>;
}

export interface TrainingExample {
  unit: Pick<Unit, 'text' | 'marker' | 'role' | 'kind' | 'headingPath'>;
  labels: readonly string[];
}

export interface AlignModel {
  method: 'supervised' | 'lexical';
  groups: string[];
  featureNames: string[];
  perGroup: { group: string; weights: number[]; bias: number; threshold: number }[];
  trainedOn: number;
}

type AlignableUnit = Pick<Unit, 'id' | 'text' | 'marker' | 'role' | 'kind' | 'headingPath'>;

const PROCEDURAL_ROLES = new Set(['header', 'recipients', 'signature']);
/** The codebook: attendee lists are conference logistics, never a task group, whatever words they contain. */
const NEVER_LABELLED_ROLES = new Set(['attendees']);

/** Content units are what the codebook labels: not headings, not the header, recipients or signature, not bare field lines. */
export function isContentUnit(unit: Pick<Unit, 'kind' | 'role' | 'text'>): boolean {
  if (unit.kind === 'heading' || PROCEDURAL_ROLES.has(unit.role)) return false;
  if (unit.kind === 'field' && unit.text.length < 160) return false;
  // Display text in capitals only (a banner, a maket, a letterhead line) states no task.
  if (!/\p{Ll}/u.test(unit.text)) return false;
  return true;
}

/** Examples made from the directive itself: each group's description is a unit of that group. */
function directiveExamples(directive: Directive): TrainingExample[] {
  return directive.taskGroups.flatMap((g) => [
    {
      unit: { text: g.description.vi, role: 'task', kind: 'bullet', headingPath: [g.label.vi] },
      labels: [g.id],
    },
    {
      unit: { text: g.phrases.join('; '), role: 'task', kind: 'bullet', headingPath: [g.label.vi] },
      labels: [g.id],
    },
  ]);
}

/** A unit carries a group when its probability is at least this. */
export const LABEL_THRESHOLD = 0.5;
/** Weights are kept to this many decimals, in memory as in the artefact: what is scored is what ships. */
export const WEIGHT_DECIMALS = 6;

const fixed = (x: number): number => +x.toFixed(WEIGHT_DECIMALS);

/** Trains the supervised layer. Only `evaluate` and the model build script call this; `analyze` loads the artefact. */
export function trainModel(directive: Directive, examples: readonly TrainingExample[]): AlignModel {
  const lexicon = buildDirectiveLexicon(directive);
  const all = [...examples, ...directiveExamples(directive)];
  const index = new FeatureIndex();
  const vectors = all.map((e) => index.vectorise(unitFeatures(e.unit, lexicon)));
  index.frozen = true;
  // Features in name order, so the model (and its artefact) does not depend on the examples' order.
  const order = index.names.map((_, i) => i).sort((a, b) => (index.names[a]! < index.names[b]! ? -1 : 1));
  const perGroup = lexicon.groups.map((group) => {
    const model = trainLogistic(
      vectors,
      all.map((e) => e.labels.includes(group)),
      index.size,
    );
    return {
      group,
      weights: order.map((i) => fixed(model.weights[i]!)),
      bias: fixed(model.bias),
      threshold: LABEL_THRESHOLD,
    };
  });
  return {
    method: 'supervised',
    groups: lexicon.groups,
    featureNames: order.map((i) => index.names[i]!),
    perGroup,
    trainedOn: examples.length,
  };
}

function describeFeature(name: string, lexiconGroups: string[]): Evidence['kind'] {
  if (name.startsWith('w:')) return 'term';
  if (name.startsWith('d:')) return 'directive';
  if (name.startsWith('h:')) return 'heading';
  if (name.startsWith('r:')) return 'role';
  if (name.startsWith('k:')) return 'kind';
  void lexiconGroups;
  return 'length';
}

const round = (x: number): number => +x.toFixed(4);

export interface Aligner {
  align(unit: AlignableUnit): UnitAlignment;
}

/** Base of the numeric gram keys: above any vocabulary size, and 3 syllables stay below 2^53. */
const SYLLABLE_KEY_BASE = 1 << 17;

/** Builds an aligner from a directive and, when annotated units exist, a trained model. */
export function createAligner(directive: Directive, model?: AlignModel): Aligner {
  const lexicon = buildDirectiveLexicon(directive);
  if (!model || model.method === 'lexical') return lexicalAligner(lexicon);
  const featureIndex = new Map(model.featureNames.map((n, i) => [n, i]));
  // Term features keyed by numbers: each syllable of the model's vocabulary gets an id, and a 1-3-gram
  // the key ((a·K + b)·K + c) with ids from 1, so a unit's grams are found without building strings.
  const syllableIds = new Map<string, number>();
  const termIndex = new Map<number, number>();
  model.featureNames.forEach((name, f) => {
    if (!name.startsWith('w:')) return;
    let key = 0;
    for (const syllable of name.slice(2).split(' ')) {
      let id = syllableIds.get(syllable);
      if (id === undefined) {
        id = syllableIds.size + 1;
        syllableIds.set(syllable, id);
      }
      key = key * SYLLABLE_KEY_BASE + id;
    }
    termIndex.set(key, f);
  });
  if (syllableIds.size >= SYLLABLE_KEY_BASE)
    throw new RangeError('model vocabulary too large for numeric gram keys');
  const compiled = model.perGroup.map((g) => ({
    ...g,
    model: { weights: Float64Array.from(g.weights), bias: g.bias } as LogisticModel,
  }));
  // All groups' weights of a feature side by side: one pass over a unit's features scores every group.
  const groupCount = compiled.length;
  const matrix = new Float64Array(model.featureNames.length * groupCount);
  compiled.forEach((g, j) => {
    for (let f = 0; f < g.model.weights.length; f++) matrix[f * groupCount + j] = g.model.weights[f]!;
  });
  const logits = new Float64Array(groupCount);
  return {
    align(unit) {
      const content = isContentUnit(unit);
      const tokens = syllables(contentText(unit));
      const directiveScore = scoreTokens(lexicon, tokens);
      // The same features as unitFeatures, but only those the model knows are counted.
      const termCounts = new Map<number, number>();
      const ids = tokens.map((t) => syllableIds.get(t) ?? 0);
      for (let i = 0; i < ids.length; i++) {
        let key = 0;
        // A syllable the model never saw ends every gram through it.
        for (let n = 1; n <= FEATURE_SETTINGS.ngramMax && i + n <= ids.length && ids[i + n - 1] !== 0; n++) {
          key = key * SYLLABLE_KEY_BASE + ids[i + n - 1]!;
          const f = termIndex.get(key);
          if (f !== undefined)
            termCounts.set(f, Math.min(FEATURE_SETTINGS.countCap, (termCounts.get(f) ?? 0) + 1));
        }
      }
      const grams = gramCount(tokens.length);
      const norm = gramNorm(grams);
      const x: SparseVector = { indices: [], values: [] };
      compiled.forEach((g, j) => {
        logits[j] = g.model.bias;
      });
      const add = (i: number, value: number): void => {
        x.indices.push(i);
        x.values.push(value);
        const row = i * groupCount;
        for (let j = 0; j < groupCount; j++) logits[j] = logits[j]! + matrix[row + j]! * value;
      };
      for (const [f, count] of termCounts) add(f, count * norm);
      for (const [name, value] of contextFeatures(unit, lexicon, directiveScore, grams)) {
        const i = featureIndex.get(name);
        if (i !== undefined) add(i, value);
      }
      const scores: Record<string, number> = {};
      const evidence: Record<string, Evidence[]> = {};
      const labels: string[] = [];
      let confidence = 1;
      const phraseHits = directiveScore.hits;
      for (let j = 0; j < groupCount; j++) {
        const g = compiled[j]!;
        const p = 1 / (1 + Math.exp(-logits[j]!));
        scores[g.group] = round(p);
        if (content && p >= g.threshold && !NEVER_LABELLED_ROLES.has(unit.role)) labels.push(g.group);
        if (content) confidence = Math.min(confidence, Math.max(p, 1 - p));
        // Evidence is kept only for groups with a real chance: no need to weigh every feature of the others.
        if (p < 0.2) continue;
        // The six strongest positive contributions, found in one pass without sorting every feature.
        const top: { index: number; weight: number }[] = [];
        for (let k = 0; k < x.indices.length; k++) {
          const weight = g.model.weights[x.indices[k]!]! * x.values[k]!;
          if (weight <= 0.05) continue;
          top.push({ index: x.indices[k]!, weight });
        }
        const contributions: Evidence[] = top
          .map((c) => ({ feature: model.featureNames[c.index]!, weight: round(c.weight) }))
          .filter((c) => c.weight > 0.05)
          .sort((a, b) => b.weight - a.weight || (a.feature < b.feature ? -1 : 1))
          .slice(0, 6)
          .flatMap((c): Evidence[] => {
            if (!c.feature.startsWith('d:'))
              return [
                {
                  feature: c.feature.replace(/^[a-z]:/, ''),
                  kind: describeFeature(c.feature, model.groups),
                  weight: c.weight,
                },
              ];
            // The directive-phrase score, shown as the phrases that made it, sharing its weight.
            const hits = phraseHits
              .filter((h) => h.group === g.group)
              .sort((a, b) => b.weight - a.weight || (a.phrase < b.phrase ? -1 : 1));
            const total = hits.reduce((s, h) => s + h.weight, 0) || 1;
            return hits.slice(0, 4).map((h) => ({
              feature: h.phrase,
              kind: 'directive',
              weight: round((c.weight * h.weight) / total),
            }));
          })
          .sort((a, b) => b.weight - a.weight || (a.feature < b.feature ? -1 : 1));
        if (contributions.length > 0) evidence[g.group] = contributions;
      }
      return {
        unitId: unit.id,
        content,
        scores,
        labels,
        confidence: round(content ? confidence : 1),
        evidence,
      };
    },
  };
}

/** Without annotations: the directive's phrases alone, a group carried when its score is high and near the best. */
function lexicalAligner(lexicon: DirectiveLexicon): Aligner {
  return {
    align(unit) {
      const content = isContentUnit(unit);
      const { scores, hits } = scoreWithDirective(lexicon, contentText(unit));
      const best = Math.max(0, ...lexicon.groups.map((g) => scores[g]!));
      const labels =
        content && unit.role !== 'logistics' && !NEVER_LABELLED_ROLES.has(unit.role)
          ? lexicon.groups.filter((g) => scores[g]! >= 1.2 && scores[g]! >= 0.6 * best)
          : [];
      const evidence: Record<string, Evidence[]> = {};
      for (const g of lexicon.groups) {
        const e = hits
          .filter((h) => h.group === g)
          .sort((a, b) => b.weight - a.weight)
          .slice(0, 6)
          .map((h) => ({ feature: h.phrase, kind: 'directive' as const, weight: h.weight }));
        if (e.length) evidence[g] = e;
      }
      const squashed = Object.fromEntries(
        lexicon.groups.map((g) => [g, round(1 - Math.exp(-scores[g]! / 1.5))]),
      );
      return {
        unitId: unit.id,
        content,
        scores: squashed,
        labels,
        confidence: round(best > 0 ? 1 - Math.exp(-best) : 1),
        evidence,
      };
    },
  };
}
