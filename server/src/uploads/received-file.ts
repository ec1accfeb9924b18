/** A file received into a temporary path; the caller moves it into place or discards it. */
export type ReceivedFile = {
  tempPath: string;
  size: number;
  sha256: string;
  /** The first bytes, for deciding the type by content. */
  head: Buffer;
  /** The name the client gave the file, as sent (may include a path); empty when none. */
  filename: string;
  discard(): Promise<void>;
};

export type ReceiveOptions = {
  /** The form field that carries the file. */
  field: string;
  maxBytes: number;
  /** On the same file system as the final location, so a rename moves it. */
  tempDir: string;
  /** Shown when the file is over `maxBytes`; names the limit. */
  tooLargeMessage: string;
  /** Shown when the request carries no file in `field`. */
  missingMessage: string;
};
