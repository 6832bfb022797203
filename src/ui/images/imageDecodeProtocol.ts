// Messages between the page and imageDecode.worker.ts.
export interface DecodeRequest {
  id: number;
  blob: Blob;
  /** Output size; with `resize` false, the image's own. */
  width: number;
  height: number;
  resize: boolean;
}

export type DecodeReply =
  | { id: number; ok: true; width: number; height: number; rgba: ArrayBuffer }
  | { id: number; ok: false; message: string };
