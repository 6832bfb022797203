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
export { psnrY, ssimY, lumaY, cropPlane, gaussian, SSIM_WINDOW, SSIM_SIGMA, type Plane } from './metrics';
