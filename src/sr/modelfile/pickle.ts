/**
 * The pickle inside a PyTorch `.pth` (data.pkl), read as data and never run. Python's pickle can name any
 * function to call while loading; this reader resolves only an allow-list of names (the ordered dict a state
 * dict is, PyTorch's tensor and parameter rebuild functions, the storage types) to inert JavaScript builders,
 * and refuses every other name with a WeightError('unsafe') that quotes it. Parsing itself is the
 * `pickleparser` package (all opcodes of protocols 0–5); what a name does is decided here.
 */
import { Parser } from 'pickleparser';
import { WeightError } from '../weights/errors';

export type StorageDType = 'F32' | 'F16' | 'BF16' | 'F64' | 'I64';

/** A storage record from a persistent id: which file of the archive holds it, its dtype and element count. */
export interface StorageRef {
  kind: 'storage';
  dtype: StorageDType;
  key: string;
  numel: number;
}

/** A tensor as pickled: a view (offset, size, stride in elements) on a storage. */
export interface TensorRef {
  kind: 'tensor';
  storage: StorageRef;
  offset: number;
  size: number[];
  stride: number[];
}

const STORAGE_TYPES: Record<string, StorageDType> = {
  FloatStorage: 'F32',
  HalfStorage: 'F16',
  BFloat16Storage: 'BF16',
  DoubleStorage: 'F64',
  LongStorage: 'I64',
};

type Builder = (...args: unknown[]) => unknown;
const inert = (what: string): Builder => () => {
  throw new WeightError('corrupt', `the pickle uses ${what} in a way a state dict never does`);
};

const isIntList = (v: unknown): v is number[] => Array.isArray(v) && v.every((d) => Number.isInteger(d) && d >= 0);

function rebuildTensor(storage: unknown, offset: unknown, size: unknown, stride: unknown): TensorRef {
  if (!storage || (storage as StorageRef).kind !== 'storage') throw new WeightError('corrupt', 'a tensor does not point to a storage');
  if (!Number.isInteger(offset) || (offset as number) < 0 || !isIntList(size) || !isIntList(stride) || size.length !== stride.length) {
    throw new WeightError('corrupt', 'a tensor has an invalid offset, size or stride');
  }
  return { kind: 'tensor', storage: storage as StorageRef, offset: offset as number, size, stride };
}

/** module.name -> what it builds; nothing else may be named. */
const ALLOWED: Record<string, Builder> = {
  'collections.OrderedDict': () => new Map(),
  'torch._utils._rebuild_tensor_v2': (storage, offset, size, stride) => rebuildTensor(storage, offset, size, stride),
  'torch._utils._rebuild_parameter': (data) => data,
  'torch._utils._rebuild_parameter_with_state': (data) => data,
};

/** Every module.name the reader accepts, for messages. */
export const ALLOWED_NAMES = [...Object.keys(ALLOWED), ...Object.keys(STORAGE_TYPES).map((s) => `torch.${s}`)];

function resolveName(module: string, name: string): Builder {
  const full = `${module}.${name}`;
  if (ALLOWED[full]) return ALLOWED[full];
  if (module === 'torch' && STORAGE_TYPES[name]) return Object.assign(inert(full), { dtype: STORAGE_TYPES[name] });
  throw new WeightError('unsafe', `the file asks Python to run "${full}"; only weights are read here, so it was refused without running anything`);
}

function resolveStorage(pid: unknown): StorageRef {
  const [tag, type, key, , numel] = Array.isArray(pid) ? pid : [];
  const dtype = (type as { dtype?: StorageDType } | undefined)?.dtype;
  if (tag !== 'storage' || !dtype || typeof key !== 'string' || !/^\w+$/.test(key) || !Number.isInteger(numel) || numel < 0) {
    throw new WeightError('corrupt', 'a persistent id in the pickle is not a PyTorch storage record');
  }
  return { kind: 'storage', dtype, key, numel };
}

/** The object a data.pkl describes: Maps for dicts, arrays for tuples and lists, TensorRefs for tensors. */
export function unpickle(pkl: Uint8Array): unknown {
  const parser = new Parser({
    nameResolver: { resolve: resolveName },
    persistentResolver: { resolve: resolveStorage as (pid: string) => unknown },
    extensionResolver: {
      resolve: (code: number) => {
        throw new WeightError('unsafe', `the pickle uses extension code ${code}, which a state dict never does`);
      },
    },
    unpicklingTypeOfDictionary: 'Map',
    unpicklingTypeOfSet: 'array',
  });
  try {
    return parser.parse(pkl);
  } catch (err) {
    if (err instanceof WeightError) throw err;
    throw new WeightError('corrupt', `the pickle inside the file cannot be read (${(err as Error).message})`);
  }
}
