/**
 * The reader's page side as the rest of Lectern reaches it: a handle at
 * `globalThis.lecternReader` in the content scripts' isolated world (the
 * page cannot see or replace it), set by extract.iife.ts when the reader
 * is first asked for in a tab. The background calls it through
 * scripting.executeScript; the always-on script closes it when cut off.
 */
export interface ReaderHandle {
  /** Opens or closes the reader; whether it is open now. */
  toggle(): boolean;
  isOpen(): boolean;
  /**
   * Puts the reader up hidden, its article extracted and its page loaded,
   * so that the next toggle shows it at once: asked for when the popup
   * opens, whose button is the likeliest next step. Does nothing when a
   * reader is up already.
   */
  prepare(): void;
  /** Takes down a reader put up by prepare and never shown (the popup closed without opening it). */
  discard(): void;
}

/** Where the handle lives. */
export interface ReaderScope {
  lecternReader?: ReaderHandle;
}
