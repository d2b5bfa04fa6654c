/**
 * A template value the estimator cannot know before deploy: a parameter with no value, the
 * account ID, another stack's export, a condition on either. Models read it like any value;
 * reading one is recorded (see `trackUnknownReads`) and makes the resource unpriced with `what`.
 */
export class Unknown {
  constructor(
    /** What the value is, as the end of a sentence: "the parameter 'X' with no default: pass parameters". */
    public readonly what: string,
    /** A short label for descriptions: "parameter X". */
    public readonly label: string,
    /** The template expression it came from (kept so references inside it are still found). */
    public readonly source: unknown,
  ) {}

  public toString(): string {
    return `(${this.label})`;
  }

  public toJSON(): string {
    return this.toString();
  }
}

export function isUnknown(value: unknown): value is Unknown {
  return value instanceof Unknown;
}

/** One read of an Unknown by a cost model: where it was read and what it is. */
export interface UnknownRead {
  readonly path: string;
  readonly unknown: Unknown;
}

let reader: ((read: UnknownRead) => void) | undefined;

/** Runs `fn`, reporting every Unknown read through a tracked container to `onRead`. */
export function trackUnknownReads<T>(onRead: (read: UnknownRead) => void, fn: () => T): T {
  const previous = reader;
  reader = onRead;
  try {
    return fn();
  } finally {
    reader = previous;
  }
}

/** The proxy handler of one tracked container: a class, so that its `get` is shared, not a closure. */
class TrackedContainer implements ProxyHandler<object> {
  constructor(private readonly path: string) {}

  public get(target: object, key: string | symbol, receiver: unknown): unknown {
    const value = Reflect.get(target, key, receiver);
    if (reader && value instanceof Unknown && typeof key === 'string') {
      reader({ path: Array.isArray(target) ? `${this.path}[${key}]` : this.path ? `${this.path}.${key}` : key, unknown: value });
    }
    return value;
  }
}

/**
 * Wraps a container holding an Unknown (at any depth) so that reading the Unknown is recorded.
 * Containers without one are left as they are: most templates pay nothing for the tracking.
 */
export function tracked<T extends object>(container: T, path: string): T {
  return new Proxy(container, new TrackedContainer(path) as ProxyHandler<T>);
}

/** Starts sending reads to `onRead` without a closure per call; returns the reader to restore. */
export function startReading(onRead: (read: UnknownRead) => void): ((read: UnknownRead) => void) | undefined {
  const previous = reader;
  reader = onRead;
  return previous;
}

/** Restores the reader `startReading` returned. */
export function stopReading(previous: ((read: UnknownRead) => void) | undefined): void {
  reader = previous;
}

/** Reads without recording: for optional refinements that must not make a resource unpriced. */
export function untracked<T>(fn: () => T): T {
  return trackUnknownReads(() => undefined, fn);
}
