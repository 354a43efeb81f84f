/** API shapes of the protocol library: versioned protocol lines, their listing and an edit (a new version). */
import { z } from 'zod';
import { Uuid } from './common.ts';

const shortText = (max: number) => z.string().trim().min(1).max(max);

export const ProtocolRoute = z.enum(['iv', 'im', 'sublingual', 'oral', 'intranasal']);
export const ProtocolDrug = z.enum(['ketamine', 'esketamine']);
export const ProtocolItem = z.object({
  id: Uuid,
  key: z.string(),
  name: z.string(),
  route: ProtocolRoute,
  drug: ProtocolDrug,
  version: z.number(),
  status: z.enum(['active', 'draft', 'retired']),
  active: z.boolean(),
  isDefault: z.boolean(),
  current: z.boolean(),
  changeNote: z.string().nullable(),
  createdAt: z.string(),
  protocol: z.record(z.string(), z.unknown()),
});
export type ProtocolItem = z.infer<typeof ProtocolItem>;
export const ProtocolList = z.object({ items: z.array(ProtocolItem) });
export const ProtocolListQuery = z.object({ history: z.enum(['true', 'false']).optional() });
/** An edit of a protocol line: the full protocol data (validated by validateProtocol) → a new version. */
export const UpdateProtocolRequest = z
  .object({
    protocol: z.record(z.string(), z.unknown()),
    changeNote: shortText(500),
    makeDefault: z.boolean().optional(),
  })
  .strict();
