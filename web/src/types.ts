/**
 * The viewer's input: analysis.json as `doichieu analyze` writes it, with the
 * optional `findings` of the diff stage. Types only; nothing here reaches the
 * bundle.
 */
import type { AnalysedPlan, Analysis as ReportAnalysis } from '@doichieu/report';
import type { Findings } from '../../packages/diff/src/schema.ts';

export type { Findings };
export type Analysis = ReportAnalysis & { findings?: Findings };
export type Plan = AnalysedPlan;
export type Unit = Plan['units'][number];
export type Field = Plan['fields'][number];
export type DocRef = Plan['references'][number];
export type CoverageCell = ReportAnalysis['coverage'][number]['cells'][number];
export type CoverageStatus = CoverageCell['status'];
export type TaskGroup = ReportAnalysis['directive']['taskGroups'][number];
export type PlanComparison = Findings['comparisons'][number];
export type UnitPair = PlanComparison['pairs'][number];
export type PassageRef = UnitPair['a'];
export type DiffPart = UnitPair['diff'][number];
export type AdditionCluster = Findings['additions'][number];
export type Omission = Findings['omissions'][number];
export type Lang = 'vi' | 'en';
