import { cacheDesigner } from './cache';
import { StoreDesigner } from './designer';
import { keyValueDesigner } from './key-value';
import { objectStorageDesigner } from './object-storage';
import { queueDesigner } from './queue';
import { relationalDesigner } from './relational';
import { DataStoreKind } from '../../requirements';

/** One designer per store kind: a new DataStoreKind member does not compile until it has one. */
export const STORE_DESIGNERS: Record<DataStoreKind, StoreDesigner> = {
  [DataStoreKind.KEY_VALUE]: keyValueDesigner,
  [DataStoreKind.RELATIONAL]: relationalDesigner,
  [DataStoreKind.OBJECT_STORAGE]: objectStorageDesigner,
  [DataStoreKind.QUEUE]: queueDesigner,
  [DataStoreKind.CACHE]: cacheDesigner,
};
