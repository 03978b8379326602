import { z } from 'zod';

/**
 * The model id as it goes into `/v1beta/models/{model}:streamGenerateContent`.
 *
 * Rule: Google's Gemini model ids (`gemini-2.5-flash`, `gemini-2.5-flash-preview-05-20`,
 * `gemini-2.0-flash-001`, `gemma-3-27b-it`) are ASCII letters, digits, `.`, `-` and `_`; Google's
 * resource-naming rules allow letters, digits, dashes and underscores up to 128 characters
 * (cloud.google.com "Resource names"), and the dot appears in version numbers. So a model id is
 * 1 to 128 of `[A-Za-z0-9._-]`, starting with a letter or digit. Anything else (`/`, `?`, `#`,
 * `%`, spaces, `..` alone, Unicode look-alikes such as U+2011) would change the URL the request
 * goes to, so it is an error at load time rather than an escaped surprise at a relay.
 *
 * A `models/` prefix, as the ListModels API spells names, is accepted and removed. Tuned models
 * (`tunedModels/{id}`, id `[a-z]([a-z0-9-]{0,38}[a-z0-9])?` per the tunedModels API) live in the
 * caller's own Google project and are not served by relays: they are refused with that reason.
 */
export const MODEL_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** Why `name` (after removing `models/`) is not a model id, or undefined when it is one. */
export function modelNameProblem(name: string): { message: string; hint: string } | undefined {
  if (MODEL_ID.test(name)) return undefined;
  const hint = 'A model id is letters, digits, ".", "-" and "_" (e.g. gemini-2.5-flash), at most 128 characters';
  if (name === '') return { message: 'model is empty', hint };
  if (name.startsWith('tunedModels/')) {
    return { message: 'tuned models (tunedModels/...) are not supported', hint: "Relays serve Google's base models; give a model id such as gemini-2.5-flash" };
  }
  if (name.includes('${')) {
    return {
      message: `model ${JSON.stringify(name)} is not a model id`,
      hint: "${NAME} is expanded only in a relay's apiKey, baseUrl, proxy and headers; write the model id itself",
    };
  }
  if (name.length > 128) return { message: `model id is ${name.length} characters long`, hint };
  const bad = [...name].findIndex((char, index) => !(index === 0 ? /[A-Za-z0-9]/ : /[A-Za-z0-9._-]/).test(char));
  const char = [...name][bad] ?? '';
  const shown = /^[\x21-\x7e]$/.test(char) ? `"${char}"` : `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
  return { message: `model ${JSON.stringify(name)} is not a model id: ${shown} at character ${bad + 1} would change the request URL`, hint };
}

/** A suite or relay `model:` field: validated, `models/` prefix removed. */
export const modelName = z
  .string()
  .transform((name) => (name.startsWith('models/') ? name.slice('models/'.length) : name))
  .superRefine((name, ctx) => {
    const problem = modelNameProblem(name);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem.message, params: { hint: problem.hint } });
  });
