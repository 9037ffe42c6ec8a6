export {
  generateCorpus,
  ocrDamage,
  otherToneStyle,
  type SynthOptions,
  type SynthPlan,
  type TemplatePlan,
} from './generate.ts';
export { PROVINCES } from './provinces.ts';
export { type Random, seededRandom } from './random.ts';
