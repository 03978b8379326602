import { z } from 'zod';

/** Names that end up as folder names under results/, so they must be safe on every OS. */
export const folderSafeName = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, {
    error: 'must be a folder-safe name: letters, digits, ".", "_" or "-", starting with a letter or digit, at most 64 characters',
  });

export const positiveInt = z.number().int().min(1);

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

export const httpUrl = z.string().refine(isHttpUrl, { error: 'must be an http:// or https:// URL' });

/** A list whose duplicates would plan the same job twice. */
export function uniqueList<Item extends z.ZodType>(item: Item) {
  return z
    .array(item)
    .min(1)
    .superRefine((items, ctx) => {
      items.forEach((value, index) => {
        if (items.indexOf(value) !== index) {
          ctx.addIssue({ code: 'custom', path: [index], message: `duplicate value ${JSON.stringify(value)}` });
        }
      });
    });
}
