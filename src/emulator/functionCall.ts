import type { GeminiPart } from '../client/types.js';

/**
 * Function calling in the emulator: when a request declares function tools (and `toolConfig`
 * does not set mode `NONE`), the simulated model answers with a `functionCall` part for the first
 * declared function instead of text, as Gemini does when it decides to call a tool
 * (https://ai.google.dev/gemini-api/docs/function-calling). Its arguments carry the model's
 * answer, so a tool-use suite can still be graded against the answer key.
 */

/** The function the emulated model will call: its name and declared parameter properties. */
export interface DeclaredFunction {
  name: string;
  /** `properties` of its `parameters` (OpenAPI subset) or `parametersJsonSchema`; `{}` when none. */
  properties: Record<string, unknown>;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A field by its camelCase name or its snake_case twin (the request may be either). */
function field(object: Json, camelName: string): unknown {
  return object[camelName] ?? object[camelName.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)];
}

/** The first function a request declares and allows calling, or undefined. */
export function declaredFunctionOf(body: Json): DeclaredFunction | undefined {
  const toolConfig = field(body, 'toolConfig');
  const callingConfig = isObject(toolConfig) ? field(toolConfig, 'functionCallingConfig') : undefined;
  const mode = isObject(callingConfig) ? field(callingConfig, 'mode') : undefined;
  if (typeof mode === 'string' && mode.toUpperCase() === 'NONE') return undefined;
  const tools = field(body, 'tools');
  if (!Array.isArray(tools)) return undefined;
  for (const tool of tools) {
    const declarations = isObject(tool) ? field(tool, 'functionDeclarations') : undefined;
    if (!Array.isArray(declarations)) continue;
    for (const declaration of declarations) {
      if (!isObject(declaration) || typeof declaration.name !== 'string') continue;
      const schema = field(declaration, 'parameters') ?? field(declaration, 'parametersJsonSchema');
      const properties = isObject(schema) && isObject(schema.properties) ? schema.properties : {};
      return { name: declaration.name, properties };
    }
  }
  return undefined;
}

/**
 * The `functionCall` part answering with `answerText`: each declared property gets a value of its
 * type (text properties the answer itself, numbers the answer as a number when it is one). An
 * answer that is already a call's JSON (`{"functionCall":{"args":{...}}}`, the answer key of a
 * suite graded with `json:` on the call) gives its `args` as they are.
 */
export function functionCallPart(declared: DeclaredFunction, answerText: string): GeminiPart {
  const given = argsInAnswer(answerText);
  if (given !== undefined) return { functionCall: { name: declared.name, args: given } };
  const args: Json = {};
  for (const [name, schema] of Object.entries(declared.properties)) {
    const type = isObject(schema) && typeof schema.type === 'string' ? schema.type.toLowerCase() : 'string';
    args[name] = argumentOfType(type, answerText.trim());
  }
  return { functionCall: { name: declared.name, args } };
}

function argumentOfType(type: string, answer: string): unknown {
  switch (type) {
    case 'number':
    case 'integer': {
      const value = Number(answer.replace(/,/g, ''));
      return Number.isFinite(value) && answer !== '' ? value : 0;
    }
    case 'boolean':
      return true;
    case 'array':
      return [];
    case 'object':
      return {};
    default:
      return answer;
  }
}

function argsInAnswer(answerText: string): Json | undefined {
  if (!answerText.trimStart().startsWith('{')) return undefined;
  try {
    const parsed: unknown = JSON.parse(answerText);
    const call = isObject(parsed) ? parsed.functionCall : undefined;
    return isObject(call) && isObject(call.args) ? call.args : undefined;
  } catch {
    return undefined;
  }
}
