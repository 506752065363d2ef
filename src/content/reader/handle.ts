/**
 * The reader's page side as the rest of Lectern reaches it: a handle at
 * `globalThis.lecternReader` in the content scripts' isolated world (the
 * page cannot see or replace it), set by extract.iife.ts when the reader
 * first opens in a tab. The background calls it through
 * scripting.executeScript; the always-on script closes it when cut off.
 */
export interface ReaderHandle {
  /** Opens or closes the reader; whether it is open now. */
  toggle(): boolean;
  isOpen(): boolean;
}

/** Where the handle lives. */
export interface ReaderScope {
  lecternReader?: ReaderHandle;
}
