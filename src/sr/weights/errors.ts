/**
 * The one error type the weight loader throws. `code` says what went wrong so a widget can show a
 * precise message (and never a black image); `message` is a complete sentence for people.
 */
export type WeightErrorCode =
  | 'missing' // the file is not there (HTTP 404, no such file)
  | 'card' // the model card (card.json) is not valid JSON or lacks a field the loader needs
  | 'network' // the request failed or returned another HTTP error
  | 'truncated' // fewer bytes than the card promises, or the header points past the end
  | 'corrupt' // the bytes are not what the card's sha256 describes, or the header is not valid
  | 'shape' // a tensor's shape differs from the model card (or the card from the architecture)
  | 'format' // an unknown dtype, quantisation, encoding or architecture
  | 'unsafe' // a model file asks for something that is never run (a pickle naming a function outside the allow-list)
  | 'unsupported' // the runtime lacks an API the loader needs (DecompressionStream for the gzip files, crypto.subtle)
  | 'aborted'; // the caller's AbortSignal fired

export class WeightError extends Error {
  constructor(
    readonly code: WeightErrorCode,
    message: string,
    /** The model (or file) concerned, when known. */
    readonly subject?: string,
  ) {
    super(subject ? `${subject}: ${message}` : message);
    this.name = 'WeightError';
  }
}

export function isWeightError(err: unknown): err is WeightError {
  return err instanceof Error && err.name === 'WeightError' && 'code' in err;
}
