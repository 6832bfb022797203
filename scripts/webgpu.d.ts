/** The npm package `webgpu` (Dawn's Node binding): only in the GPU kit (../shared/gpu), not a dependency. */
declare module 'webgpu' {
  export function create(flags: string[]): unknown;
  export const globals: Record<string, unknown>;
}
