// A file the site ships (a demo photograph, a pre-computed picture) could not be fetched. It carries
// `code: 'asset'` so src/i18n/failures.ts can tell the reader in the page's language, without reading
// the English message.

export class AssetError extends Error {
  readonly code = 'asset';
  constructor(
    readonly url: string,
    readonly status?: number,
  ) {
    super(status === undefined ? `${url} could not be fetched` : `HTTP ${status} for ${url}`);
    this.name = 'AssetError';
  }
}

/** `fetch` for a site file: resolves only with an OK response, else throws an AssetError. */
export async function fetchAsset(url: string): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(url);
  } catch {
    throw new AssetError(url);
  }
  if (!res.ok) throw new AssetError(url, res.status);
  return res;
}
