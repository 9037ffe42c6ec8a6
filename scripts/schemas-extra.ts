import { Analysis } from '@doichieu/report';
import type { z } from 'zod';

/** Schemas of later stages, registered here as they land. */
export const extraSchemas: Record<string, z.ZodType> = {
  'analysis.schema.json': Analysis,
};
