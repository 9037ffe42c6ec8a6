import { DocumentLayout } from '@doichieu/core';
import { PassimAlignment, PassimInputRecord, PassimRecord } from '@doichieu/measures';
import { Analysis } from '@doichieu/report';
import type { z } from 'zod';
import {
  ViewerCitations,
  ViewerIndex,
  ViewerPlanFile,
  ViewerSearchShard,
} from '../packages/cli/src/viewer/schema.ts';

/** Schemas of later stages, registered here as they land. */
export const extraSchemas: Record<string, z.ZodType> = {
  'analysis.schema.json': Analysis,
  'passim-input.schema.json': PassimInputRecord,
  'passim-output.schema.json': PassimRecord,
  'passim-align.schema.json': PassimAlignment,
  'layout.schema.json': DocumentLayout,
  'viewer-index.schema.json': ViewerIndex,
  'viewer-plan.schema.json': ViewerPlanFile,
  'viewer-citations.schema.json': ViewerCitations,
  'viewer-search.schema.json': ViewerSearchShard,
};
