// Watching the database: a query re-run whenever what it read changes, in this tab or another
// (Dexie's liveQuery). The stores subscribe through this, so that only src/db knows Dexie.
import Dexie, { liveQuery } from 'dexie';

export interface Watch {
  unsubscribe(): void;
}

export interface WatchObserver<T> {
  next(value: T): void;
  error(err: unknown): void;
}

export function watchQuery<T>(query: () => Promise<T>, observer: WatchObserver<T>): Watch {
  return liveQuery(query).subscribe(observer);
}

/** A database failure's own message (Dexie wraps the browser's errors in its own classes). */
export function dbErrorText(err: unknown): string {
  if (err instanceof Dexie.DexieError) return err.message;
  if (err instanceof Error) return err.message;
  return String(err);
}

/** Whether an error (native DOMException or Dexie's wrapper) means the browser's storage is full. */
export function isQuotaError(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    const name = (e as { name?: unknown }).name;
    if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
    e = (e as { inner?: unknown }).inner ?? (e as { cause?: unknown }).cause;
  }
  return false;
}
