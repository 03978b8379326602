import { z } from 'zod';
import { closedObject } from './closedObject.js';
import { didYouMean } from './didYouMean.js';

/**
 * The parts of Gemini's `GenerateContentRequest` beyond `contents` and `generationConfig` that a
 * suite may set, at suite level and per case. Source: the Gemini API reference,
 * https://ai.google.dev/api/generate-content#request-body (SafetySetting, HarmCategory,
 * HarmBlockThreshold, Tool, ToolConfig) and https://ai.google.dev/api/caching#Content.
 * Enum values are checked so a typo fails before anything is paid for; tool objects and
 * `toolConfig` are passed through as written, because Google adds tool kinds often.
 */

/** `HarmCategory` of the Gemini API (v1beta), including the PaLM-era values it still lists. */
export const HARM_CATEGORIES = [
  'HARM_CATEGORY_UNSPECIFIED',
  'HARM_CATEGORY_DEROGATORY',
  'HARM_CATEGORY_TOXICITY',
  'HARM_CATEGORY_VIOLENCE',
  'HARM_CATEGORY_SEXUAL',
  'HARM_CATEGORY_MEDICAL',
  'HARM_CATEGORY_DANGEROUS',
  'HARM_CATEGORY_HARASSMENT',
  'HARM_CATEGORY_HATE_SPEECH',
  'HARM_CATEGORY_SEXUALLY_EXPLICIT',
  'HARM_CATEGORY_DANGEROUS_CONTENT',
  'HARM_CATEGORY_CIVIC_INTEGRITY',
] as const;

/** `HarmBlockThreshold`: `OFF` turns the filter off, `BLOCK_NONE` still reports ratings. */
export const HARM_BLOCK_THRESHOLDS = ['HARM_BLOCK_THRESHOLD_UNSPECIFIED', 'BLOCK_LOW_AND_ABOVE', 'BLOCK_MEDIUM_AND_ABOVE', 'BLOCK_ONLY_HIGH', 'BLOCK_NONE', 'OFF'] as const;

/** `HarmBlockMethod` (the optional `method` of a SafetySetting; Vertex AI documents it). */
export const HARM_BLOCK_METHODS = ['HARM_BLOCK_METHOD_UNSPECIFIED', 'SEVERITY', 'PROBABILITY'] as const;

/**
 * One of Google's enum values, with a short message: zod's lists all twelve categories, and the
 * "did you mean" is what a reader needs. Values are matched exactly, as written in Google's docs.
 */
function googleEnum<const Values extends readonly [string, ...string[]]>(what: string, values: Values) {
  const isValue = (value: string): value is Values[number] => (values as readonly string[]).includes(value);
  return z
    .string()
    .superRefine((value, ctx) => {
      if (isValue(value)) return;
      ctx.addIssue({
        code: 'custom',
        message: `unknown ${what} "${value}"`,
        params: { hint: didYouMean(value, values) ?? `Known values: ${values.join(', ')}` },
      });
    })
    .transform((value) => (isValue(value) ? value : values[0]));
}

const safetySettingSchema = closedObject({
  category: googleEnum('harm category', HARM_CATEGORIES),
  threshold: googleEnum('harm block threshold', HARM_BLOCK_THRESHOLDS),
  method: googleEnum('harm block method', HARM_BLOCK_METHODS).exactOptional(),
});

const jsonObject = z.record(z.string(), z.unknown());

/**
 * A function name Gemini accepts: "Must start with a letter or an underscore. Must be a-z, A-Z,
 * 0-9, or contain underscores, dots, colons and dashes, with a maximum length of 64"
 * (FunctionDeclaration.name in the Gemini API reference, generativelanguage v1beta, and the google-genai SDKs).
 */
const FUNCTION_NAME = /^[a-zA-Z_][a-zA-Z0-9_.:-]{0,63}$/;

/** Why `name` is not a function name Gemini accepts, or undefined when it is one. */
function functionNameProblem(name: string): string | undefined {
  if (FUNCTION_NAME.test(name)) return undefined;
  const why =
    name.length > 64
      ? `is ${name.length} characters long`
      : name === ''
        ? 'is empty'
        : /^[a-zA-Z_]/.test(name)
          ? 'has a character Gemini does not accept'
          : 'does not start with a letter or an underscore';
  return `function name ${JSON.stringify(name)} ${why}`;
}

const FUNCTION_NAME_HINT = 'Gemini accepts a-z, A-Z, 0-9, underscores, dots, colons and dashes, at most 64 characters, starting with a letter or an underscore';

const functionNameSchema = z.string().superRefine((name, ctx) => {
  const problem = functionNameProblem(name);
  if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem, params: { hint: FUNCTION_NAME_HINT } });
});

/**
 * `toolConfig`: passed through, but the names in `functionCallingConfig.allowedFunctionNames`
 * (either casing) are function names and follow the same rule as the declarations'.
 */
const toolConfigSchema = jsonObject.superRefine((config, ctx) => {
  for (const configKey of ['functionCallingConfig', 'function_calling_config']) {
    const calling = config[configKey];
    if (calling === null || typeof calling !== 'object') continue;
    for (const namesKey of ['allowedFunctionNames', 'allowed_function_names']) {
      const names: unknown = (calling as Record<string, unknown>)[namesKey];
      if (!Array.isArray(names)) continue;
      names.forEach((name: unknown, index) => {
        const problem = typeof name === 'string' ? functionNameProblem(name) : 'expected a function name';
        if (problem !== undefined) ctx.addIssue({ code: 'custom', path: [configKey, namesKey, index], message: problem, params: { hint: FUNCTION_NAME_HINT } });
      });
    }
  }
});

/** A `FunctionDeclaration`: a name Gemini accepts is required; its schemas are user data, passed through. */
const functionDeclarationSchema = z.looseObject({
  name: functionNameSchema,
  description: z.string().exactOptional(),
  parameters: jsonObject.exactOptional(),
  parametersJsonSchema: jsonObject.exactOptional(),
  response: jsonObject.exactOptional(),
  responseJsonSchema: jsonObject.exactOptional(),
});

/**
 * One `Tool`: a mapping whose keys are the tool kinds Google documents (a typo gets a "did you
 * mean"); each kind's settings are passed through. `{}` is allowed (apigo's template sends it).
 */
const toolKindsSchema = closedObject({
  functionDeclarations: z.array(functionDeclarationSchema).exactOptional(),
  googleSearch: jsonObject.exactOptional(),
  googleSearchRetrieval: jsonObject.exactOptional(),
  codeExecution: jsonObject.exactOptional(),
  urlContext: jsonObject.exactOptional(),
  computerUse: jsonObject.exactOptional(),
  fileSearch: jsonObject.exactOptional(),
  googleMaps: jsonObject.exactOptional(),
  mcpServers: z.array(jsonObject).exactOptional(),
});

type Tool = z.output<typeof toolKindsSchema>;
const TOOL_KINDS = Object.keys(toolKindsSchema.shape);

/**
 * A tool entry: not a plain zod object, so that a bare name (`tools: [googleSearch]`, the usual
 * slip) gets a hint showing the mapping to write; a mapping's own issues are forwarded as they are.
 */
const toolSchema = z
  .custom<Tool>(() => true)
  .superRefine((entry, ctx) => {
    const value: unknown = entry;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      const kind = typeof value === 'string' ? TOOL_KINDS.find((name) => name.toLowerCase() === value.toLowerCase()) : undefined;
      ctx.addIssue({
        code: 'custom',
        message: `a tool must be a mapping, got ${typeof value === 'string' ? `"${value}"` : Array.isArray(value) ? 'a list' : String(value)}`,
        params: { hint: kind === undefined ? `Write a mapping such as { googleSearch: {} }; tool kinds: ${TOOL_KINDS.join(', ')}` : `Write { ${kind}: {} }` },
      });
      return;
    }
    const parsed = toolKindsSchema.safeParse(value, { reportInput: true });
    if (!parsed.success) for (const issue of parsed.error.issues) ctx.addIssue({ ...issue });
  });

/**
 * A `Content` used as a system instruction. Gemini ignores its role; relays' examples send
 * `user` (gptplus5) and `system` (gptproto), so those and `model` are accepted. Parts pass
 * through as written (`text`, `inlineData`, `fileData`, ...).
 */
const systemContentSchema = closedObject({
  role: z.enum(['user', 'model', 'system']).exactOptional(),
  parts: z.array(jsonObject).min(1),
});

type SystemContent = z.output<typeof systemContentSchema>;

/**
 * A system instruction: plain text (sent as one text part) or a full `Content`. Not a zod union,
 * which would report one vague "invalid input" for a Content with a typo; the Content's own
 * issues (unknown key, bad role) are forwarded with their paths instead.
 */
export const systemInstructionSchema = z
  .custom<string | SystemContent>(() => true)
  .superRefine((value, ctx) => {
    if (typeof value === 'string') return;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      ctx.addIssue({ code: 'custom', message: 'expected text or a Content mapping with parts: (and optionally role:)' });
      return;
    }
    const parsed = systemContentSchema.safeParse(value, { reportInput: true });
    if (!parsed.success) for (const issue of parsed.error.issues) ctx.addIssue({ ...issue });
  });

/** The request fields shared by the suite's top level and each case (zod shape, spread into both). */
export const requestFieldsShape = {
  systemInstruction: systemInstructionSchema.exactOptional(),
  safetySettings: z.array(safetySettingSchema).exactOptional(),
  tools: z.array(toolSchema).exactOptional(),
  toolConfig: toolConfigSchema.exactOptional(),
  cachedContent: z.string().min(1).exactOptional(),
  labels: z.record(z.string(), z.string()).exactOptional(),
};

const requestFieldsSchema = z.object(requestFieldsShape);

/** The request fields as validated; `systemInstruction` is kept apart in `Suite` and `Case`. */
export type RequestFieldsInput = z.output<typeof requestFieldsSchema>;

/** A system instruction as written: text, or a `Content` with `role` and `parts`. */
export type SystemInstruction = z.output<typeof systemInstructionSchema>;

/** Everything but the system instruction: what `Suite.request` and `Case.request` hold. */
export type RequestFields = Omit<RequestFieldsInput, 'systemInstruction'>;

/** Picks the request fields out of a validated suite or case, dropping the absent ones. */
export function requestFieldsOf(input: RequestFieldsInput): RequestFields {
  const fields: RequestFields = {};
  if (input.safetySettings !== undefined) fields.safetySettings = input.safetySettings;
  if (input.tools !== undefined) fields.tools = input.tools;
  if (input.toolConfig !== undefined) fields.toolConfig = input.toolConfig;
  if (input.cachedContent !== undefined) fields.cachedContent = input.cachedContent;
  if (input.labels !== undefined) fields.labels = input.labels;
  return fields;
}
