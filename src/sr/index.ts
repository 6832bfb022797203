/**
 * Public surface of the super-resolution engine (framework-free; runs in pages, Workers and Node).
 */
export { createImage, fromRGBA, toRGBA, type RGBImage, type RGBALike } from './image';
export { imageToTensor, tensorToImage } from './tensor';
export {
  initBackend,
  describeAttempt,
  probeWebGPU,
  probeWebGL,
  NoBackendError,
  DEFAULT_ORDER,
  type BackendName,
  type BackendFailure,
  type BackendAttempt,
  type BackendReport,
} from './backend';
export { box, triangle, cubic, sinc, lanczos, kernelFor, KERNEL_SUPPORT, type Method } from './kernels';
export {
  resampleWeights,
  mirrorIndex,
  scaledSize,
  type WeightMatrix,
  type WeightOptions,
} from './contributions';
export { resize, resizeTensor, imresize, type ResizeOptions } from './resample';
export { resizeImage, imresizeJs } from './resizeCpu';
export { psnrY, ssimY, lumaY, cropPlane, gaussian, SSIM_WINDOW, SSIM_SIGMA, type Plane } from './metrics';
export {
  forward,
  prepareInput,
  upscale,
  srcnn,
  srresnet,
  rrdbnet,
  vggDiscriminator,
  expectedTensors,
  receptiveRadius,
  networkScale,
  macs,
  activationFootprint,
  type ArchitectureInfo,
  type RunOptions,
  type BNStats,
} from './models';
export {
  WeightError,
  isWeightError,
  loadModel,
  fetchCard,
  fetchIndex,
  checkCard,
  decodeVerified,
  decodeWeightFile,
  parseSafetensors,
  toWeightMap,
  disposeWeights,
  interpolateWeights,
  type WeightErrorCode,
  type ModelCard,
  type WeightIndex,
  type WeightMap,
  type DecodedWeights,
  type LoadOptions,
} from './weights';
export { planTiles, runTiled, tileSizeFor, type TileLimits, type TileProgress } from './runtime/tiling';
export { upscaleImage, type UpscaleOptions } from './runtime/upscale';
export { SRSession, type ModelRef } from './runtime/session';
export { RuntimeClient, RuntimeError, sharedRuntime, type UpscaleRequest, type UpscaleResult } from './runtime/client';
export { degrade, type Jpeg, type Stage, type StageName } from './degrade/pipeline';
export { sampleParams, type DegradeParams, type KernelSpec, type NoiseSpec, type ResizeSpec } from './degrade/params';
export { blurKernel, besselJ1 } from './degrade/kernels';
export { readModelFile } from './modelfile/read';
export { detectArchitecture, SUPPORTED as SUPPORTED_MODEL_FILES, type Detected } from './modelfile/detect';
