export { createStreamDecoder } from './streamDecoder.js';
export type {
  DecodedItem,
  DecodeProblem,
  RelayErrorInfo,
  StreamDecoder,
  StreamDecoderOptions,
} from './types.js';
