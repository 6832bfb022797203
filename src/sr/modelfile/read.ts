/**
 * A reader's model file (bytes) -> its state dict as float32 tensors in PyTorch layout: PyTorch zip
 * `.pth` / `.pt`, or `.safetensors` (F32 / F16, or the site's own int8). PyTorch's legacy format (before 1.6) is refused with a
 * message that says how to convert it. Nothing in the file is executed or rendered.
 */
import { dequantize } from '../weights/decode';
import type { DecodedWeights } from '../weights/decode';
import { WeightError } from '../weights/errors';
import { parseSafetensors } from '../weights/safetensors';
import { isLegacyPth, isZip, readPth, stateDictOf } from './pth';

export function readModelFile(bytes: Uint8Array, fileName = 'the file'): DecodedWeights {
  if (isZip(bytes)) {
    try {
      return stateDictOf(readPth(bytes));
    } catch (err) {
      if (err instanceof WeightError) throw err.subject ? err : new WeightError(err.code, err.message, fileName);
      // anything else (a pickle nested too deep, a tensor too large to allocate) is a file we cannot read
      throw new WeightError('corrupt', `the file cannot be read as weights (${(err as Error).message})`, fileName);
    }
  }
  if (isLegacyPth(bytes)) {
    throw new WeightError(
      'format',
      'this .pth uses PyTorch\'s legacy format (before version 1.6), which is not read here; load it in PyTorch and save it again with torch.save, or as .safetensors',
      fileName,
    );
  }
  if (bytes.length >= 9 && bytes[8] === 0x7b) {
    // F32 and F16 tensors (and this site's own int8 files); any other dtype is refused by name
    return stateDictOf(dequantize(parseSafetensors(bytes, fileName), fileName));
  }
  throw new WeightError('format', 'this is neither a PyTorch .pth (zip) nor a .safetensors file', fileName);
}
