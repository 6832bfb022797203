/** Loading the site's weight files (see README.md). */
export { WeightError, isWeightError, type WeightErrorCode } from './errors';
export { halfToFloat, decodeF16 } from './half';
export { parseSafetensors, float32Of, type RawTensor, type SafetensorsFile, type DType } from './safetensors';
export { dequantize, decodeWeightFile, type DecodedTensor, type DecodedWeights } from './decode';
export { checkShapes, type ModelCard, type WeightIndex, type WeightsEntry, type ArchitectureName } from './card';
export { sha256Hex, verifyBytes, verifyWeightFile } from './verify';
export { gunzip, isGzip } from './gzip';
export { download, type DownloadProgress, type DownloadOptions } from './download';
export { CACHE_NAME, cacheKey, readCached, writeCached, forgetCached } from './cache';
export { toWeightMap, toTFLayout, disposeWeights, type WeightMap } from './tensors';
export { interpolateWeights, assertInterpolable } from './interpolate';
export { loadModel, fetchCard, fetchIndex, checkCard, decodeVerified, type LoadOptions, type LoadedModel } from './load';
