import type { z } from 'zod';

/** Schemas of later stages (analysis.json, …), registered here as they land. */
export const extraSchemas: Record<string, z.ZodType> = {};
