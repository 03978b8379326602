export { createStreamDecoder } from './stream-decoder.js';
export type {
  DecodedItem,
  DecodeProblem,
  RelayErrorInfo,
  StreamDecoder,
  StreamDecoderOptions,
} from './types.js';
