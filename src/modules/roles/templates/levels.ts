import { z } from "zod";

export const levelIds = ["junior", "mid", "senior"] as const;

export const ZLevel = z.enum(levelIds);
export type TLevel = z.infer<typeof ZLevel>;
